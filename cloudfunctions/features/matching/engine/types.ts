// Input and output of the matching engine (双清单匹配). Pure data: the caller loads needs,
// resources and communities from the database, counts capacity for the run's period, and stores
// the proposals it gets back.

export type ProviderKind = 'social_org' | 'volunteer_org' | 'gov_dept'

export interface GeoPoint {
  lat: number
  lng: number
}

/** Inclusive date range, ISO 8601 strings (e.g. `2025-07-01`). */
export interface DateWindow {
  from: string
  to: string
}

export interface MatchingNeed {
  id: string
  communityId: string
  streetId: string
  /** The service kind asked for (an id of the vocabulary; the engine only compares them). */
  kind: string
  /** How the quantity is counted (sessions, places …): only the same measure meets. */
  measure: string
  /** Whole units of the measure. */
  quantity: number
  /** Priority weight (≥ 1), computed elsewhere from priority and 一老一小一新一特. */
  weight: number
  window?: DateWindow
  /** Served whole by a single resource, or not at all. Otherwise split by whole units. */
  whole?: boolean
  /** People the place must hold (a venue, or a talk or training held at one). */
  seats?: number
  title: string
  description?: string
  communityName: string
  /** The unit the community counts in (名, 次 …), for explanations. */
  unit: string
}

export interface ServiceArea {
  districtWide: boolean
  streetIds: string[]
  communityIds: string[]
}

export interface MatchingResource {
  id: string
  providerId: string
  providerName: string
  providerKind: ProviderKind
  /** The service kind offered. */
  kind: string
  measure: string
  /** Kinds it can also host, at a higher fit cost: a venue hosts talks and trainings. */
  hosts?: string[]
  /** Capacity left in the run's period. */
  remaining: number
  /** What the provider offers per period, in words (每年 6 个), for explanations. */
  offer?: string
  unit: string
  serviceArea: ServiceArea
  location?: GeoPoint
  /** 0..5 */
  rating?: number
  window?: DateWindow
  /** People the place holds (venues). */
  seats?: number
  title: string
  description?: string
}

export interface CommunityInfo {
  name: string
  streetId: string
  location?: GeoPoint
  /** Providers that already carry out a co-build project there. */
  partners?: string[]
}

export interface MatchingInput {
  needs: MatchingNeed[]
  resources: MatchingResource[]
  communities: Record<string, CommunityInfo>
  /** Optional street names, so that explanations can say 「服务范围含通济街道」. */
  streets?: Record<string, { name: string }>
  /** Names of the kinds, for explanations (助学名额); the id is shown otherwise. */
  kindLabels?: Record<string, string>
  /** The period the capacity is counted in, as a worker says it (本季度). */
  periodName?: string
  /**
   * Work allowed for improving and proving whole needs optimal, in arcs of the relaxations solved
   * after the first; past it the best allocation found is returned with its gap to the bound.
   */
  exactWork?: number
}

export interface MatchProposal {
  needId: string
  resourceId: string
  providerId: string
  quantity: number
  /** Fit cost per unit (lower is better), see `fitCostOf`. */
  fitCost: number
  reasons: string[]
}

export interface UnmatchedNeed {
  needId: string
  quantityUnserved: number
  reason: string
}

export interface MatchingTotals {
  /** Σ weight × units served */
  weightedServed: number
  /** Σ weight × quantity over all needs */
  weightedDemand: number
  unitsServed: number
  /** Σ fitCost × units served */
  fitCost: number
}

/** How far the allocation may be from the best one: proven optimal, or within `gap` of a bound. */
export interface MatchingOptimality {
  /** The lexicographic optimum is proven (always, without whole needs). */
  exact: boolean
  /** No allocation serves more weighted need than this. */
  weightedServedBound: number
  /** 1 − weightedServed / bound (0 when exact). */
  gap: number
}

export interface MatchingResult {
  proposals: MatchProposal[]
  unmatched: UnmatchedNeed[]
  totals: MatchingTotals
  optimality: MatchingOptimality
}
