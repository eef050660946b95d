import type { PersonalNeed } from '../domain/types'
import {
  COLLECTIONS,
  collection,
  command,
  countOf,
  findPage,
  insertOne,
  updateWhere,
} from './collections'

export const NEEDS_PAGE_SIZE = 20

export async function insertPersonalNeed(need: Omit<PersonalNeed, '_id'>): Promise<PersonalNeed> {
  return { ...need, _id: await insertOne(COLLECTIONS.personalNeeds, need) }
}

export async function listNeedsOfResident(residentId: string, page: number) {
  return listPage({ residentId }, page)
}

export async function listNeedsOfCommunity(
  communityId: string,
  status: PersonalNeed['status'] | undefined,
  page: number,
) {
  return listPage(status ? { communityId, status } : { communityId }, page)
}

async function listPage(filter: Partial<PersonalNeed>, page: number) {
  const query = collection(COLLECTIONS.personalNeeds).where(filter)
  return findPage<PersonalNeed>(query, page, NEEDS_PAGE_SIZE)
}

/**
 * Marks a community's open personal needs as accepted (taken into its need list), all or none:
 * answers false, changing nothing, if any of them is not an open need of that community.
 */
export async function acceptPersonalNeeds(ids: string[], communityId: string): Promise<boolean> {
  if (ids.length === 0) return true
  const open = collection(COLLECTIONS.personalNeeds).where({
    _id: command().in(ids),
    communityId,
    status: 'open',
  })
  if ((await countOf(open)) !== new Set(ids).size) return false
  await updateWhere(open, { status: 'accepted', updatedAt: new Date() })
  return true
}
