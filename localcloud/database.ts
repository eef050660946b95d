import Datastore from '@seald-io/nedb'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'

export type StoredDocument = Record<string, unknown> & { _id: string }

const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/

/**
 * The local cloud's embedded database: one persistent nedb file per collection under dataDir.
 * Writes to a collection run one at a time, so a read-modify-write (a conditional update) is
 * atomic, as single-document updates are on WeChat's database.
 */
export class LocalDatabase {
  private readonly stores = new Map<string, Promise<Datastore<StoredDocument>>>()
  private readonly queues = new Map<string, Promise<unknown>>()

  constructor(readonly dataDir: string) {}

  async datastore(name: string): Promise<Datastore<StoredDocument>> {
    if (!COLLECTION_NAME.test(name)) throw new Error(`invalid collection name: ${name}`)
    let store = this.stores.get(name)
    if (!store) {
      store = this.open(name)
      this.stores.set(name, store)
    }
    return store
  }

  /** Runs fn with the collection to itself: no other write to it interleaves. */
  exclusive<T>(name: string, fn: (store: Datastore<StoredDocument>) => Promise<T>): Promise<T> {
    const previous = this.queues.get(name) ?? Promise.resolve()
    const next = previous.then(async () => fn(await this.datastore(name)))
    // The queue continues whether this operation succeeded or not.
    this.queues.set(
      name,
      next.catch(() => undefined),
    )
    return next
  }

  async collectionNames(): Promise<string[]> {
    return [...this.stores.keys()]
  }

  /** Waits for pending writes and compacts every file, so a restart loads quickly. */
  async close(): Promise<void> {
    await Promise.all([...this.queues.values()])
    for (const store of this.stores.values()) await (await store).compactDatafileAsync()
  }

  private async open(name: string): Promise<Datastore<StoredDocument>> {
    await mkdir(this.dataDir, { recursive: true })
    const store = new Datastore<StoredDocument>({
      filename: path.join(this.dataDir, `${name}.db`),
      // Dates and the like are kept as they are; nedb's own timestamps are not wanted.
      timestampData: false,
    })
    await store.loadDatabaseAsync()
    return store
  }
}
