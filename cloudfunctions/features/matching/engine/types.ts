// Input and output of the matching engine (双清单匹配). Pure data: the caller loads needs,
// resources and communities from the database and stores the proposals it gets back.

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
  category: string
  /** Whole units; a need may be split across providers by whole units. */
  quantity: number
  /** Priority weight (≥ 1), computed elsewhere from priority and 一老一小一新一特. */
  weight: number
  window?: DateWindow
  title: string
  communityName: string
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
  /** The first category is the provider's primary one. */
  categories: string[]
  /** Capacity not yet committed for the period. */
  remaining: number
  unit: string
  serviceArea: ServiceArea
  location?: GeoPoint
  /** 0..5 */
  rating?: number
  window?: DateWindow
  title: string
}

export interface CommunityInfo {
  name: string
  streetId: string
  location?: GeoPoint
}

export interface MatchingInput {
  needs: MatchingNeed[]
  resources: MatchingResource[]
  communities: Record<string, CommunityInfo>
  /** Optional street names, so that explanations can say 「服务范围覆盖通济街道」. */
  streets?: Record<string, { name: string }>
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

export interface MatchingResult {
  proposals: MatchProposal[]
  unmatched: UnmatchedNeed[]
  totals: MatchingTotals
}
