import { recordAudit } from '../../shared/audit'
import type { Caller } from '../../shared/caller'
import { command, transaction, type Transaction } from '../../shared/db'
import { requireSafeText } from '../../shared/contentSecurity'
import type { OutputsOf } from '../../shared/endpoints'
import { AppError } from '../../shared/errors'
import { defineService } from '../../shared/handler'
import { newId } from '../../shared/ids'
import { notifyIn } from '../../shared/notifications'
import {
  isMemberOf,
  isWorkerOf,
  overseesCommunity,
  requireOversight,
  requireWorkerOf,
} from '../../shared/roles'
import { DAY_MS } from '../../shared/time'
import { listUsersWithRole, setHomeCommunity } from '../account/repository'
import { communityNames, requireCommunity } from '../directory/service'
import { listOrganizations } from '../organizations/repository'
import { findVolunteer, findTeam, listTeams } from '../volunteers/repository'
import { needsInputs, type NeedsApi, type PersonalNeedDetailView } from './contract'
import {
  ACCEPT_WITHIN_HOURS,
  PERSONAL_NEED_STATUSES,
  REOPEN_DAYS,
  RESOLVE_WITHIN_HOURS,
  STEPS_FROM,
  reopenDeadlineOf,
  type Assignee,
  type PersonalNeed,
  type PersonalNeedStatus,
} from './domain'
import {
  findPersonalNeed,
  insertPersonalNeed,
  listReplies,
  listResolvedBefore,
  readNeedsPage,
  readPersonalNeedIn,
  saveReplyIn,
  updatePersonalNeedIn,
} from './repository'
import { toPersonalNeedDetailView, toPersonalNeedView } from './views'

const NEEDS_PAGE_SIZE = 20
const HOUR_MS = 3_600_000

