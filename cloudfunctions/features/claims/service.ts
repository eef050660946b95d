import { recordAuditIn } from '../../shared/audit'
import { admit, holdingOf, remainingOf } from '../../shared/capacity/ledger'
import type { Caller } from '../../shared/caller'
import { requireSafeText } from '../../shared/contentSecurity'
import { COLLECTIONS, command, transaction, type Transaction } from '../../shared/db'
import type { OutputsOf } from '../../shared/endpoints'
import { AppError } from '../../shared/errors'
import { defineService } from '../../shared/handler'
import { messageTime } from '../../shared/messageTemplates'
import { notifyOnce } from '../../shared/notifications'
import {
  isMemberOf,
  memberOrganizationIds,
  requireMembership,
  requireOversight,
  requireStreetOversight,
  workerCommunityIds,
} from '../../shared/roles'
import { daysBetween } from '../../shared/time'
import { notifyRoleHolders } from '../account/notices'
import { communitiesOfStreet, requireCommunity, requireStreet } from '../directory/service'
import { holderIdOf, isClaimable, needStatusOf } from '../lists/domain'
import {
  listClaimableNeeds,
  listUncommittedNeedsBefore,
  readCommunityNeedIn,
  updateCommunityNeedIn,
} from '../lists/repository'
import { requireCommunityNeed } from '../lists/service'
import { requireOrganization } from '../organizations/service'
import { newProject, projectIdOf, type CoBuildProject } from '../projects/domain'
import { readProjectIn, saveProjectIn } from '../projects/repository'
import { claimsInputs, type ClaimsApi } from './contract'
import { UNCLAIMED_DAYS_LIMIT, unclaimedCutoff, type NeedClaim } from './domain'
import { findClaim, insertClaim, listClaims, readClaimIn, updateClaimIn } from './repository'
import { toClaimView, toOpenNeedView } from './views'

export const claimsService = defineService<typeof claimsInputs, OutputsOf<ClaimsApi>>(
  claimsInputs,
  {
    async openNeeds({ communityId, domain }, caller) {
      requireProvider(caller)
      const needs = await listClaimableNeeds(communityId ? [communityId] : undefined, domain)
      return needs.filter(isClaimable).map(toOpenNeedView)
    },

    async need({ needId }) {
      return toOpenNeedView(await requireCommunityNeed(needId))
    },

    async claim(input, caller) {
      const organization = await requireOrganization(input.organizationId)
      requireMembership(caller, organization)
      const need = await requireCommunityNeed(input.needId)
      const remaining = remainingOf(need.capacity)
      if (!isClaimable(need)) throw new AppError('CONFLICT', '该需求已不在揭榜中')
      if (input.quantity > remaining) {
        throw new AppError('INVALID_INPUT', `认领数量不能超过剩余的 ${remaining} ${need.unit}`)
      }
      if (!need.splittable && input.quantity !== remaining) {
        throw new AppError('INVALID_INPUT', `该需求不可拆分，请认领全部 ${remaining} ${need.unit}`)
      }
      const pending = await listClaims({
        needIds: [need._id],
        organizationIds: [organization._id],
        status: 'pending',
      })
      if (pending.length > 0) throw new AppError('CONFLICT', '贵组织已认领该需求，正在等待社区审核')
      await requireSafeText(caller._id, 'profile', { 服务方案: input.plan })
      const now = new Date()
      const claim = await insertClaim({
        districtId: need.districtId,
        streetId: need.streetId,
        communityId: need.communityId,
        needId: need._id,
        needTitle: need.title,
        organizationId: organization._id,
        organizationName: organization.name,
        quantity: input.quantity,
        unit: need.unit,
        plan: input.plan,
        status: 'pending',
        claimedBy: caller._id,
        createdAt: now,
        updatedAt: now,
      })
      return toClaimView(claim)
    },

    async listMine(_input, caller) {
      return (await listClaims({ organizationIds: requireProvider(caller) })).map(toClaimView)
    },

    async listCommunity({ communityId, status }, caller) {
      requireOversight(caller, await requireCommunity(communityId))
      const claims = await listClaims({
        communityIds: [communityId],
        ...(status ? { status } : {}),
      })
      return claims.map(toClaimView)
    },

    async approve({ claimId }, caller) {
      await requireDecider(caller, claimId)
      // Units committed, project started and claim approved: all in one transaction, or nothing.
      const claim = await transaction(async (tx) => {
        const current = await readClaimIn(tx, claimId)
        if (current?.status !== 'pending')
          throw new AppError('CONFLICT', '该揭榜申请已被处理，请刷新')
        const project = await commitClaimIn(tx, current, caller._id, new Date())
        await recordAuditIn(tx, {
          actorId: caller._id,
          action: 'claims.approve',
          collection: COLLECTIONS.claims,
          targetId: claimId,
          detail: `project ${project._id}`,
        })
        return {
          ...current,
          status: 'approved' as const,
          decidedBy: caller._id,
          projectId: project._id,
        }
      })
      await tellClaimant(claim, '已通过', '共建项目已启动，请按服务方案开展服务')
      return toClaimView(claim)
    },

    async decline({ claimId, note }, caller) {
      await requireDecider(caller, claimId)
      const claim = await transaction(async (tx) => {
        const current = await readClaimIn(tx, claimId)
        if (current?.status !== 'pending')
          throw new AppError('CONFLICT', '该揭榜申请已被处理，请刷新')
        const changes = {
          status: 'declined' as const,
          decidedBy: caller._id,
          decisionNote: note,
          updatedAt: new Date(),
        }
        await updateClaimIn(tx, claimId, changes)
        await recordAuditIn(tx, {
          actorId: caller._id,
          action: 'claims.decline',
          collection: COLLECTIONS.claims,
          targetId: claimId,
        })
        return { ...current, ...changes }
      })
      await tellClaimant(claim, '未通过', note)
      return toClaimView(claim)
    },

    async overdue({ streetId }, caller) {
      requireStreetOversight(caller, await requireStreet(streetId))
      const communityIds = (await communitiesOfStreet(streetId)).map((community) => community._id)
      const now = new Date()
      return {
        limitDays: UNCLAIMED_DAYS_LIMIT,
        items: (await overdueNeeds(communityIds, now)).map((need) => ({
          ...toOpenNeedView(need),
          daysWaiting: daysBetween(new Date(need.createdAt), now),
        })),
      }
    },
  },
)

