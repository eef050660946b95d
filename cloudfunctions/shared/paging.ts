import {
  MAX_PAGE,
  collection,
  command,
  countWhere,
  findMany,
  type CollectionName,
  type Fields,
} from './db'

export type SortDirection = 'asc' | 'desc'
export type OrderKey = readonly [field: string, direction: SortDirection]
/**
 * A sort order that ends on `_id`, so no two documents tie: pages then neither repeat nor skip a
 * document. Every field named must be present on every document read in that order.
 */
export type TotalOrder = readonly [...OrderKey[], readonly ['_id', SortDirection]]

/** One page of a list, with the total count, as every paged action answers. */
export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

function ordered(name: CollectionName, filter: object, order: TotalOrder) {
  return order.reduce(
    (query, [field, direction]) => query.orderBy(field, direction),
    collection(name).where(filter),
  )
}

/** Page `page` (from 1) of the matches in a total order, with their count. */
export async function readPage<T>(
  name: CollectionName,
  filter: object,
  order: TotalOrder,
  page: number,
  pageSize: number,
): Promise<Page<T>> {
  const [total, items] = await Promise.all([
    countWhere(name, filter),
    findMany<T>(
      ordered(name, filter, order)
        .skip((page - 1) * pageSize)
        .limit(pageSize),
    ),
  ])
  return { items, total, page, pageSize }
}

/** The first `limit` matches (at most MAX_PAGE) in a total order. */
export async function readFirst<T>(
  name: CollectionName,
  filter: object,
  order: TotalOrder,
  limit = MAX_PAGE,
): Promise<T[]> {
  return findMany<T>(ordered(name, filter, order).limit(Math.min(limit, MAX_PAGE)))
}

/**
 * Every match, read MAX_PAGE at a time. Each page continues after the last document read (keyset
 * paging), so documents added or removed meanwhile never shift a page.
 */
export async function readAll<T extends { _id: string }>(
  name: CollectionName,
  filter: object,
  order: TotalOrder,
  fields?: Fields,
): Promise<T[]> {
  const all: T[] = []
  let last: T | undefined
  for (;;) {
    const where = last ? command().and([filter, after(order, last)]) : filter
    const query = ordered(name, where, order).limit(MAX_PAGE)
    const page = await findMany<T>(fields ? query.field(fields) : query)
    all.push(...page)
    if (page.length < MAX_PAGE) return all
    last = page[page.length - 1]
  }
}

/** The condition "comes after `last` in this order": (a > x) or (a = x and b > y) or … */
function after(order: TotalOrder, last: object): object {
  const _ = command()
  return _.or(
    order.map(([field, direction], index) => {
      const equalBefore = Object.fromEntries(
        order.slice(0, index).map(([previous]) => [previous, valueAt(last, previous)]),
      )
      const value = valueAt(last, field)
      return { ...equalBefore, [field]: direction === 'asc' ? _.gt(value) : _.lt(value) }
    }),
  )
}

function valueAt(doc: object, path: string): never {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) => (value as Record<string, unknown> | undefined)?.[key],
      doc,
    ) as never
}
