import { Query } from 'mingo'
import type { AnyObject } from './documentCodec'

interface Entry {
  query: AnyObject
  value: unknown
}

// Past this many changed documents, testing each entry costs more than recomputing.
const MAX_TESTED_CHANGES = 50

/**
 * Recently computed query results (orders of matching rows, counts), least recently used first
 * out. A write drops the entries of its collection whose query matched a changed document before
 * or after the change, so a hit is always what the query would answer now.
 */
export class ResultCache {
  private readonly entries = new Map<string, Entry>()

  constructor(private readonly capacity: number) {}

  get<T>(collection: string, key: string): T | undefined {
    const id = `${collection}\u0000${key}`
    const entry = this.entries.get(id)
    if (!entry) return undefined
    // Re-inserting moves the entry to the most recent end of the map's order.
    this.entries.delete(id)
    this.entries.set(id, entry)
    return entry.value as T
  }

  set(collection: string, key: string, query: AnyObject, value: unknown): void {
    const id = `${collection}\u0000${key}`
    this.entries.delete(id)
    this.entries.set(id, { query, value })
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value as string)
    }
  }

  /** Drops what the changed documents (old and new versions) affect; all of it when unknown. */
  invalidate(collection: string, changed?: AnyObject[]): void {
    const prefix = `${collection}\u0000`
    const tested = changed && changed.length <= MAX_TESTED_CHANGES ? changed : undefined
    for (const [id, entry] of this.entries) {
      if (!id.startsWith(prefix)) continue
      if (tested) {
        const criteria = new Query(entry.query)
        if (!tested.some((doc) => criteria.test(doc))) continue
      }
      this.entries.delete(id)
    }
  }
}
