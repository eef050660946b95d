import { recordAuditIn } from '../../shared/audit'
import type { Caller } from '../../shared/caller'
import { requireSafeText } from '../../shared/contentSecurity'
import { COLLECTIONS, command, transaction } from '../../shared/db'
import type { OutputsOf } from '../../shared/endpoints'
import { AppError } from '../../shared/errors'
import { defineService } from '../../shared/handler'
import { messageTime } from '../../shared/messageTemplates'
import {
  isMemberOf,
  isWorkerOf,
  overseesCommunity,
  overseesStreet,
  requireMembership,
  requireOversight,
  requireStreetOversight,
} from '../../shared/roles'
import { temporaryUrls } from '../../shared/storage'
import { DAY_MS, chinaDateOf } from '../../shared/time'
import { notifyRoleHolders } from '../account/notices'
import { loadDistrictTree } from '../directory/repository'
import { requireCommunity, requireStreet } from '../directory/service'
import { requireOrganization } from '../organizations/service'
import { projectsInputs, type ProjectsApi } from './contract'
import {
  REOPEN_WITHIN_DAYS,
  STALLED_AFTER_DAYS,
  organizationRatingOf,
  ratingIdOf,
  residentsMeanOf,
  type CoBuildProject,
  type ProjectEvaluation,
} from './domain'
import {
  findProject,
  findRating,
  listNeedsOfResident,
  listProgress,
  listProjectsOfCommunities,
  listProjectsOfOrganization,
  listStalledProjects,
  readProjectIn,
  readProgressIn,
  readRatingIn,
  saveProgressIn,
  saveRatingIn,
  updateProjectIn,
} from './repository'
import { countProjects, toProgressView, toProjectView } from './views'

