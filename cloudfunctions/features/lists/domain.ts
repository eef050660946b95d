import type { CapacityLedger } from '../../shared/capacity/ledger'
import type { FocusGroup, ServiceDomain } from '../../shared/categories'
import type { OrganizationKind } from '../organizations/domain'

/** 基础需求清单 (basic, every community) or 特色需求清单 (special to this community). */
export type NeedListKind = 'basic' | 'special'

export type NeedPriority = 'high' | 'medium' | 'low'

/**
 * open: published, nothing committed · partly_served: some units committed · served: every unit
 * committed · closed: withdrawn or done.
 */
export type CommunityNeedStatus = 'open' | 'partly_served' | 'served' | 'closed'

export const CLAIMABLE_STATUSES: CommunityNeedStatus[] = ['open', 'partly_served']

/** A line of a community's need list (需求清单), published for providers to see and claim. */
export interface CommunityNeed {
  _id: string
  districtId: string
  streetId: string
  communityId: string
  communityName: string
  list: NeedListKind
  domain: ServiceDomain
  focusGroups: FocusGroup[]
  title: string
  description: string
  /**
   * The units wanted (`limit`, e.g. 卫生死角清理 × 6 次) and who committed to serve them: approved
   * claims (`claim:<id>`) and confirmed matches (`proposal:<id>`).
   */
  capacity: CapacityLedger
  unit: string
  /** Whether the need may be served in parts by several providers (e.g. 次, 个) or not (e.g. 项). */
  splittable: boolean
  window: { from: string; to: string }
  priority: NeedPriority
  status: CommunityNeedStatus
  /** The personal needs this line was promoted from. */
  promotedFrom: string[]
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/** A line of a provider's resource list (资源清单): what it offers, how much per period, where. */
export interface ResourceOffering {
  _id: string
  districtId: string
  organizationId: string
  organizationName: string
  organizationKind: OrganizationKind
  /** The first domain is the provider's primary one. */
  domains: ServiceDomain[]
  focusGroups: FocusGroup[]
  title: string
  description: string
  /** Units offered per period (`limit`, e.g. 场地 120 人) and the confirmed matches holding them. */
  capacity: CapacityLedger
  unit: string
  period: 'once' | 'month' | 'year'
  serviceArea: { districtWide: boolean; streetIds: string[]; communityIds: string[] }
  availability: { from: string; to: string }
  status: 'active' | 'paused' | 'withdrawn'
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/** The holder id a claim or a matching proposal takes units under. */
export function holderIdOf(kind: 'claim' | 'proposal', id: string): string {
  return `${kind}:${id}`
}

/** The status a need's committed units imply; a closed need stays closed. */
export function needStatusOf(
  need: Pick<CommunityNeed, 'status'>,
  capacity: Pick<CapacityLedger, 'limit' | 'taken'>,
): CommunityNeedStatus {
  if (need.status === 'closed') return 'closed'
  if (capacity.taken === 0) return 'open'
  return capacity.taken >= capacity.limit ? 'served' : 'partly_served'
}

export function isClaimable(need: Pick<CommunityNeed, 'status' | 'capacity'>): boolean {
  return CLAIMABLE_STATUSES.includes(need.status) && need.capacity.taken < need.capacity.limit
}
