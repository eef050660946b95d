import { COLLECTIONS, command, findById, type Transaction } from '../../shared/db'
import { readAll } from '../../shared/paging'
import type { CoBuildProject, ProjectProgress } from './domain'

export function findProject(id: string): Promise<CoBuildProject | undefined> {
  return findById<CoBuildProject>(COLLECTIONS.projects, id)
}

export function readProjectIn(tx: Transaction, id: string) {
  return tx.get<CoBuildProject>(COLLECTIONS.projects, id)
}

export function saveProjectIn(tx: Transaction, project: CoBuildProject) {
  return tx.set(COLLECTIONS.projects, project)
}

export function updateProjectIn(tx: Transaction, id: string, changes: object) {
  return tx.update(COLLECTIONS.projects, id, changes)
}

/** Projects of some communities, newest first; a street has hundreds at most. */
export function listProjectsOfCommunities(communityIds: string[]): Promise<CoBuildProject[]> {
  return readAll<CoBuildProject>(
    COLLECTIONS.projects,
    { communityId: command().in(communityIds) },
    [
      ['createdAt', 'desc'],
      ['_id', 'desc'],
    ],
  )
}

/** The projects an organization carries out, newest first. */
export function listProjectsOfOrganization(organizationId: string): Promise<CoBuildProject[]> {
  return readAll<CoBuildProject>(COLLECTIONS.projects, { organizationId }, [
    ['createdAt', 'desc'],
    ['_id', 'desc'],
  ])
}

export function listProgress(projectId: string): Promise<ProjectProgress[]> {
  return readAll<ProjectProgress>(COLLECTIONS.projectProgress, { projectId }, [
    ['month', 'asc'],
    ['_id', 'asc'],
  ])
}

export function readProgressIn(tx: Transaction, id: string) {
  return tx.get<ProjectProgress>(COLLECTIONS.projectProgress, id)
}

export function saveProgressIn(tx: Transaction, entry: ProjectProgress) {
  return tx.set(COLLECTIONS.projectProgress, entry)
}

/** Active projects not updated (no progress entry) since the cutoff. */
export function listStalledProjects(cutoff: Date): Promise<CoBuildProject[]> {
  return readAll<CoBuildProject>(
    COLLECTIONS.projects,
    { status: 'active', updatedAt: command().lt(cutoff) },
    [
      ['updatedAt', 'asc'],
      ['_id', 'asc'],
    ],
  )
}