export const projectsService = defineService<typeof projectsInputs, OutputsOf<ProjectsApi>>(
  projectsInputs,
  {
    async list({ communityId, streetId, organizationId }, caller) {
      const { communities } = await loadDistrictTree()
      if (organizationId) {
        requireMembership(caller, await requireOrganization(organizationId))
        const projects = await listProjectsOfOrganization(organizationId)
        const served = communities.filter((community) =>
          projects.some((project) => project.communityId === community._id),
        )
        return {
          items: projects.map(toProjectView),
          counts: countProjects(projects),
          byCommunity: served.map((community) => ({
            communityId: community._id,
            communityName: community.name,
            total: projects.filter((project) => project.communityId === community._id).length,
          })),
        }
      }
      let scope = communities
      if (communityId) {
        const community = await requireCommunity(communityId)
        requireOversight(caller, community)
        scope = [community]
      } else if (streetId) {
        requireStreetOversight(caller, await requireStreet(streetId))
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

    async detail({ projectId }, caller) {
      const project = await requireViewable(caller, projectId)
      const [progress, served, rating] = await Promise.all([
        listProgress(project._id),
        isServedBy(caller, project),
        findRating(ratingIdOf(project._id, caller._id)),
      ])
      const urls = await temporaryUrls(progress.flatMap((entry) => entry.photoFileIds))
      return {
        project: toProjectView(project),
        progress: progress.map((entry) => toProgressView(entry, urls)),
        canAddProgress: project.status === 'active' && mayReport(caller, project),
        canClose: project.status === 'active' && isWorkerOf(caller, project.communityId),
        canReopen:
          mayReopenNow(project, new Date()) &&
          overseesStreet(caller, await requireStreet(project.streetId)),
        canSetTargets: project.status === 'active' && mayReport(caller, project),
        canRate: served && !rating && mayBeRated(project),
        ...(rating ? { myRating: rating.stars } : {}),
      }
    },

    async setTargets({ projectId, ...targets }, caller) {
      const project = await requireProject(projectId)
      if (!mayReport(caller, project)) {
        throw new AppError('FORBIDDEN', '只有承接组织的成员或社区工作人员可以设定评估指标')
      }
      await transaction(async (tx) => {
        const current = await readProjectIn(tx, projectId)
        if (current?.status !== 'active') throw new AppError('CONFLICT', '项目已结项，不能修改指标')
        await updateProjectIn(tx, projectId, {
          targets: command().set(targets),
          updatedAt: new Date(),
        })
      })
      return toProjectView({ ...project, targets })
    },

    async rate({ projectId, stars }, caller) {
      const project = await requireProject(projectId)
      if (!(await isServedBy(caller, project))) {
        throw new AppError('FORBIDDEN', '只有该项目服务的居民可以评价')
      }
      const id = ratingIdOf(projectId, caller._id)
      // The rating and the project's running total change together, so closing counts it or not.
      await transaction(async (tx) => {
        const current = await readProjectIn(tx, projectId)
        if (!current || !mayBeRated(current)) {
          throw new AppError('CONFLICT', '项目开展服务后、结项前才能评价')
        }
        if (await readRatingIn(tx, id)) throw new AppError('CONFLICT', '您已评价过该项目')
        await saveRatingIn(tx, {
          _id: id,
          projectId,
          userId: caller._id,
          stars,
          createdAt: new Date(),
        })
        await updateProjectIn(
          tx,
          projectId,
          current.ratings
            ? { 'ratings.count': command().inc(1), 'ratings.sum': command().inc(stars) }
            : { ratings: command().set({ count: 1, sum: stars }) },
        )
      })
      return toProjectView((await findProject(projectId)) ?? project)
    },

    async served(_input, caller) {
      const lineIds = await servedLineIds(caller)
      if (lineIds.length === 0) return []
      const communityIds = [
        ...new Set((await listNeedsOfResident(caller._id)).map((need) => need.communityId)),
      ]
      const projects = (await listProjectsOfCommunities(communityIds)).filter((project) =>
        lineIds.includes(project.needId),
      )
      const ratings = await Promise.all(
        projects.map((project) => findRating(ratingIdOf(project._id, caller._id))),
      )
      return projects.map((project, index) => {
        const rating = ratings[index]
        return {
          project: toProjectView(project),
          ...(rating ? { myRating: rating.stars } : {}),
          canRate: !rating && mayBeRated(project),
        }
      })
    },

    async organizationReport({ organizationId }, caller) {
      const organization = await requireOrganization(organizationId)
      const staff = caller.roles.some(
        (role) => role.kind === 'street_admin' || role.kind === 'district_admin',
      )
      if (!staff) requireMembership(caller, organization)
      const projects = await listProjectsOfOrganization(organizationId)
      const rating = organizationRatingOf(projects)
      return {
        organizationId,
        organizationName: organization.name,
        ...(rating ? { rating: rating.rating } : {}),
        evaluatedCount: rating?.count ?? 0,
        activeCount: projects.filter((project) => project.status === 'active').length,
        projects: projects.map(toProjectView),
      }
    },

    async addProgress(input, caller) {
      const project = await requireProject(input.projectId)
      if (!mayReport(caller, project)) {
        throw new AppError('FORBIDDEN', '只有承接组织的成员或社区工作人员可以填写项目进展')
      }
      if (input.month > chinaDateOf(new Date()).slice(0, 7)) {
        throw new AppError('INVALID_INPUT', '不能填写未来月份的进展')
      }
      await requireSafeText(caller._id, 'forum', { 本月进展: input.summary })
      const entry = {
        // One entry per project and month: the month's meeting reads it.
        _id: `progress-${project._id}-${input.month}`,
        projectId: project._id,
        month: input.month,
        summary: input.summary,
        peopleServed: input.peopleServed,
        photoFileIds: input.photoFileIds,
        authorId: caller._id,
        authorName: caller.displayName,
        createdAt: new Date(),
      }
      // The entry and the project's count change together, and only while it is active.
      await transaction(async (tx) => {
        const current = await readProjectIn(tx, project._id)
        if (current?.status !== 'active') {
          throw new AppError('CONFLICT', '项目已结项，不能再添加进展')
        }
        if (await readProgressIn(tx, entry._id)) {
          throw new AppError('CONFLICT', `该项目 ${input.month} 的进展已填写，每月只填写一次`)
        }
        await saveProgressIn(tx, entry)
        await updateProjectIn(tx, project._id, {
          progressCount: command().inc(1),
          updatedAt: entry.createdAt,
        })
      })
      return toProgressView(entry, await temporaryUrls(entry.photoFileIds))
    },

    async reopen({ projectId, reason }, caller) {
      const project = await requireProject(projectId)
      const street = await requireStreet(project.streetId)
      if (!overseesStreet(caller, street)) {
        throw new AppError('FORBIDDEN', `只有${street.name}的管理员可以重新开启已结项的项目`)
      }
      const now = new Date()
      await transaction(async (tx) => {
        const current = await readProjectIn(tx, projectId)
        if (current?.status !== 'closed' || !current.evaluation) {
          throw new AppError('CONFLICT', '项目尚未结项，无需重新开启')
        }
        if (!mayReopenNow(current, now)) {
          throw new AppError('CONFLICT', `结项已超过 ${REOPEN_WITHIN_DAYS} 天，不能重新开启`)
        }
        await updateProjectIn(tx, projectId, {
          status: 'active',
          evaluation: command().remove(),
          reopenings: command().push([
            { reason, by: caller._id, at: now, evaluation: current.evaluation },
          ]),
          updatedAt: now,
        })
        await recordAuditIn(tx, {
          actorId: caller._id,
          action: 'projects.reopen',
          collection: COLLECTIONS.projects,
          targetId: projectId,
          detail: reason,
        })
      })
      return toProjectView(await requireProject(projectId))
    },

    async close({ projectId, satisfaction, target, achieved, sessions, hours }, caller) {
      const project = await requireProject(projectId)
      if (!isWorkerOf(caller, project.communityId)) {
        throw new AppError('FORBIDDEN', '只有项目所在社区的工作人员可以结项评估')
      }
      const progress = await listProgress(projectId)
      const peopleServed = progress.reduce((sum, entry) => sum + entry.peopleServed, 0)
      const evaluation = await transaction(async (tx) => {
        const current = await readProjectIn(tx, projectId)
        if (current?.status !== 'active') throw new AppError('CONFLICT', '项目已结项')
        if (current.progressCount !== progress.length) {
          throw new AppError('CONFLICT', '项目进展刚有更新，请刷新后重试')
        }
        const residents = residentsMeanOf(current.ratings)
        const evaluation: ProjectEvaluation = {
          satisfaction,
          target,
          achieved,
          evaluatedBy: caller._id,
          evaluatedAt: new Date(),
          measured: { peopleServed, sessions: sessions ?? 0, hours: hours ?? 0 },
          ...(residents ? { residents } : {}),
          score: residents?.mean ?? satisfaction,
        }
        await updateProjectIn(tx, projectId, {
          status: 'closed',
          evaluation: command().set(evaluation),
          updatedAt: evaluation.evaluatedAt,
        })
        await recordAuditIn(tx, {
          actorId: caller._id,
          action: 'projects.close',
          collection: COLLECTIONS.projects,
          targetId: projectId,
        })
        return evaluation
      })
      return toProjectView({ ...project, status: 'closed', evaluation })
    },
  },
)

/**
 * The projects function's daily timer: an active project without progress for two months is
 * brought to its organization's members and its community's workers, once a month.
 */
export async function projectsOnTimer(): Promise<{ stalled: number; notified: number }> {
  const now = new Date()
  const stalled = await listStalledProjects(new Date(now.getTime() - STALLED_AFTER_DAYS * DAY_MS))
  const month = chinaDateOf(now).slice(0, 7)
  let notified = 0
  for (const project of stalled) {
    const notice = {
      title: '项目进展待更新',
      body: `${project.communityName}的共建项目「${project.title}」已超过 ${STALLED_AFTER_DAYS} 天没有进展记录，请填写月度进展。`,
      ref: project._id,
    }
    const message = {
      template: 'todoReminder' as const,
      values: {
        subject: `填写项目进展：${project.title}`,
        note: `${project.organizationName}·${project.communityName}`,
        time: messageTime(now),
      },
      page: `packages/projects/pages/detail/index?projectId=${project._id}`,
    }
    const idPrefix = `stalled:${project._id}:${month}`
    notified += await notifyRoleHolders(
      { kind: 'org_member', orgId: project.organizationId },
      idPrefix,
      notice,
      message,
    )
    notified += await notifyRoleHolders(
      { kind: 'community_worker', communityId: project.communityId },
      idPrefix,
      notice,
      message,
    )
  }
  return { stalled: stalled.length, notified }
}

/** Closed within the last REOPEN_WITHIN_DAYS days. */
function mayReopenNow(project: CoBuildProject, now: Date): boolean {
  const closedAt = project.status === 'closed' ? project.evaluation?.evaluatedAt : undefined
  return Boolean(
    closedAt && now.getTime() - new Date(closedAt).getTime() <= REOPEN_WITHIN_DAYS * DAY_MS,
  )
}

async function requireProject(id: string): Promise<CoBuildProject> {
  const project = await findProject(id)
  if (!project) throw new AppError('NOT_FOUND', '该项目不存在')
  return project
}

/** Rated once it has served (a monthly entry), until it closes. */
function mayBeRated(project: CoBuildProject): boolean {
  return project.status === 'active' && project.progressCount > 0
}

/** The need lines that took over the caller's own needs (报事求助 taken into the need list). */
async function servedLineIds(caller: Caller): Promise<string[]> {
  const needs = await listNeedsOfResident(caller._id)
  return needs.flatMap((need) => (need.assignee?.kind === 'need_list' ? [need.assignee.id] : []))
}

async function isServedBy(caller: Caller, project: CoBuildProject): Promise<boolean> {
  return (await servedLineIds(caller)).includes(project.needId)
}

function mayReport(caller: Caller, project: CoBuildProject): boolean {
  return isWorkerOf(caller, project.communityId) || isMemberOf(caller, project.organizationId)
}

async function requireViewable(caller: Caller, projectId: string): Promise<CoBuildProject> {
  const project = await requireProject(projectId)
  if (isMemberOf(caller, project.organizationId)) return project
  // A resident whose need it serves sees it, to rate it.
  if (await isServedBy(caller, project)) return project
  if (!overseesCommunity(caller, await requireCommunity(project.communityId))) {
    throw new AppError('FORBIDDEN', '您无权查看该项目')
  }
  return project
}
