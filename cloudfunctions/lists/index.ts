import { currentUser } from '../shared/caller'
import type { OutputsOf } from '../shared/contract/endpoints'
import {
  listsInputs,
  type CommunityNeedView,
  type ListsApi,
  type ResourceOfferingView,
} from '../shared/contract/lists'
import { requireMembership, requireWorkerOf, workerCommunityIds } from '../shared/domain/roles'
import type { CommunityNeed, ResourceOffering, UserRecord } from '../shared/domain/types'
import { AppError } from '../shared/errors'
import { defineFunction } from '../shared/handler'
import { recordAudit } from '../shared/repositories/auditLog'
import {
  insertCommunityNeed,
  listCommunityNeeds,
  requireCommunityNeed,
  updateCommunityNeed,
  type NeedFilter,
} from '../shared/repositories/communityNeeds'
import { loadDistrictTree, requireCommunity } from '../shared/repositories/directory'
import { requireOrganization } from '../shared/repositories/organizations'
import { acceptPersonalNeeds } from '../shared/repositories/personalNeeds'
import {
  insertOffering,
  listOfferings,
  requireOffering,
  updateOffering,
} from '../shared/repositories/resourceOfferings'

export const main = defineFunction<typeof listsInputs, OutputsOf<ListsApi>>(listsInputs, {
  async publishNeed({ communityId, promotedFrom, ...line }) {
    const user = await currentUser()
    const community = await requireCommunity(communityId)
    requireWorkerOf(user, community)
    if (!(await acceptPersonalNeeds(promotedFrom, community._id))) {
      throw new AppError('CONFLICT', '所选居民需求不属于本社区或已被受理，请刷新后重试')
    }
    const now = new Date()
    const need = await insertCommunityNeed({
      districtId: community.districtId,
      streetId: community.streetId,
      communityId: community._id,
      communityName: community.name,
      ...line,
      committed: 0,
      status: 'open',
      promotedFrom,
      createdBy: user._id,
      createdAt: now,
      updatedAt: now,
    })
    for (const personalNeedId of promotedFrom) {
      await recordAudit({
        actorId: user._id,
        action: 'promote_personal_need',
        collection: 'personal_needs',
        targetId: personalNeedId,
        detail: `转入需求清单 ${need._id}`,
      })
    }
    return needView(need)
  },

  async editNeed({ needId, ...changes }) {
    const user = await currentUser()
    const need = await requireCommunityNeed(needId)
    requireWorkerOf(user, { _id: need.communityId, name: need.communityName })
    if (need.status === 'closed') throw new AppError('CONFLICT', '该需求已关闭，不能再修改')
    if (changes.quantity !== undefined && changes.quantity < need.committed) {
      throw new AppError(
        'INVALID_INPUT',
        `已有 ${need.committed} ${need.unit}被认领，数量不能少于此`,
      )
    }
    if (!(await updateCommunityNeed(need, changes))) throw new AppError('CONFLICT')
    return needView(await requireCommunityNeed(needId))
  },

  async closeNeed({ needId }) {
    const user = await currentUser()
    const need = await requireCommunityNeed(needId)
    requireWorkerOf(user, { _id: need.communityId, name: need.communityName })
    if (need.status !== 'closed' && !(await updateCommunityNeed(need, { status: 'closed' }))) {
      throw new AppError('CONFLICT')
    }
    return needView(await requireCommunityNeed(needId))
  },

  async listNeeds({ page, domain, status, ...place }) {
    const user = await currentUser()
    const scope = await visibleNeedScope(user, place)
    const result = await listCommunityNeeds({ ...scope, domain, status }, page)
    return { ...result, items: result.items.map(needView) }
  },

  async publishOffering({ organizationId, ...line }) {
    const user = await currentUser()
    const organization = await requireOrganization(organizationId)
    requireMembership(user, organization)
    const now = new Date()
    const offering = await insertOffering({
      districtId: organization.districtId,
      organizationId: organization._id,
      organizationName: organization.name,
      organizationKind: organization.kind,
      ...line,
      committed: 0,
      status: 'active',
      createdBy: user._id,
      createdAt: now,
      updatedAt: now,
    })
    return offeringView(offering)
  },

  async editOffering({ offeringId, ...changes }) {
    const user = await currentUser()
    const offering = await requireOwnOffering(user, offeringId)
    if (changes.capacity !== undefined && changes.capacity < offering.committed) {
      throw new AppError(
        'INVALID_INPUT',
        `已有 ${offering.committed} ${offering.unit}被确认使用，可提供数量不能少于此`,
      )
    }
    if (!(await updateOffering(offeringId, changes))) throw new AppError('CONFLICT')
    return offeringView(await requireOffering(offeringId))
  },

  async setOfferingStatus({ offeringId, status }) {
    const user = await currentUser()
    const offering = await requireOwnOffering(user, offeringId)
    if (offering.status === 'withdrawn') throw new AppError('CONFLICT', '该资源已撤回')
    await updateOffering(offeringId, { status })
    return offeringView(await requireOffering(offeringId))
  },

  async listOfferings({ organizationId, page }) {
    const user = await currentUser()
    if (organizationId) {
      const organization = await requireOrganization(organizationId)
      if (!isStaff(user)) requireMembership(user, organization)
    } else if (!isStaff(user)) {
      throw new AppError('FORBIDDEN', '只有社区和街道、区级工作人员可以查看全部资源清单')
    }
    const result = await listOfferings(organizationId, page)
    return { ...result, items: result.items.map(offeringView) }
  },
})

