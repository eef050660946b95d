/**
 * Recently computed query results (sorted lists, counts), least recently used first out. A write
 * to a collection drops its entries, so a hit is always what the query would answer now.
 */
export class ResultCache {
  private readonly entries = new Map<string, unknown>()

  constructor(private readonly capacity: number) {}

  get<T>(collection: string, key: string): T | undefined {
    const id = `${collection}\u0000${key}`
    const value = this.entries.get(id)
    if (value === undefined) return undefined
    // Re-inserting moves the entry to the most recent end of the map's order.
    this.entries.delete(id)
    this.entries.set(id, value)
    return value as T
  }

  set(collection: string, key: string, value: unknown): void {
    const id = `${collection}\u0000${key}`
    this.entries.delete(id)
    this.entries.set(id, value)
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value as string)
    }
  }

  invalidate(collection: string): void {
    const prefix = `${collection}\u0000`
    for (const id of this.entries.keys()) if (id.startsWith(prefix)) this.entries.delete(id)
  }
}
