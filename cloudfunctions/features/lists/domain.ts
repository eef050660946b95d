import { emptyLedger, remainingOf, type CapacityLedger } from '../../shared/capacity/ledger'
import type { FocusGroup, ServiceDomain } from '../../shared/categories'
import {
  kindFromText,
  measureOfUnit,
  VENUE_KIND,
  type Period,
  type ResourceKind,
  type ServiceKind,
} from '../../shared/serviceKinds'
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
  /** The service kind picked (serviceKinds); lines written before the pickers have none. */
  kind?: string
  /** People the place must hold, when the need is held at one (a talk for 80). */
  seats?: number
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
  /** The service kind picked (serviceKinds); lines written before the pickers have none. */
  kind?: string
  resourceKind?: ResourceKind
  /** People a venue holds. */
  seats?: number
  /**
   * Units offered per period (`limit`). A one-off offering's confirmed matches hold units here; a
   * periodic one's hold them in the ledger of their period in `periods`.
   */
  capacity: CapacityLedger
  /** One ledger per quarter (monthly and quarterly offerings) or per year, keyed 2026-Q4 / 2026. */
  periods?: Record<string, CapacityLedger>
  unit: string
  period: Period
  serviceArea: { districtWide: boolean; streetIds: string[]; communityIds: string[] }
  availability: { from: string; to: string }
  status: 'active' | 'paused' | 'withdrawn'
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/** A service kind the district added to the vocabulary (its id is `<districtId>-<label>`). */
export interface DistrictServiceKind extends ServiceKind {
  _id: string
  districtId: string
  createdBy: string
  createdAt: Date
}

/** The holder id a claim or a matching proposal takes units under. */
export function holderIdOf(kind: 'claim' | 'proposal', id: string): string {
  return `${kind}:${id}`
}

/** A window over before `today` (YYYY-MM-DD): nobody can serve or offer anything in it any more. */
export function isPastWindow(window: { to: string } | undefined, today: string): boolean {
  return window !== undefined && window.to < today
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

/**
 * What a need line asks for in the vocabulary's terms: its picked kind, or the kind its words name
 * (lines written before the pickers); a unit outside the list is a measure of its own.
 */
export function lineKindOf(
  vocabulary: ServiceKind[],
  line: Pick<CommunityNeed, 'kind' | 'title' | 'description' | 'domain' | 'unit'>,
): { kind: string; measure: string } {
  return {
    kind: line.kind ?? kindFromText(vocabulary, line),
    measure: measureOfUnit(line.unit) ?? `unit:${line.unit}`,
  }
}

/**
 * An offering in the vocabulary's terms. A venue is counted in sessions of use; one written as
 * 「容纳 120 人」 before the pickers holds that many people and is offered once per period.
 */
export function offeringLineOf(
  vocabulary: ServiceKind[],
  offering: Pick<
    ResourceOffering,
    'kind' | 'title' | 'description' | 'domains' | 'unit' | 'seats' | 'capacity'
  >,
  remaining = offering.capacity.limit - offering.capacity.taken,
): { kind: string; measure: string; unit: string; remaining: number; seats?: number } {
  const { kind, measure } = lineKindOf(vocabulary, { ...offering, domain: offering.domains[0] })
  if (kind === VENUE_KIND && measure === 'places' && offering.seats === undefined) {
    return {
      kind,
      measure: 'sessions',
      unit: '次',
      remaining: remaining > 0 ? 1 : 0,
      seats: offering.capacity.limit,
    }
  }
  return {
    kind,
    measure,
    unit: offering.unit,
    remaining,
    ...(offering.seats ? { seats: offering.seats } : {}),
  }
}

/** China time, which the street council's quarters follow. */
const CHINA_OFFSET_MS = 8 * 3600_000

/** The quarter a matching run covers: 2026-Q4, named 本季度 to the worker. */
export function quarterKeyOf(at: Date): string {
  const local = new Date(at.getTime() + CHINA_OFFSET_MS)
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`
}

/**
 * Where an offering's units for the quarter of `at` are counted: the document's own ledger for a
 * one-off offering, else the ledger of that quarter (monthly: three months' worth) or that year.
 */
export function offeringLedgerPathOf(offering: Pick<ResourceOffering, 'period'>, at: Date): string {
  const quarter = quarterKeyOf(at)
  if (offering.period === 'once') return 'capacity'
  return `periods.${offering.period === 'year' ? quarter.slice(0, 4) : quarter}`
}

/** The ledger at that path; a period not used yet starts empty at the period's amount. */
export function offeringLedgerAt(
  offering: Pick<ResourceOffering, 'period' | 'capacity' | 'periods'>,
  path: string,
): CapacityLedger {
  if (path === 'capacity') return offering.capacity
  const found = offering.periods?.[path.slice('periods.'.length)]
  return found ?? emptyLedger(periodLimitOf(offering.period, offering.capacity.limit))
}

/** What a period's ledger holds: a monthly offering's quarter has three months' worth. */
export function periodLimitOf(period: Period, perPeriod: number): number {
  return perPeriod * (period === 'month' ? 3 : 1)
}

/** Units the offering has left in the quarter of `at`. */
export function offeringRemainingAt(
  offering: Pick<ResourceOffering, 'period' | 'capacity' | 'periods'>,
  at: Date,
): number {
  return remainingOf(offeringLedgerAt(offering, offeringLedgerPathOf(offering, at)))
}

/** The offering ledger a proposal holds units in (proposals before periods held the document's). */
export function ledgerPathOf(proposal: { ledgerPath?: string }): string {
  return proposal.ledgerPath ?? 'capacity'
}