async function requireOwnOffering(user: UserRecord, offeringId: string) {
  const offering = await requireOffering(offeringId)
  requireMembership(user, { _id: offering.organizationId, name: offering.organizationName })
  return offering
}

function isStaff(user: UserRecord): boolean {
  return user.roles.some((role) =>
    ['community_worker', 'street_admin', 'district_admin'].includes(role.kind),
  )
}

/**
 * Who sees which published needs: providers and the district admin the whole district, a street
 * admin their street, a community worker their communities. Residents see none here.
 */
async function visibleNeedScope(
  user: UserRecord,
  place: { streetId?: string; communityId?: string },
): Promise<Pick<NeedFilter, 'streetIds' | 'communityIds'>> {
  const wholeDistrict = user.roles.some(
    (role) => role.kind === 'org_member' || role.kind === 'district_admin',
  )
  const streetIds = user.roles.flatMap((role) =>
    role.kind === 'street_admin' ? [role.streetId] : [],
  )
  const communityIds = workerCommunityIds(user)
  if (!wholeDistrict && streetIds.length === 0 && communityIds.length === 0) {
    throw new AppError('FORBIDDEN', '只有服务组织和社区、街道、区级工作人员可以查看需求清单')
  }
  const requested = {
    ...(place.streetId ? { streetIds: [place.streetId] } : {}),
    ...(place.communityId ? { communityIds: [place.communityId] } : {}),
  }
  if (wholeDistrict) return requested
  if (place.communityId) {
    const community = await requireCommunity(place.communityId)
    if (streetIds.includes(community.streetId) || communityIds.includes(community._id)) {
      return requested
    }
    throw new AppError('FORBIDDEN', `您无权查看${community.name}的需求清单`)
  }
  if (place.streetId) {
    if (streetIds.includes(place.streetId)) return requested
    throw new AppError('FORBIDDEN', '您无权查看该街道的需求清单')
  }
  if (streetIds.length > 0) {
    const { communities } = await loadDistrictTree()
    const inStreets = communities.filter((community) => streetIds.includes(community.streetId))
    return { communityIds: [...new Set([...communityIds, ...inStreets.map((c) => c._id)])] }
  }
  return { communityIds }
}

function needView(need: CommunityNeed): CommunityNeedView {
  return {
    id: need._id,
    communityId: need.communityId,
    communityName: need.communityName,
    streetId: need.streetId,
    list: need.list,
    domain: need.domain,
    focusGroups: need.focusGroups,
    title: need.title,
    description: need.description,
    quantity: need.quantity,
    unit: need.unit,
    committed: need.committed,
    splittable: need.splittable,
    window: need.window,
    priority: need.priority,
    status: need.status,
    promotedCount: need.promotedFrom.length,
    createdAt: new Date(need.createdAt).toISOString(),
  }
}

function offeringView(offering: ResourceOffering): ResourceOfferingView {
  return {
    id: offering._id,
    organizationId: offering.organizationId,
    organizationName: offering.organizationName,
    organizationKind: offering.organizationKind,
    domains: offering.domains,
    focusGroups: offering.focusGroups,
    title: offering.title,
    description: offering.description,
    capacity: offering.capacity,
    committed: offering.committed,
    remaining: Math.max(offering.capacity - offering.committed, 0),
    unit: offering.unit,
    period: offering.period,
    serviceArea: offering.serviceArea,
    availability: offering.availability,
    status: offering.status,
  }
}
