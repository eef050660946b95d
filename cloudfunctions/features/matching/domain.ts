import type { Organization } from '../organizations/domain'

/**
 * Weight of a need in the matching objective: priority 高 3, 中 2, 低 1, doubled when the need
 * serves a focus group (一老一小一新一特), so those are served first when capacity runs short.
 */
export const PRIORITY_WEIGHT = { high: 3, medium: 2, low: 1 } as const
export const FOCUS_GROUP_FACTOR = 2

/**
 * A provider's rating where it has no effect evaluation yet: its grade (评估等级). Once projects it
 * carried out are closed and evaluated, the mean of their scores (residents' ratings, else the
 * community's) is its rating instead; the engine prefers better-rated providers.
 */
export const GRADE_RATING: Record<NonNullable<Organization['grade']>, number> = {
  '5A': 5,
  '4A': 4.5,
  '3A': 4,
  '2A': 3.5,
  '1A': 3,
}

/**
 * A matching proposal (need × offering × units). The community confirms or rejects, the provider
 * accepts or declines; confirming commits the units on both sides (holder `proposal:<id>`). Once
 * both agree it is `accepted` and a project starts. A run's proposals are `staged` (unseen) until
 * the whole run is stored.
 */
export interface MatchProposalRecord {
  _id: string
  runId: string
  districtId: string
  streetId: string
  communityId: string
  communityName: string
  needId: string
  needTitle: string
  offeringId: string
  offeringTitle: string
  organizationId: string
  organizationName: string
  /** The offering's ledger of the run's period that confirming commits units on. */
  ledgerPath?: string
  quantity: number
  unit: string
  reasons: string[]
  communityDecision: 'pending' | 'confirmed' | 'rejected'
  providerDecision: 'pending' | 'accepted' | 'declined'
  status: 'staged' | 'proposed' | 'accepted' | 'rejected' | 'declined' | 'superseded'
  projectId?: string
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

export type MatchingScope = { kind: 'community' | 'street' | 'district'; id: string }

/**
 * One matching run: `staging` while its proposals are written, `publishing` while the previous
 * undecided proposals of its scope give way and its own become visible, then `done`. A run cut
 * short while staging is dropped by the repair job; one cut short while publishing is finished.
 */
export interface MatchingRun {
  _id: string
  scope: MatchingScope
  status: 'staging' | 'publishing' | 'done' | 'dropped'
  proposalCount: number
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/** The filter selecting a scope's records (proposals carry district, street and community). */
export function scopeFilter(scope: MatchingScope): Record<string, string> {
  if (scope.kind === 'community') return { communityId: scope.id }
  if (scope.kind === 'street') return { streetId: scope.id }
  return { districtId: scope.id }
}
