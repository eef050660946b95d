import { DAY_MS } from '../../shared/time'

/** Days a published need may wait unclaimed before its street is told (待揭榜超期). */
export const UNCLAIMED_DAYS_LIMIT = 14

/** Needs published before this instant and still unclaimed are overdue. */
export function unclaimedCutoff(now: Date): Date {
  return new Date(now.getTime() - UNCLAIMED_DAYS_LIMIT * DAY_MS)
}

/**
 * A provider's claim of a published need (领题揭榜). Approval commits the claimed units on the need
 * (holder `claim:<id>`) and starts the project, in one transaction.
 */
export interface NeedClaim {
  _id: string
  districtId: string
  streetId: string
  communityId: string
  needId: string
  needTitle: string
  organizationId: string
  organizationName: string
  quantity: number
  unit: string
  plan: string
  status: 'pending' | 'approved' | 'declined'
  claimedBy: string
  decidedBy?: string
  decisionNote?: string
  projectId?: string
  createdAt: Date
  updatedAt: Date
}
