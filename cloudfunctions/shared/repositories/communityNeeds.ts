import type { CommunityNeed } from '../domain/types'
import { AppError } from '../errors'
import {
  COLLECTIONS,
  collection,
  command,
  findPage,
  findAll,
  requireById,
  insertOne,
  updateWhere,
} from './collections'

export async function insertCommunityNeed(
  need: Omit<CommunityNeed, '_id'>,
): Promise<CommunityNeed> {
  return { ...need, _id: await insertOne(COLLECTIONS.communityNeeds, need) }
}

export async function requireCommunityNeed(id: string): Promise<CommunityNeed> {
  return requireById<CommunityNeed>(COLLECTIONS.communityNeeds, id, '该需求不存在')
}

export const CLAIMABLE_STATUSES: CommunityNeed['status'][] = ['open', 'partly_served']

/**
 * Published needs that still have units to serve, in some communities (or all), of one domain
 * (or all), newest first.
 */
export async function listClaimableNeeds(
  communityIds?: string[],
  domain?: CommunityNeed['domain'],
): Promise<CommunityNeed[]> {
  const _ = command()
  return findAll<CommunityNeed>(
    collection(COLLECTIONS.communityNeeds)
      .where({
        status: _.in(CLAIMABLE_STATUSES),
        ...(communityIds ? { communityId: _.in(communityIds) } : {}),
        ...(domain ? { domain } : {}),
      })
      .orderBy('createdAt', 'desc'),
  )
}

/** Open needs nobody has been committed to, published before the cutoff. */
export async function listUncommittedNeedsBefore(
  communityIds: string[],
  cutoff: Date,
): Promise<CommunityNeed[]> {
  const _ = command()
  return findAll<CommunityNeed>(
    collection(COLLECTIONS.communityNeeds)
      .where({ communityId: _.in(communityIds), status: 'open', createdAt: _.lt(cutoff) })
      .orderBy('createdAt', 'asc'),
  )
}

const RESERVE_ATTEMPTS = 5

/**
 * Commits units of a need to a provider. Each attempt is one conditional single-document update
 * on the `committed` value just read (compare-and-set), so concurrent reservations can never
 * commit more than the need's quantity; a lost race re-reads and tries again.
 */
export async function reserveNeedUnits(needId: string, units: number): Promise<CommunityNeed> {
  for (let attempt = 0; attempt < RESERVE_ATTEMPTS; attempt += 1) {
    const need = await requireCommunityNeed(needId)
    const remaining = need.quantity - need.committed
    if (!CLAIMABLE_STATUSES.includes(need.status) || units > remaining) {
      throw new AppError(
        'CONFLICT',
        `该需求剩余 ${Math.max(remaining, 0)} ${need.unit}，不足以批准`,
      )
    }
    const committed = need.committed + units
    const status = committed === need.quantity ? 'served' : 'partly_served'
    const updatedAt = new Date()
    const updated = await updateWhere(
      collection(COLLECTIONS.communityNeeds).where({
        _id: needId,
        committed: need.committed,
        status: need.status,
      }),
      { committed, status, updatedAt },
    )
    if (updated === 1) return { ...need, committed, status, updatedAt }
  }
  throw new AppError('CONFLICT')
}

/** The status a need's committed units imply, unless it is closed. */
function statusFor(need: CommunityNeed, committed: number, quantity = need.quantity) {
  if (need.status === 'closed') return 'closed'
  if (committed === 0) return 'open'
  return committed >= quantity ? 'served' : 'partly_served'
}

/**
 * Edits a need (compare-and-set on committed and status, like reserveNeedUnits): a new quantity
 * never goes below the units already committed, and the status follows it.
 */
export async function updateCommunityNeed(
  need: CommunityNeed,
  changes: Partial<CommunityNeed>,
): Promise<boolean> {
  const quantity = changes.quantity ?? need.quantity
  if (quantity < need.committed) return false
  const updated = await updateWhere(
    collection(COLLECTIONS.communityNeeds).where({
      _id: need._id,
      committed: need.committed,
      status: need.status,
    }),
    {
      ...changes,
      status: changes.status ?? statusFor(need, need.committed, quantity),
      updatedAt: new Date(),
    },
  )
  return updated === 1
}

/** Gives units back (a confirmation rejected or declined, or rolled back). */
export async function releaseNeedUnits(needId: string, units: number): Promise<void> {
  for (let attempt = 0; attempt < RESERVE_ATTEMPTS; attempt += 1) {
    const need = await requireCommunityNeed(needId)
    const committed = Math.max(need.committed - units, 0)
    const updated = await updateWhere(
      collection(COLLECTIONS.communityNeeds).where({
        _id: needId,
        committed: need.committed,
        status: need.status,
      }),
      { committed, status: statusFor(need, committed), updatedAt: new Date() },
    )
    if (updated === 1) return
  }
  throw new AppError('CONFLICT')
}

export const LIST_PAGE_SIZE = 20

export interface NeedFilter {
  streetIds?: string[]
  communityIds?: string[]
  domain?: CommunityNeed['domain']
  status?: CommunityNeed['status']
}

export async function listCommunityNeeds(filter: NeedFilter, page: number) {
  const _ = command()
  const query = collection(COLLECTIONS.communityNeeds).where({
    ...(filter.streetIds ? { streetId: _.in(filter.streetIds) } : {}),
    ...(filter.communityIds ? { communityId: _.in(filter.communityIds) } : {}),
    ...(filter.domain ? { domain: filter.domain } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  })
  return findPage<CommunityNeed>(query, page, LIST_PAGE_SIZE)
}
