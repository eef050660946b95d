import type {
  CoBuildProject,
  CommunityNeed,
  ProjectEvaluation,
  ProjectListKind,
  ProjectProgress,
} from '../domain/types'
import type { ServiceDomain } from '../domain/categories'
import { AppError } from '../errors'
import {
  COLLECTIONS,
  collection,
  command,
  findAll,
  requireById,
  insertOne,
  updateWhere,
} from './collections'

export interface StartProjectInput {
  source: CoBuildProject['source']
  need: CommunityNeed
  organizationId: string
  organizationName: string
  quantity: number
  unit: string
  /** Defaults to the need's list: a special need becomes a 特色项目, any other a 共建项目. */
  list?: ProjectListKind
  domain?: ServiceDomain
  title?: string
}

/** Starts a co-build project from an approved match or claim (the caller has reserved the units). */
export async function startProject(input: StartProjectInput): Promise<CoBuildProject> {
  const { need } = input
  const now = new Date()
  const project: Omit<CoBuildProject, '_id'> = {
    districtId: need.districtId,
    streetId: need.streetId,
    communityId: need.communityId,
    communityName: need.communityName,
    source: input.source,
    needId: need._id,
    organizationId: input.organizationId,
    organizationName: input.organizationName,
    list: input.list ?? (need.list === 'special' ? 'special' : 'co_build'),
    domain: input.domain ?? need.domain,
    title: input.title ?? need.title,
    quantity: input.quantity,
    unit: input.unit,
    status: 'active',
    progressCount: 0,
    createdAt: now,
    updatedAt: now,
  }
  return { ...project, _id: await insertOne(COLLECTIONS.projects, project) }
}

export async function requireProject(id: string): Promise<CoBuildProject> {
  return requireById<CoBuildProject>(COLLECTIONS.projects, id, '该项目不存在')
}

/** Projects of some communities, newest first; a street has hundreds at most. */
export async function listProjectsOfCommunities(communityIds: string[]): Promise<CoBuildProject[]> {
  return findAll<CoBuildProject>(
    collection(COLLECTIONS.projects)
      .where({ communityId: command().in(communityIds) })
      .orderBy('createdAt', 'desc'),
  )
}

export async function listProgress(projectId: string): Promise<ProjectProgress[]> {
  return findAll<ProjectProgress>(
    collection(COLLECTIONS.projectProgress).where({ projectId }).orderBy('month', 'asc'),
  )
}

/** Adds a progress entry, only while the project is active (checked in the same update). */
export async function addProgress(entry: Omit<ProjectProgress, '_id'>): Promise<ProjectProgress> {
  const updated = await updateWhere(
    collection(COLLECTIONS.projects).where({ _id: entry.projectId, status: 'active' }),
    { progressCount: command().inc(1), updatedAt: entry.createdAt },
  )
  if (updated !== 1) throw new AppError('CONFLICT', '项目已结项，不能再添加进展')
  return { ...entry, _id: await insertOne(COLLECTIONS.projectProgress, entry) }
}

/** Closes an active project with its evaluation; a closed project is read-only. */
export async function closeProject(
  projectId: string,
  evaluation: ProjectEvaluation,
): Promise<void> {
  const updated = await updateWhere(
    collection(COLLECTIONS.projects).where({ _id: projectId, status: 'active' }),
    { status: 'closed', evaluation, updatedAt: evaluation.evaluatedAt },
  )
  if (updated !== 1) throw new AppError('CONFLICT', '项目已结项')
}