export const needsService = defineService<typeof needsInputs, OutputsOf<NeedsApi>>(needsInputs, {
  async post(input, caller) {
    const community = await requireCommunity(input.communityId)
    const own = caller.homeCommunityId ?? residentCommunityOf(caller)
    if (own && own !== community._id) {
      throw new AppError(
        'FORBIDDEN',
        '只能向您所在的社区报事求助；如已搬家，请先在“我的”中更改所在社区',
      )
    }
    await requireSafeText(caller._id, 'forum', { 需求描述: input.description })
    const now = new Date()
    const need = await insertPersonalNeed({
      residentId: caller._id,
      residentName: caller.displayName,
      districtId: community.districtId,
      streetId: community.streetId,
      communityId: community._id,
      kind: input.kind,
      category: input.category,
      description: input.description,
      ...(input.contactPhone ? { contactPhone: input.contactPhone } : {}),
      status: 'open',
      waitingSince: now,
      createdAt: now,
      updatedAt: now,
    })
    // A first need tells us where the resident lives; from then on it is their community.
    if (!own) await setHomeCommunity(caller._id, community._id)
    return toPersonalNeedView(need, community.name, 'owner', now)
  },

  async listMine({ page }, caller) {
    const [result, names] = await Promise.all([
      readNeedsPage({ residentId: caller._id }, page, NEEDS_PAGE_SIZE),
      communityNames(),
    ])
    const now = new Date()
    return {
      ...result,
      items: result.items.map((need) =>
        toPersonalNeedView(need, names.get(need.communityId) ?? '', 'owner', now),
      ),
    }
  },

  async listCommunity({ communityId, status, overdue, page }, caller) {
    const community = await requireCommunity(communityId)
    requireOversight(caller, community)
    const now = new Date()
    const result = await readNeedsPage(
      overdue
        ? overdueFilter(communityId, now, status)
        : { communityId, ...(status ? { status } : {}) },
      page,
      NEEDS_PAGE_SIZE,
    )
    return {
      ...result,
      items: result.items.map((need) => toPersonalNeedView(need, community.name, 'staff', now)),
    }
  },

  async detail({ needId }, caller) {
    return detailFor(caller, await requireVisible(caller, needId))
  },

  async accept({ needId }, caller) {
    const need = await requireWorkerNeed(caller, needId)
    await step(need, 'accept', async (tx, current, now) => {
      await updatePersonalNeedIn(tx, current._id, {
        status: 'accepted',
        accepted: { id: caller._id, name: caller.displayName, at: now },
        waitingSince: now,
        updatedAt: now,
      })
      await tellResident(
        tx,
        current,
        now,
        '您的需求已受理',
        `${caller.displayName}已受理您的需求，会尽快安排办理。`,
      )
    })
    return detailFor(caller, await requireNeed(needId))
  },

  async assign({ needId, assignee: ref }, caller) {
    const need = await requireWorkerNeed(caller, needId)
    const assignee = await resolveAssignee(need, ref)
    await step(need, 'assign', async (tx, current, now) => {
      await updatePersonalNeedIn(tx, current._id, {
        status: 'in_progress',
        ...(current.accepted
          ? {}
          : { accepted: { id: caller._id, name: caller.displayName, at: now }, waitingSince: now }),
        assignee: command().set({ ...assignee, at: now }),
        updatedAt: now,
      })
      await tellResident(tx, current, now, '您的需求正在办理', `已交由${assignee.name}办理。`)
      if (assignee.kind === 'worker') {
        await notifyIn(tx, {
          _id: `need:${current._id}:assigned:${now.getTime()}`,
          userId: assignee.id,
          ref: current._id,
          title: '有一件居民需求交您办理',
          body: current.description.slice(0, 60),
        })
      }
    })
    return detailFor(caller, await requireNeed(needId))
  },

  async resolve({ needId, resolution }, caller) {
    const need = await requireVisible(caller, needId)
    if (!(await handles(caller, need))) {
      throw new AppError('FORBIDDEN', '只有社区工作者或承办方可以办结该需求')
    }
    await step(need, 'resolve', async (tx, current, now) => {
      await updatePersonalNeedIn(tx, current._id, {
        status: 'resolved',
        resolution: command().set({
          text: resolution,
          by: { id: caller._id, name: caller.displayName },
          at: now,
        }),
        updatedAt: now,
      })
      await tellResident(
        tx,
        current,
        now,
        '您的需求已办结',
        `办理结果：${resolution.slice(0, 40)}。请确认并评价；如未解决，${REOPEN_DAYS} 天内可申请重新办理。`,
      )
    })
    return detailFor(caller, await requireNeed(needId))
  },

  async confirm({ needId, rating, comment }, caller) {
    const need = await requireOwnNeed(caller, needId)
    await ownerStep(need, ['resolved'], async (tx, current, now) => {
      await updatePersonalNeedIn(tx, current._id, {
        status: 'closed',
        confirmation: command().set({ rating, ...(comment ? { comment } : {}), at: now }),
        closed: command().set({ reason: 'confirmed', at: now }),
        updatedAt: now,
      })
    })
    return detailFor(caller, await requireNeed(needId))
  },

  async reopen({ needId, reason }, caller) {
    const need = await requireOwnNeed(caller, needId)
    await ownerStep(need, ['resolved'], async (tx, current, now) => {
      const deadline = reopenDeadlineOf(current)
      if (!deadline || now > deadline) {
        throw new AppError(
          'CONFLICT',
          `办结已超过 ${REOPEN_DAYS} 天，不能再申请重新办理，请重新发布需求`,
        )
      }
      await updatePersonalNeedIn(tx, current._id, {
        status: 'in_progress',
        reopened: command().set({ count: (current.reopened?.count ?? 0) + 1, reason, at: now }),
        waitingSince: now,
        updatedAt: now,
      })
    })
    return detailFor(caller, await requireNeed(needId))
  },

  async withdraw({ needId }, caller) {
    const need = await requireOwnNeed(caller, needId)
    await ownerStep(need, ['open', 'accepted'], async (tx, current, now) => {
      await updatePersonalNeedIn(tx, current._id, {
        status: 'closed',
        closed: command().set({ reason: 'withdrawn', at: now }),
        updatedAt: now,
      })
    })
    return detailFor(caller, await requireNeed(needId))
  },

  async reply({ needId, text, photoFileIds }, caller) {
    const need = await requireVisible(caller, needId)
    const side = need.residentId === caller._id ? 'resident' : 'staff'
    if (side === 'staff' && !(await handles(caller, need))) {
      throw new AppError('FORBIDDEN', '只有提出需求的居民、社区工作者和承办方可以回复')
    }
    await transaction(async (tx) => {
      const current = await readPersonalNeedIn(tx, needId)
      if (!current || current.status === 'closed')
        throw new AppError('CONFLICT', '该需求已完结，不能再回复')
      const now = new Date()
      await saveReplyIn(tx, {
        _id: newId('reply'),
        needId,
        author: { id: caller._id, name: caller.displayName, side },
        text,
        photoFileIds,
        createdAt: now,
      })
      await updatePersonalNeedIn(tx, needId, { updatedAt: now })
      if (side === 'staff')
        await tellResident(tx, current, now, '您的需求有新回复', text.slice(0, 60))
    })
    return detailFor(caller, await requireNeed(needId))
  },

  async revealPhone({ needId }, caller) {
    const need = await requireWorkerNeed(caller, needId)
    if (!need.contactPhone) throw new AppError('NOT_FOUND', '居民没有留下联系电话')
    // Audited before the number is shown: no reveal goes unrecorded.
    await recordAudit({
      actorId: caller._id,
      action: 'needs.revealPhone',
      collection: 'personal_needs',
      targetId: need._id,
      detail: '查看居民联系电话以便回电',
    })
    return { residentName: need.residentName, contactPhone: need.contactPhone }
  },

  async assignees({ communityId }, caller) {
    const community = await requireCommunity(communityId)
    requireWorkerOf(caller, community)
    const [workers, teams, organizations] = await Promise.all([
      listUsersWithRole({ kind: 'community_worker', communityId }),
      listTeams(),
      listOrganizations(),
    ])
    const named = (items: { _id: string; name: string }[]) =>
      items.map((item) => ({ id: item._id, name: item.name }))
    return {
      workers: workers.map((worker) => ({ id: worker._id, name: worker.displayName })),
      teams: named(teams),
      organizations: named(organizations.filter((org) => org.districtId === community.districtId)),
    }
  },
})

