import { cloud } from '../cloud'
import { AppError } from '../errors'

/** Every collection the product uses; the deploy guide creates these (and their indexes). */
export const COLLECTIONS = {
  districts: 'districts',
  streets: 'streets',
  communities: 'communities',
  users: 'users',
  organizations: 'organizations',
  personalNeeds: 'personal_needs',
  auditLogs: 'audit_logs',
  communityNeeds: 'community_needs',
  resourceOfferings: 'resource_offerings',
  notifications: 'notifications',
  stallEvents: 'stall_events',
  stallSlots: 'stall_slots',
  stallBookings: 'stall_bookings',
  projects: 'projects',
  claims: 'claims',
  projectProgress: 'project_progress',
  matchProposals: 'match_proposals',
  volunteers: 'volunteers',
  volunteerTeams: 'volunteer_teams',
  volunteerShifts: 'volunteer_shifts',
  volunteerSignups: 'volunteer_signups',
  volunteerHours: 'volunteer_hours',
  volunteerCertificates: 'volunteer_certificates',
} as const

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS]

type Database = ReturnType<typeof cloud.database>
type Collection = ReturnType<Database['collection']>
export type Query = ReturnType<Collection['where']>

/** The database's largest page inside a cloud function. */
export const MAX_PAGE = 100

export function collection(name: CollectionName): Collection {
  return cloud.database().collection(name)
}

export function command() {
  return cloud.database().command
}

// The SDK's typings return `Promise<…> | void | string` (callback overloads); these helpers give
// repositories plain typed results.

export async function findMany<T>(query: Query | Collection): Promise<T[]> {
  const { data } = (await query.get()) as { data: unknown[] }
  return data as T[]
}

export async function findById<T>(name: CollectionName, id: string): Promise<T | undefined> {
  const [found] = await findMany<T>(collection(name).where({ _id: id }).limit(1))
  return found
}

/** The document with this id, or a NOT_FOUND error carrying what the user is told. */
export async function requireById<T>(
  name: CollectionName,
  id: string,
  notFoundMessage: string,
): Promise<T> {
  const found = await findById<T>(name, id)
  if (!found) throw new AppError('NOT_FOUND', notFoundMessage)
  return found
}

export async function countOf(query: Query): Promise<number> {
  const { total } = (await query.count()) as { total: number }
  return total
}

export async function insertOne(name: CollectionName, doc: object): Promise<string> {
  const { _id } = (await collection(name).add({ data: doc })) as { _id: string }
  return _id
}

/** Updates the documents the query matches; answers how many changed. */
export async function updateWhere(query: Query, data: object): Promise<number> {
  const { stats } = (await query.update({ data })) as { stats: { updated: number } }
  return stats.updated
}

/** Every document the query matches, read a page at a time. */
export async function findAll<T>(query: Query): Promise<T[]> {
  const all: T[] = []
  for (;;) {
    const page = await findMany<T>(query.skip(all.length).limit(MAX_PAGE))
    all.push(...page)
    if (page.length < MAX_PAGE) return all
  }
}
/** One page of a query's matches, newest first, with the total count. */
export async function findPage<T>(query: Query, page: number, pageSize: number) {
  const [total, items] = await Promise.all([
    countOf(query),
    findMany<T>(
      query
        .orderBy('createdAt', 'desc')
        .skip((page - 1) * pageSize)
        .limit(pageSize),
    ),
  ])
  return { items, total, page, pageSize }
}

/** Documents by id; at most MAX_PAGE ids. */
export async function findByIds<T>(name: CollectionName, ids: string[]): Promise<T[]> {
  if (ids.length === 0) return []
  return findMany<T>(
    collection(name)
      .where({ _id: command().in(ids) })
      .limit(MAX_PAGE),
  )
}

/**
 * Inserts a document under its own (deterministic) id, once: answers false when a document with
 * that id exists already, so a retried call changes nothing.
 */
export async function insertIfAbsent(name: CollectionName, doc: { _id: string }): Promise<boolean> {
  try {
    await insertOne(name, doc)
    return true
  } catch (error) {
    if (await findById(name, doc._id)) return false
    throw error
  }
}

/**
 * Every document the filter matches, read a page at a time (a function gets at most MAX_PAGE per
 * read). The order must be total (end on _id) so pages neither skip nor repeat documents.
 */
export async function findAllWhere<T>(
  name: CollectionName,
  filter: object,
  order: [field: string, direction: 'asc' | 'desc'][],
): Promise<T[]> {
  return findAll<T>(
    order.reduce(
      (sorted, [field, direction]) => sorted.orderBy(field, direction),
      collection(name).where(filter),
    ),
  )
}
