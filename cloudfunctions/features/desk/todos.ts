import type { Caller } from '../../shared/caller'
import { COLLECTIONS, command, countWhere } from '../../shared/db'
import { idsWhere } from './repository'
import { scopeOfRole, type Role, type RoleKind } from '../../shared/roles'
import { DAY_MS, chinaDateOf } from '../../shared/time'
import { unclaimedCutoff } from '../claims/domain'
import { listClaims } from '../claims/repository'
import { councilMeetingIdOf, quarterOfDate } from '../councils/domain'
import { loadDistrictTree } from '../directory/repository'
import { countUncommittedNeedsBefore } from '../lists/repository'
import { STALLED_AFTER_DAYS } from '../projects/domain'
import type { RoleTodosView, TodoView } from './contract'

/**
 * What each role has to do, one entry per to-do. Every feature contributes its own lines here: a
 * count on the database for the role's scope and the page where the work is done. A new feature
 * (e.g. the quarterly councils) adds a line to TODO_SOURCES.
 */
interface TodoSource {
  role: RoleKind
  key: string
  title: string
  count(scopeId: string, context: TodoContext): Promise<number>
  page(scopeId: string): string
}

interface TodoContext {
  caller: Caller
  now: Date
  today: string
  /** The communities of a street or district (read once, when a role needs them). */
  communitiesOf(scopeId: string): Promise<string[]>
}

const _ = () => command()
const stalledBefore = (now: Date) => new Date(now.getTime() - STALLED_AFTER_DAYS * DAY_MS)

const TODO_SOURCES: TodoSource[] = [
  {
    role: 'resident',
    key: 'bookingsToday',
    title: '今日预约',
    count: (_scope, { caller, today }) =>
      countWhere(COLLECTIONS.stallBookings, { userId: caller._id, date: today, status: 'booked' }),
    page: () => 'packages/stalls/pages/mine/index',
  },
  {
    role: 'resident',
    key: 'needsToConfirm',
    title: '待确认办结的需求',
    count: (_scope, { caller }) =>
      countWhere(COLLECTIONS.personalNeeds, { residentId: caller._id, status: 'resolved' }),
    page: () => 'packages/needs/pages/mine/index',
  },
  {
    role: 'volunteer',
    key: 'shiftsToday',
    title: '今日报名的班次',
    count: async (_scope, { caller, today }) => {
      const shiftIds = await idsWhere(COLLECTIONS.volunteerShifts, { status: 'open', date: today })
      if (shiftIds.length === 0) return 0
      return countWhere(COLLECTIONS.volunteerSignups, {
        userId: caller._id,
        placeId: _().in(shiftIds),
        status: 'booked',
      })
    },
    page: () => 'packages/volunteers/pages/service/index',
  },
  {
    role: 'org_member',
    key: 'proposalsToAnswer',
    title: '待答复的匹配方案',
    count: (orgId) =>
      countWhere(COLLECTIONS.matchProposals, {
        organizationId: orgId,
        status: 'proposed',
        providerDecision: 'pending',
      }),
    page: (orgId) => `packages/lists/pages/proposals/index?organizationId=${orgId}`,
  },
  {
    role: 'org_member',
    key: 'projectsStalled',
    title: `超过 ${STALLED_AFTER_DAYS} 天无进展的项目`,
    count: (orgId, { now }) =>
      countWhere(COLLECTIONS.projects, {
        organizationId: orgId,
        status: 'active',
        updatedAt: _().lt(stalledBefore(now)),
      }),
    page: (orgId) => `packages/projects/pages/list/index?organizationId=${orgId}`,
  },
  {
    role: 'community_worker',
    key: 'needsToAccept',
    title: '待受理的居民需求',
    count: (communityId) => countWhere(COLLECTIONS.personalNeeds, { communityId, status: 'open' }),
    page: (communityId) => `packages/needs/pages/community/index?communityId=${communityId}`,
  },
  {
    role: 'community_worker',
    key: 'claimsToReview',
    title: '待审核的揭榜',
    count: (communityId) => countWhere(COLLECTIONS.claims, { communityId, status: 'pending' }),
    page: (communityId) => `packages/projects/pages/review/index?communityId=${communityId}`,
  },
  {
    role: 'community_worker',
    key: 'proposalsToConfirm',
    title: '待确认的匹配方案',
    count: (communityId) =>
      countWhere(COLLECTIONS.matchProposals, {
        communityId,
        status: 'proposed',
        communityDecision: 'pending',
      }),
    page: (communityId) => `packages/lists/pages/proposals/index?communityId=${communityId}`,
  },
  {
    role: 'community_worker',
    key: 'volunteersToVerify',
    title: '待审核的志愿者',
    count: (communityId) => countWhere(COLLECTIONS.volunteers, { communityId, status: 'pending' }),
    page: (communityId) => `packages/volunteers/pages/review/index?communityId=${communityId}`,
  },
  {
    role: 'community_worker',
    key: 'stallsToday',
    title: '今日服务集市',
    count: (communityId, { today }) =>
      countWhere(COLLECTIONS.stallEvents, { communityId, date: today, status: 'published' }),
    page: () => 'packages/stalls/pages/events/index',
  },
  {
    role: 'community_worker',
    key: 'casesWaiting',
    title: '待调解的案件',
    count: (communityId) =>
      countWhere(COLLECTIONS.mediationCases, { communityId, status: 'accepted' }),
    page: (communityId) => `packages/mediation/pages/cases/index?communityId=${communityId}`,
  },
  {
    role: 'community_worker',
    key: 'projectsStalled',
    title: `超过 ${STALLED_AFTER_DAYS} 天无进展的项目`,
    count: (communityId, { now }) =>
      countWhere(COLLECTIONS.projects, {
        communityId,
        status: 'active',
        updatedAt: _().lt(stalledBefore(now)),
      }),
    page: (communityId) => `packages/projects/pages/list/index?communityId=${communityId}`,
  },
  {
    role: 'street_admin',
    key: 'needsOverdue',
    title: '超期未揭榜的需求',
    count: async (streetId, { now, communitiesOf }) =>
      countOverdueNeeds(await communitiesOf(streetId), now),
    page: (streetId) => `packages/projects/pages/overdue/index?streetId=${streetId}`,
  },
  {
    role: 'street_admin',
    key: 'councilDue',
    title: '本季度共建议事会待召开',
    count: async (streetId, { today }) =>
      1 -
      (await countWhere(COLLECTIONS.councilMeetings, {
        _id: councilMeetingIdOf(streetId, quarterOfDate(today)),
      })),
    page: (streetId) => `packages/councils/pages/council/index?streetId=${streetId}`,
  },
  {
    role: 'street_admin',
    key: 'councilOpen',
    title: '进行中待闭会的共建议事会',
    count: (streetId) => countWhere(COLLECTIONS.councilMeetings, { streetId, status: 'open' }),
    page: (streetId) => `packages/councils/pages/council/index?streetId=${streetId}`,
  },
  {
    role: 'street_admin',
    key: 'projectsStalled',
    title: `超过 ${STALLED_AFTER_DAYS} 天无进展的项目`,
    count: (streetId, { now }) =>
      countWhere(COLLECTIONS.projects, {
        streetId,
        status: 'active',
        updatedAt: _().lt(stalledBefore(now)),
      }),
    page: (streetId) => `packages/projects/pages/list/index?streetId=${streetId}`,
  },
  {
    role: 'district_admin',
    key: 'needsOverdue',
    title: '超期未揭榜的需求',
    count: async (districtId, { now, communitiesOf }) =>
      countOverdueNeeds(await communitiesOf(districtId), now),
    page: (districtId) => `packages/desk/pages/overview/index?scope=district&id=${districtId}`,
  },
  {
    role: 'district_admin',
    key: 'projectsStalled',
    title: `超过 ${STALLED_AFTER_DAYS} 天无进展的项目`,
    count: (districtId, { now }) =>
      countWhere(COLLECTIONS.projects, {
        districtId,
        status: 'active',
        updatedAt: _().lt(stalledBefore(now)),
      }),
    page: (districtId) => `packages/desk/pages/overview/index?scope=district&id=${districtId}`,
  },
]

