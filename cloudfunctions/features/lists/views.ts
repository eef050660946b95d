import { remainingOf } from '../../shared/capacity/ledger'
import type { Caller } from '../../shared/caller'
import { isMemberOf, isWorkerOf } from '../../shared/roles'
import type { ServiceKind } from '../../shared/serviceKinds'
import type { CommunityNeedView, ResourceOfferingView, ServiceKindView } from './contract'
import {
  offeringLedgerAt,
  offeringLedgerPathOf,
  type CommunityNeed,
  type ResourceOffering,
} from './domain'

export function toCommunityNeedView(need: CommunityNeed, caller: Caller): CommunityNeedView {
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
    canEdit: need.status !== 'closed' && isWorkerOf(caller, need.communityId),
  }
}

export function toOfferingView(offering: ResourceOffering, caller: Caller): ResourceOfferingView {
  const now = new Date()
  const ledger = offeringLedgerAt(offering, offeringLedgerPathOf(offering, now))
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
    // What the current period (this quarter, or this year) holds and has left.
    committed: ledger.taken,
    remaining: remainingOf(ledger),
    unit: offering.unit,
    period: offering.period,
    serviceArea: offering.serviceArea,
    availability: offering.availability,
    status: offering.status,
    canEdit: isMemberOf(caller, offering.organizationId),
  }
}

export function toKindView(kind: ServiceKind, custom: boolean): ServiceKindView {
  return { id: kind.id, label: kind.label, domain: kind.domain, measure: kind.measure, custom }
}