/**
 * The timer's daily job: a need resolved more than REOPEN_DAYS ago that its resident neither
 * confirmed nor reopened is closed, and the resident told.
 */
export async function closeExpiredNeeds(now = new Date()): Promise<{ closed: number }> {
  const expired = await listResolvedBefore(new Date(now.getTime() - REOPEN_DAYS * DAY_MS))
  let closed = 0
  for (const need of expired) {
    await transaction(async (tx) => {
      const current = await readPersonalNeedIn(tx, need._id)
      if (current?.status !== 'resolved') return
      await updatePersonalNeedIn(tx, need._id, {
        status: 'closed',
        closed: command().set({ reason: 'expired', at: now }),
        updatedAt: now,
      })
      await tellResident(
        tx,
        current,
        now,
        '您的需求已完结',
        `办结后 ${REOPEN_DAYS} 天内未申请重新办理，需求已完结。`,
      )
      closed += 1
    })
  }
  return { closed }
}

function residentCommunityOf(caller: Caller): string | undefined {
  return caller.roles.find((role) => role.kind === 'resident')?.communityId
}

/** Needs of the community that have waited too long for their next step. */
function overdueFilter(communityId: string, now: Date, status?: PersonalNeedStatus) {
  const _ = command()
  const cutoff = (hours: number) => new Date(now.getTime() - hours * HOUR_MS)
  return _.and([
    { communityId, ...(status ? { status } : {}) },
    _.or([
      { status: 'open', waitingSince: _.lte(cutoff(ACCEPT_WITHIN_HOURS)) },
      {
        status: _.in(['accepted', 'in_progress']),
        waitingSince: _.lte(cutoff(RESOLVE_WITHIN_HOURS)),
      },
    ]),
  ])
}

async function requireNeed(needId: string): Promise<PersonalNeed> {
  const need = await findPersonalNeed(needId)
  if (!need) throw new AppError('NOT_FOUND', '该需求不存在')
  return need
}

/** Whether the caller handles the need: a worker of its community, or its assignee. */
async function handles(caller: Caller, need: PersonalNeed): Promise<boolean> {
  if (isWorkerOf(caller, need.communityId)) return true
  const assignee = need.assignee
  if (!assignee) return false
  if (assignee.kind === 'worker') return assignee.id === caller._id
  if (assignee.kind === 'organization') return isMemberOf(caller, assignee.id)
  if (assignee.kind === 'team') {
    const volunteer = await findVolunteer(caller._id)
    return Boolean(volunteer?.teamIds.includes(assignee.id))
  }
  return false
}

/** Its resident, its handlers, and the staff who oversee its community see a need; no one else. */
async function requireVisible(caller: Caller, needId: string): Promise<PersonalNeed> {
  const need = await requireNeed(needId)
  if (need.residentId === caller._id || (await handles(caller, need))) return need
  if (overseesCommunity(caller, await requireCommunity(need.communityId))) return need
  // Another resident's need answers as missing: its existence is not theirs to learn.
  throw new AppError('NOT_FOUND', '该需求不存在')
}

