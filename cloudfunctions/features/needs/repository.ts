import { COLLECTIONS, insertOne, type Transaction } from '../../shared/db'
import { readPage } from '../../shared/paging'
import type { PersonalNeed } from './domain'

export async function insertPersonalNeed(need: Omit<PersonalNeed, '_id'>): Promise<PersonalNeed> {
  return { ...need, _id: await insertOne(COLLECTIONS.personalNeeds, need) }
}

/** A page of personal needs, newest first. */
export function readNeedsPage(filter: Partial<PersonalNeed>, page: number, pageSize: number) {
  return readPage<PersonalNeed>(
    COLLECTIONS.personalNeeds,
    filter,
    [
      ['createdAt', 'desc'],
      ['_id', 'desc'],
    ],
    page,
    pageSize,
  )
}

export function readPersonalNeedIn(tx: Transaction, id: string) {
  return tx.get<PersonalNeed>(COLLECTIONS.personalNeeds, id)
}

export function updatePersonalNeedIn(tx: Transaction, id: string, changes: Partial<PersonalNeed>) {
  return tx.update(COLLECTIONS.personalNeeds, id, changes)
}
