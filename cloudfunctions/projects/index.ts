import type { OutputsOf } from '../shared/contract/endpoints'
import {
  projectsInputs,
  type ProgressView,
  type ProjectCounts,
  type ProjectView,
  type ProjectsApi,
} from '../shared/contract/projects'
import { currentUser } from '../shared/caller'
import {
  isMemberOf,
  overseesCommunity,
  requireOversight,
  requireStreetOversight,
  workerCommunityIds,
} from '../shared/domain/roles'
import type { CoBuildProject, ProjectProgress, UserRecord } from '../shared/domain/types'
import { AppError } from '../shared/errors'
import { defineFunction } from '../shared/handler'
import { recordAudit } from '../shared/repositories/auditLog'
import { loadDistrictTree, requireCommunity, requireStreet } from '../shared/repositories/directory'
import {
  addProgress,
  closeProject,
  listProgress,
  listProjectsOfCommunities,
  requireProject,
} from '../shared/repositories/projects'

export const main = defineFunction<typeof projectsInputs, OutputsOf<ProjectsApi>>(projectsInputs, {
  async list({ communityId, streetId }) {
    const user = await currentUser()
    const { communities } = await loadDistrictTree()
    let scope = communities
    if (communityId) {
      const community = await requireCommunity(communityId)
      requireOversight(user, community)
      scope = [community]
    } else if (streetId) {
      requireStreetOversight(user, await requireStreet(streetId))
      scope = communities.filter((community) => community.streetId === streetId)
    }
    const projects = await listProjectsOfCommunities(scope.map((community) => community._id))
    return {
      items: projects.map(toProjectView),
      counts: countProjects(projects),
      byCommunity: scope.map((community) => ({
        communityId: community._id,
        communityName: community.name,
        total: projects.filter((project) => project.communityId === community._id).length,
      })),
    }
  },

  async detail({ projectId }) {
    const user = await currentUser()
    const project = await requireViewable(user, projectId)
    return {
      project: toProjectView(project),
      progress: (await listProgress(project._id)).map(toProgressView),
      canAddProgress: project.status === 'active' && mayReport(user, project),
      canClose: project.status === 'active' && worksFor(user, project),
    }
  },

  async addProgress(input) {
    const user = await currentUser()
    const project = await requireProject(input.projectId)
    if (!mayReport(user, project)) {
      throw new AppError('FORBIDDEN', '只有承接组织的成员或社区工作人员可以填写项目进展')
    }
    if (project.status === 'closed') throw new AppError('CONFLICT', '项目已结项，不能再添加进展')
    const entry = await addProgress({
      projectId: project._id,
      month: input.month,
      summary: input.summary,
      peopleServed: input.peopleServed,
      photoFileIds: input.photoFileIds,
      authorId: user._id,
      authorName: user.displayName,
      createdAt: new Date(),
    })
    return toProgressView(entry)
  },

  async close({ projectId, satisfaction, target, achieved }) {
    const user = await currentUser()
    const project = await requireProject(projectId)
    if (!worksFor(user, project)) {
      throw new AppError('FORBIDDEN', '只有项目所在社区的工作人员可以结项评估')
    }
    if (project.status === 'closed') throw new AppError('CONFLICT', '项目已结项')
    const evaluation = {
      satisfaction,
      target,
      achieved,
      evaluatedBy: user._id,
      evaluatedAt: new Date(),
    }
    await closeProject(project._id, evaluation)
    await recordAudit({
      actorId: user._id,
      action: 'projects.close',
      collection: 'projects',
      targetId: project._id,
    })
    return toProjectView({ ...project, status: 'closed', evaluation })
  },
})

function worksFor(user: UserRecord, project: CoBuildProject): boolean {
  return workerCommunityIds(user).includes(project.communityId)
}

function mayReport(user: UserRecord, project: CoBuildProject): boolean {
  return worksFor(user, project) || isMemberOf(user, project.organizationId)
}

async function requireViewable(user: UserRecord, projectId: string): Promise<CoBuildProject> {
  const project = await requireProject(projectId)
  if (isMemberOf(user, project.organizationId)) return project
  if (!overseesCommunity(user, await requireCommunity(project.communityId))) {
    throw new AppError('FORBIDDEN', '您无权查看该项目')
  }
  return project
}

function countProjects(projects: CoBuildProject[]): ProjectCounts {
  const byDomain: ProjectCounts['byDomain'] = {}
  const byList: ProjectCounts['byList'] = { co_build: 0, special: 0 }
  for (const project of projects) {
    byDomain[project.domain] = (byDomain[project.domain] ?? 0) + 1
    byList[project.list] += 1
  }
  return { total: projects.length, byDomain, byList, categories: Object.keys(byDomain).length }
}

function toProjectView(project: CoBuildProject): ProjectView {
  const { evaluation } = project
  return {
    id: project._id,
    communityId: project.communityId,
    communityName: project.communityName,
    organizationName: project.organizationName,
    list: project.list,
    domain: project.domain,
    title: project.title,
    quantity: project.quantity,
    unit: project.unit,
    status: project.status,
    progressCount: project.progressCount,
    source: project.source,
    ...(evaluation
      ? {
          evaluation: {
            satisfaction: evaluation.satisfaction,
            target: evaluation.target,
            achieved: evaluation.achieved,
            evaluatedAt: new Date(evaluation.evaluatedAt).toISOString(),
          },
        }
      : {}),
    createdAt: new Date(project.createdAt).toISOString(),
  }
}

function toProgressView(entry: ProjectProgress): ProgressView {
  return {
    id: entry._id,
    month: entry.month,
    summary: entry.summary,
    peopleServed: entry.peopleServed,
    photoFileIds: entry.photoFileIds,
    authorName: entry.authorName,
    createdAt: new Date(entry.createdAt).toISOString(),
  }
}
