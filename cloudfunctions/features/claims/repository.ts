import { COLLECTIONS, command, findById, insertOne, type Transaction } from '../../shared/db'
import { readAll } from '../../shared/paging'
import type { NeedClaim } from './domain'

export async function insertClaim(claim: Omit<NeedClaim, '_id'>): Promise<NeedClaim> {
  return { ...claim, _id: await insertOne(COLLECTIONS.claims, claim) }
}

export function findClaim(id: string): Promise<NeedClaim | undefined> {
  return findById<NeedClaim>(COLLECTIONS.claims, id)
}

export function readClaimIn(tx: Transaction, id: string) {
  return tx.get<NeedClaim>(COLLECTIONS.claims, id)
}

export function updateClaimIn(tx: Transaction, id: string, changes: Partial<NeedClaim>) {
  return tx.update(COLLECTIONS.claims, id, changes)
}

export interface ClaimFilter {
  organizationIds?: string[]
  communityIds?: string[]
  needIds?: string[]
  status?: NeedClaim['status']
}

/** Claims matching the filter, newest first. */
export function listClaims(filter: ClaimFilter): Promise<NeedClaim[]> {
  const _ = command()
  return readAll<NeedClaim>(
    COLLECTIONS.claims,
    {
      ...(filter.organizationIds ? { organizationId: _.in(filter.organizationIds) } : {}),
      ...(filter.communityIds ? { communityId: _.in(filter.communityIds) } : {}),
      ...(filter.needIds ? { needId: _.in(filter.needIds) } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    },
    [
      ['createdAt', 'desc'],
      ['_id', 'desc'],
    ],
  )
}