/** Needs waiting past the limit unclaimed, as the claims timer tells the street of them. */
async function countOverdueNeeds(communityIds: string[], now: Date): Promise<number> {
  const pending = await listClaims({ communityIds, status: 'pending' })
  return countUncommittedNeedsBefore(
    communityIds,
    unclaimedCutoff(now),
    pending.map((claim) => claim.needId),
  )
}

/**
 * The caller's to-dos, role by role. Everyone signed in may act as a resident (post a need, book
 * a place), so a resident's to-dos come first even without the role on record.
 */
export async function todosOf(caller: Caller, now = new Date()): Promise<RoleTodosView[]> {
  let tree: ReturnType<typeof loadDistrictTree> | undefined
  const context: TodoContext = {
    caller,
    now,
    today: chinaDateOf(now),
    async communitiesOf(scopeId) {
      const { communities } = await (tree ??= loadDistrictTree())
      return communities
        .filter((community) => community.streetId === scopeId || community.districtId === scopeId)
        .map((community) => community._id)
    },
  }
  const roles: Role[] = caller.roles.some((role) => role.kind === 'resident')
    ? caller.roles
    : [{ kind: 'resident', communityId: caller.homeCommunityId ?? '' }, ...caller.roles]
  return Promise.all(
    roles.map(async (role) => {
      const scopeId = scopeOfRole(role)
      const todos = await Promise.all(
        TODO_SOURCES.filter((source) => source.role === role.kind).map(
          async (source): Promise<TodoView> => ({
            key: source.key,
            title: source.title,
            count: await source.count(scopeId, context),
            page: source.page(scopeId),
          }),
        ),
      )
      return { kind: role.kind, scopeId, todos }
    }),
  )
}
