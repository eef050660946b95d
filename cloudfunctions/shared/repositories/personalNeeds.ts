import type { PersonalNeed } from '../domain/types'
import { COLLECTIONS, collection, countOf, findMany, insertOne } from './collections'

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
  const [total, items] = await Promise.all([
    countOf(query),
    findMany<PersonalNeed>(
      query
        .orderBy('createdAt', 'desc')
        .skip((page - 1) * NEEDS_PAGE_SIZE)
        .limit(NEEDS_PAGE_SIZE),
    ),
  ])
  return { items, total, page, pageSize: NEEDS_PAGE_SIZE }
}
