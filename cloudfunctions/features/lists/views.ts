import { remainingOf } from '../../shared/capacity/ledger'
import type { CommunityNeedView, ResourceOfferingView } from './contract'
import type { CommunityNeed, ResourceOffering } from './domain'

export function toCommunityNeedView(need: CommunityNeed): CommunityNeedView {
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
    quantity: need.capacity.limit,
    unit: need.unit,
    committed: need.capacity.taken,
    splittable: need.splittable,
    window: need.window,
    priority: need.priority,
    status: need.status,
    promotedCount: need.promotedFrom.length,
    createdAt: new Date(need.createdAt).toISOString(),
  }
}

export function toOfferingView(offering: ResourceOffering): ResourceOfferingView {
  return {
    id: offering._id,
    organizationId: offering.organizationId,
    organizationName: offering.organizationName,
    organizationKind: offering.organizationKind,
    domains: offering.domains,
    focusGroups: offering.focusGroups,
    title: offering.title,
    description: offering.description,
    capacity: offering.capacity.limit,
    committed: offering.capacity.taken,
    remaining: remainingOf(offering.capacity),
    unit: offering.unit,
    period: offering.period,
    serviceArea: offering.serviceArea,
    availability: offering.availability,
    status: offering.status,
  }
}
