import { COLLECTIONS, command, findById, insertOne, type Transaction } from '../../shared/db'
import { readAll, readPage } from '../../shared/paging'
import type { NeedReply, PersonalNeed } from './domain'

export async function insertPersonalNeed(need: Omit<PersonalNeed, '_id'>): Promise<PersonalNeed> {
  return { ...need, _id: await insertOne(COLLECTIONS.personalNeeds, need) }
}

export function findPersonalNeed(id: string): Promise<PersonalNeed | undefined> {
  return findById<PersonalNeed>(COLLECTIONS.personalNeeds, id)
}

/** A page of personal needs, newest first. */
export function readNeedsPage(filter: object, page: number, pageSize: number) {
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

export function updatePersonalNeedIn(tx: Transaction, id: string, changes: object) {
  return tx.update(COLLECTIONS.personalNeeds, id, changes)
}

/** Resolved needs whose resolution is older than the cutoff (they close by themselves). */
export function listResolvedBefore(cutoff: Date): Promise<PersonalNeed[]> {
  return readAll<PersonalNeed>(
    COLLECTIONS.personalNeeds,
    { status: 'resolved', 'resolution.at': command().lt(cutoff) },
    [['_id', 'asc']],
  )
}

/** A need's thread, oldest first. */
export function listReplies(needId: string): Promise<NeedReply[]> {
  return readAll<NeedReply>(COLLECTIONS.personalNeedReplies, { needId }, [
    ['createdAt', 'asc'],
    ['_id', 'asc'],
  ])
}

export function saveReplyIn(tx: Transaction, reply: NeedReply) {
  return tx.set(COLLECTIONS.personalNeedReplies, reply)
}