/**
 * Commits the claim's units on its need (unless already committed), starts its project (unless
 * already started) and records the claim approved with the project linked. Throws CONFLICT when
 * the need no longer has the units. Used by approval and by the repair of an older, partial one.
 */
export async function commitClaimIn(
  tx: Transaction,
  claim: NeedClaim,
  decidedBy: string,
  now: Date,
): Promise<CoBuildProject> {
  const need = await readCommunityNeedIn(tx, claim.needId)
  if (!need) throw new AppError('NOT_FOUND', '该需求不存在')
  const holderId = holderIdOf('claim', claim._id)
  if (!holdingOf(need.capacity, holderId)) {
    const admission = admit(need.capacity, { id: holderId, units: claim.quantity }, false)
    if (!isClaimable(need) || admission.kind !== 'seated') {
      throw new AppError(
        'CONFLICT',
        `该需求剩余 ${remainingOf(need.capacity)} ${need.unit}，不足以批准`,
      )
    }
    await updateCommunityNeedIn(tx, need._id, {
      capacity: command().set(admission.ledger),
      status: needStatusOf(need, admission.ledger),
      updatedAt: now,
    })
  }
  const source = { kind: 'claim' as const, id: claim._id }
  let project = await readProjectIn(tx, projectIdOf(source))
  if (!project) {
    project = newProject({
      source,
      need,
      organizationId: claim.organizationId,
      organizationName: claim.organizationName,
      quantity: claim.quantity,
      unit: claim.unit,
      now,
    })
    await saveProjectIn(tx, project)
  }
  await updateClaimIn(tx, claim._id, {
    status: 'approved',
    decidedBy,
    projectId: project._id,
    updatedAt: now,
  })
  return project
}

/**
 * Needs published more than the limit ago that nobody committed to, in the communities or
 * anywhere. A need with a claim under review is being taken care of; it is not flagged.
 */
export async function overdueNeeds(communityIds: string[] | undefined, now: Date) {
  const waiting = await listUncommittedNeedsBefore(communityIds, unclaimedCutoff(now))
  const claimed = new Set(
    (await listClaims({ needIds: waiting.map((need) => need._id), status: 'pending' })).map(
      (claim) => claim.needId,
    ),
  )
  return waiting.filter((need) => !claimed.has(need._id))
}

/**
 * The claims function's daily timer: each need that has waited past the limit unclaimed is
 * brought to its street admins, once per need (in the app, and as a message where subscribed).
 */
export async function claimsOnTimer(): Promise<{ overdue: number; notified: number }> {
  const now = new Date()
  const needs = await overdueNeeds(undefined, now)
  let notified = 0
  for (const need of needs) {
    const days = daysBetween(new Date(need.createdAt), now)
    notified += await notifyRoleHolders(
      { kind: 'street_admin', streetId: need.streetId },
      `overdue:${need._id}`,
      {
        title: '需求超期未揭榜',
        body: `${need.communityName}的需求「${need.title}」已发布 ${days} 天，仍无组织揭榜，请协调资源。`,
        ref: need._id,
      },
      {
        template: 'todoReminder',
        values: {
          subject: `超期未揭榜：${need.title}`,
          note: `${need.communityName}，已等待 ${days} 天`,
          time: messageTime(now),
        },
        page: `packages/projects/pages/overdue/index?streetId=${need.streetId}`,
      },
    )
  }
  return { overdue: needs.length, notified }
}

/** Tells the member who claimed a need how the community decided. */
async function tellClaimant(claim: NeedClaim, result: '已通过' | '未通过', note: string) {
  await notifyOnce(
    {
      _id: `claim-decided:${claim._id}`,
      userId: claim.claimedBy,
      title: `揭榜申请${result}`,
      body: `贵组织认领的「${claim.needTitle}」${result}社区审核：${note}`,
      ref: claim._id,
    },
    {
      template: 'reviewResult',
      values: { subject: `揭榜：${claim.needTitle}`, result, note },
      page: 'packages/projects/pages/claims/index',
    },
  )
}

/** Only organizations claim needs; answers the organizations the user acts for. */
function requireProvider(caller: Caller): string[] {
  const organizationIds = memberOrganizationIds(caller)
  if (organizationIds.length === 0) {
    throw new AppError('FORBIDDEN', '只有社会组织、志愿服务组织或政府部门的成员可以揭榜')
  }
  return organizationIds
}

/** Only a worker of the need's community decides a claim, and never for their own organization. */
async function requireDecider(caller: Caller, claimId: string): Promise<NeedClaim> {
  const claim = await findClaim(claimId)
  if (!claim) throw new AppError('NOT_FOUND', '该揭榜申请不存在')
  if (!workerCommunityIds(caller).includes(claim.communityId)) {
    throw new AppError('FORBIDDEN', '只有需求所在社区的工作人员可以审核揭榜申请')
  }
  if (isMemberOf(caller, claim.organizationId)) {
    throw new AppError('FORBIDDEN', '不能审核本组织的揭榜申请')
  }
  if (claim.status !== 'pending') throw new AppError('CONFLICT', '该揭榜申请已被处理，请刷新')
  return claim
}