async function requireOwnNeed(caller: Caller, needId: string): Promise<PersonalNeed> {
  const need = await requireNeed(needId)
  if (need.residentId !== caller._id) throw new AppError('NOT_FOUND', '该需求不存在')
  return need
}

async function requireWorkerNeed(caller: Caller, needId: string): Promise<PersonalNeed> {
  const need = await requireVisible(caller, needId)
  requireWorkerOf(caller, await requireCommunity(need.communityId))
  return need
}

/** A worker's or handler's step, taken only from the statuses it starts from. */
async function step(
  need: PersonalNeed,
  name: keyof typeof STEPS_FROM,
  apply: (tx: Transaction, current: PersonalNeed, now: Date) => Promise<void>,
): Promise<void> {
  await ownerStep(need, STEPS_FROM[name], apply)
}

async function ownerStep(
  need: PersonalNeed,
  from: PersonalNeedStatus[],
  apply: (tx: Transaction, current: PersonalNeed, now: Date) => Promise<void>,
): Promise<void> {
  await transaction(async (tx) => {
    const current = await readPersonalNeedIn(tx, need._id)
    if (!current || !from.includes(current.status)) {
      throw new AppError(
        'CONFLICT',
        `该需求当前为“${PERSONAL_NEED_STATUSES[current?.status ?? need.status]}”，不能进行此操作，请刷新`,
      )
    }
    await apply(tx, current, new Date())
  })
}

async function tellResident(
  tx: Transaction,
  need: PersonalNeed,
  now: Date,
  title: string,
  body: string,
): Promise<void> {
  await notifyIn(tx, {
    _id: `need:${need._id}:${title}:${now.getTime()}`,
    userId: need.residentId,
    ref: need._id,
    title,
    body,
  })
}

/** The one the need is assigned to, checked to belong where the need does. */
async function resolveAssignee(
  need: PersonalNeed,
  ref: { kind: 'worker' | 'team' | 'organization'; id: string },
): Promise<Assignee> {
  if (ref.kind === 'worker') {
    const workers = await listUsersWithRole({
      kind: 'community_worker',
      communityId: need.communityId,
    })
    const worker = workers.find((candidate) => candidate._id === ref.id)
    if (!worker) throw new AppError('INVALID_INPUT', '只能交给本社区的社区工作者办理')
    return { kind: 'worker', id: worker._id, name: worker.displayName }
  }
  if (ref.kind === 'team') {
    const team = await findTeam(ref.id)
    if (!team) throw new AppError('NOT_FOUND', '该志愿服务队不存在')
    return { kind: 'team', id: team._id, name: team.name }
  }
  const organization = (await listOrganizations()).find((org) => org._id === ref.id)
  if (!organization || organization.districtId !== need.districtId) {
    throw new AppError('INVALID_INPUT', '只能交给本区的服务组织办理')
  }
  return { kind: 'organization', id: organization._id, name: organization.name }
}

async function detailFor(caller: Caller, need: PersonalNeed): Promise<PersonalNeedDetailView> {
  const now = new Date()
  const [community, replies, handler] = await Promise.all([
    requireCommunity(need.communityId),
    listReplies(need._id),
    handles(caller, need),
  ])
  const owner = need.residentId === caller._id
  const worker = isWorkerOf(caller, community._id)
  const open = need.status !== 'closed'
  const deadline = reopenDeadlineOf(need)
  return toPersonalNeedDetailView(need, {
    communityName: community.name,
    viewer: owner ? 'owner' : 'staff',
    replies,
    now,
    can: {
      accept: worker && STEPS_FROM.accept.includes(need.status),
      assign: worker && STEPS_FROM.assign.includes(need.status),
      resolve: handler && STEPS_FROM.resolve.includes(need.status),
      confirm: owner && need.status === 'resolved',
      reopen: owner && Boolean(deadline && now <= deadline),
      withdraw: owner && (need.status === 'open' || need.status === 'accepted'),
      reply: open && (owner || handler),
      revealPhone: worker && Boolean(need.contactPhone),
      openMediation:
        worker &&
        need.category === 'dispute' &&
        STEPS_FROM.assign.includes(need.status) &&
        need.assignee?.kind !== 'mediation',
    },
  })
}
