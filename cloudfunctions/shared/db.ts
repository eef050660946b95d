import { cloud } from './cloud'
import type { CollectionName } from './collections'
import { AppError } from './errors'

export { COLLECTIONS, type CollectionName } from './collections'

// The only module that speaks to the database driver. Repositories build on these helpers; the
// SDK's typings return `Promise<…> | void | string` (callback overloads), so results are typed here.

type Database = ReturnType<typeof cloud.database>
type Collection = ReturnType<Database['collection']>
export type Query = ReturnType<Collection['where']>
type Filter = Parameters<Collection['where']>[0]

/** The largest page a cloud function reads at once (CloudBase answers at most 100 in practice). */
export const MAX_PAGE = 100

export function collection(name: CollectionName): Collection {
  return cloud.database().collection(name)
}

export function command() {
  return cloud.database().command
}

/** A condition matching text that contains `text` (taken literally, case aside). */
export function containing(text: string) {
  const literal = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return cloud.database().RegExp({ regexp: literal, options: 'i' })
}

export async function findMany<T>(query: Query | Collection): Promise<T[]> {
  const { data } = (await query.get()) as { data: unknown[] }
  return data as T[]
}

/** Fields to read (true) or to leave out (false), dotted paths allowed; all when not given. */
export type Fields = Record<string, boolean>

export async function findById<T>(
  name: CollectionName,
  id: string,
  fields?: Fields,
): Promise<T | undefined> {
  const query = collection(name).where({ _id: id }).limit(1)
  const [found] = await findMany<T>(fields ? query.field(fields) : query)
  return found
}

/** Documents by id, in no particular order; any number of ids, read MAX_PAGE at a time. */
export async function findByIds<T>(name: CollectionName, ids: string[]): Promise<T[]> {
  const unique = [...new Set(ids)]
  const found: T[] = []
  for (let start = 0; start < unique.length; start += MAX_PAGE) {
    const chunk = unique.slice(start, start + MAX_PAGE)
    found.push(
      ...(await findMany<T>(
        collection(name)
          .where({ _id: command().in(chunk) })
          .limit(MAX_PAGE),
      )),
    )
  }
  return found
}

export async function countWhere(name: CollectionName, filter: object): Promise<number> {
  const { total } = (await collection(name)
    .where(filter as Filter)
    .count()) as { total: number }
  return total
}

/** The sum of a numeric field over the documents matching the filter, added up by the database. */
export async function sumWhere(name: CollectionName, filter: object, field: string) {
  const $ = command().aggregate
  const { list } = (await collection(name)
    .aggregate()
    .match(filter as Filter)
    .group({ _id: null, total: $.sum(`$${field}`) })
    .end()) as { list: { total?: number }[] }
  return list[0]?.total ?? 0
}

/** Inserts a document; answers its id (the given one, or one the database makes). */
export async function insertOne(name: CollectionName, doc: object): Promise<string> {
  const { _id } = (await collection(name).add({ data: doc })) as { _id: string }
  return _id
}

/**
 * Inserts a document under its own (deterministic) id, once: answers false when a document with
 * that id exists already, so a retried call changes nothing.
 */
export async function insertIfAbsent<T extends { _id: string }>(
  name: CollectionName,
  doc: T,
): Promise<boolean> {
  try {
    await insertOne(name, doc)
    return true
  } catch (error) {
    if (await findById(name, doc._id)) return false
    throw error
  }
}

/** Writes a document under its id, replacing the one there (a repeated write changes nothing). */
export async function saveDocument<T extends { _id: string }>(
  name: CollectionName,
  { _id, ...fields }: T,
): Promise<void> {
  await collection(name).doc(_id).set({ data: fields })
}

/** Creates a collection; one that exists already is left as it is. */
export async function ensureCollection(name: CollectionName): Promise<void> {
  const existed = (failure: unknown) => /exist/i.test(JSON.stringify(failure ?? ''))
  try {
    const answer = (await cloud.database().createCollection(name)) as { code?: string }
    if (answer?.code && !existed(answer.code)) throw new Error(`${name}: ${answer.code}`)
  } catch (error) {
    if (!existed(error) && !existed((error as Error)?.message)) throw error
  }
}

/**
 * Updates the documents matching the filter, each atomically (a conditional single-document
 * update when the filter names an _id); answers how many changed.
 */
export async function updateWhere(name: CollectionName, filter: object, data: object) {
  const { stats } = (await collection(name)
    .where(filter as Filter)
    .update({ data })) as { stats: { updated: number } }
  return stats.updated
}

/** Removes the documents matching the filter; answers how many went. */
export async function removeWhere(name: CollectionName, filter: object): Promise<number> {
  const { stats } = (await collection(name)
    .where(filter as Filter)
    .remove()) as { stats: { removed: number } }
  return stats.removed
}

/** Document-level reads and writes inside one transaction (all apply, or none). */
export interface Transaction {
  get<T>(name: CollectionName, id: string): Promise<T | undefined>
  /** Creates or replaces the whole document. */
  set<T extends { _id: string }>(name: CollectionName, doc: T): Promise<void>
  /** Changes fields (update operators allowed) of an existing document. */
  update(name: CollectionName, id: string, data: object): Promise<void>
  remove(name: CollectionName, id: string): Promise<void>
}

type SdkTransaction = {
  collection(name: string): {
    doc(id: string): {
      get(): Promise<{ data: unknown }>
      set(options: { data: object }): Promise<unknown>
      update(options: { data: object }): Promise<unknown>
      remove(): Promise<unknown>
    }
  }
}

const TRANSACTION_ATTEMPTS = 8

/**
 * Runs `work` in a database transaction (CloudBase's: document operations by _id, snapshot
 * isolation, a write conflict aborts). A conflict retries the whole work after a short random
 * pause, so `work` must only read and write through `tx` and may run more than once.
 */
export async function transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      // No retries inside the SDK (0): its retry only recognises some conflict errors.
      return (await cloud
        .database()
        .runTransaction(
          (sdkTransaction: unknown) => work(wrapTransaction(sdkTransaction as SdkTransaction)),
          0,
        )) as T
    } catch (error) {
      if (!isTransactionConflict(error)) throw error
      if (attempt >= TRANSACTION_ATTEMPTS) {
        throw new AppError('CONFLICT', '同时操作的人较多，请稍后重试')
      }
      await pause(Math.random() * 10 * 2 ** attempt)
    }
  }
}

function wrapTransaction(sdk: SdkTransaction): Transaction {
  const doc = (name: CollectionName, id: string) => sdk.collection(name).doc(id)
  return {
    async get<T>(name: CollectionName, id: string) {
      const { data } = await doc(name, id).get()
      return (data ?? undefined) as T | undefined
    },
    async set(name, { _id, ...fields }) {
      await doc(name, _id).set({ data: fields })
    },
    async update(name, id, data) {
      await doc(name, id).update({ data })
    },
    async remove(name, id) {
      await doc(name, id).remove()
    },
  }
}

/** A write conflict, as a commit reports it (`code`) or as an operation's SDK error words it. */
function isTransactionConflict(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false
  const { code, errMsg, message } = error as { code?: unknown; errMsg?: unknown; message?: unknown }
  if (code === 'DATABASE_TRANSACTION_CONFLICT') return true
  const text = `${typeof errMsg === 'string' ? errMsg : ''} ${typeof message === 'string' ? message : ''}`
  return /transaction conflict|WriteConflict/i.test(text)
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
