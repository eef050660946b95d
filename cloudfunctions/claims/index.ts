import {
  UNCLAIMED_DAYS_LIMIT,
  claimsInputs,
  type ClaimView,
  type ClaimsApi,
  type OpenNeedView,
} from '../shared/contract/claims'
import type { OutputsOf } from '../shared/contract/endpoints'
import { currentUser } from '../shared/caller'
import {
  isMemberOf,
  memberOrganizationIds,
  requireMembership,
  requireOversight,
  requireStreetOversight,
  workerCommunityIds,
} from '../shared/domain/roles'
import type { CommunityNeed, NeedClaim, UserRecord } from '../shared/domain/types'
import { AppError } from '../shared/errors'
import { defineFunction } from '../shared/handler'
import { recordAudit } from '../shared/repositories/auditLog'
import {
  insertClaim,
  listClaims,
  requireClaim,
  transitionClaim,
} from '../shared/repositories/claims'
import {
  CLAIMABLE_STATUSES,
  listClaimableNeeds,
  listUncommittedNeedsBefore,
  requireCommunityNeed,
  reserveNeedUnits,
} from '../shared/repositories/communityNeeds'
import { loadDistrictTree, requireCommunity, requireStreet } from '../shared/repositories/directory'
import { requireOrganization } from '../shared/repositories/organizations'
import { startProject } from '../shared/repositories/projects'

const DAY_MS = 24 * 60 * 60 * 1000

export const main = defineFunction<typeof claimsInputs, OutputsOf<ClaimsApi>>(claimsInputs, {
  async openNeeds({ communityId, domain }) {
    requireProvider(await currentUser())
    const needs = await listClaimableNeeds(communityId ? [communityId] : undefined, domain)
    return needs.map(toNeedView)
  },

  async need({ needId }) {
    await currentUser()
    return toNeedView(await requireCommunityNeed(needId))
  },

  async claim(input) {
    const user = await currentUser()
    const organization = await requireOrganization(input.organizationId)
    requireMembership(user, organization)
    const need = await requireCommunityNeed(input.needId)
    const remaining = need.quantity - need.committed
    if (!CLAIMABLE_STATUSES.includes(need.status) || remaining <= 0) {
      throw new AppError('CONFLICT', '该需求已不在揭榜中')
    }
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
      claimedBy: user._id,
      createdAt: now,
      updatedAt: now,
    })
    return toClaimView(claim)
  },

  async listMine() {
    const user = await currentUser()
    const organizationIds = requireProvider(user)
    return (await listClaims({ organizationIds })).map(toClaimView)
  },

  async listCommunity({ communityId, status }) {
    const user = await currentUser()
    requireOversight(user, await requireCommunity(communityId))
    return (await listClaims({ communityIds: [communityId], ...(status ? { status } : {}) })).map(
      toClaimView,
    )
  },

  async approve({ claimId }) {
    const user = await currentUser()
    const claim = await requireDecider(user, claimId)
    await transitionClaim(claim._id, 'pending', { status: 'approved' })
    let need: CommunityNeed
    try {
      need = await reserveNeedUnits(claim.needId, claim.quantity)
    } catch (error) {
      // Nothing was reserved: the claim goes back to waiting, so the worker may decline it.
      await transitionClaim(claim._id, 'approved', { status: 'pending' })
      throw error
    }
    const project = await startProject({
      source: { kind: 'claim', id: claim._id },
      need,
      organizationId: claim.organizationId,
      organizationName: claim.organizationName,
      quantity: claim.quantity,
      unit: claim.unit,
    })
    await transitionClaim(claim._id, 'approved', { decidedBy: user._id, projectId: project._id })
    await recordAudit({
      actorId: user._id,
      action: 'claims.approve',
      collection: 'claims',
      targetId: claim._id,
      detail: `project ${project._id}`,
    })
    return toClaimView({
      ...claim,
      status: 'approved',
      decidedBy: user._id,
      projectId: project._id,
    })
  },

  async decline({ claimId, note }) {
    const user = await currentUser()
    const claim = await requireDecider(user, claimId)
    await transitionClaim(claim._id, 'pending', {
      status: 'declined',
      decidedBy: user._id,
      decisionNote: note,
    })
    await recordAudit({
      actorId: user._id,
      action: 'claims.decline',
      collection: 'claims',
      targetId: claim._id,
    })
    return toClaimView({ ...claim, status: 'declined', decidedBy: user._id, decisionNote: note })
  },

  async overdue({ streetId }) {
    const user = await currentUser()
    requireStreetOversight(user, await requireStreet(streetId))
    const { communities } = await loadDistrictTree()
    const communityIds = communities
      .filter((community) => community.streetId === streetId)
      .map((community) => community._id)
    const now = Date.now()
    const waiting = await listUncommittedNeedsBefore(
      communityIds,
      new Date(now - UNCLAIMED_DAYS_LIMIT * DAY_MS),
    )
    // A need with a claim under review is being taken care of; it is not flagged.
    const claimed = new Set(
      (await listClaims({ needIds: waiting.map((need) => need._id), status: 'pending' })).map(
        (claim) => claim.needId,
      ),
    )
    return {
      limitDays: UNCLAIMED_DAYS_LIMIT,
      items: waiting
        .filter((need) => !claimed.has(need._id))
        .map((need) => ({
          ...toNeedView(need),
          daysWaiting: Math.floor((now - new Date(need.createdAt).getTime()) / DAY_MS),
        })),
    }
  },
})

/** Only organizations claim needs; answers the organizations the user acts for. */
function requireProvider(user: UserRecord): string[] {
  const organizationIds = memberOrganizationIds(user)
  if (organizationIds.length === 0) {
    throw new AppError('FORBIDDEN', '只有社会组织、志愿服务组织或政府部门的成员可以揭榜')
  }
  return organizationIds
}

/** Only a worker of the need's community decides a claim, and never for their own organization. */
async function requireDecider(user: UserRecord, claimId: string): Promise<NeedClaim> {
  const claim = await requireClaim(claimId)
  if (!workerCommunityIds(user).includes(claim.communityId)) {
    throw new AppError('FORBIDDEN', '只有需求所在社区的工作人员可以审核揭榜申请')
  }
  if (isMemberOf(user, claim.organizationId)) {
    throw new AppError('FORBIDDEN', '不能审核本组织的揭榜申请')
  }
  if (claim.status !== 'pending') throw new AppError('CONFLICT', '该揭榜申请已被处理，请刷新')
  return claim
}

function toNeedView(need: CommunityNeed): OpenNeedView {
  return {
    id: need._id,
    communityId: need.communityId,
    communityName: need.communityName,
    list: need.list,
    domain: need.domain,
    title: need.title,
    description: need.description,
    quantity: need.quantity,
    committed: need.committed,
    unit: need.unit,
    splittable: need.splittable,
    window: need.window,
    status: need.status,
    createdAt: new Date(need.createdAt).toISOString(),
  }
}

function toClaimView(claim: NeedClaim): ClaimView {
  return {
    id: claim._id,
    needId: claim.needId,
    needTitle: claim.needTitle,
    communityId: claim.communityId,
    organizationId: claim.organizationId,
    organizationName: claim.organizationName,
    quantity: claim.quantity,
    unit: claim.unit,
    plan: claim.plan,
    status: claim.status,
    ...(claim.decisionNote ? { decisionNote: claim.decisionNote } : {}),
    ...(claim.projectId ? { projectId: claim.projectId } : {}),
    createdAt: new Date(claim.createdAt).toISOString(),
  }
}
