import Database from 'libsql'
import { Aggregator, Query, update as applyUpdate } from 'mingo'
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { INDEXES, type CollectionName, type IndexSpec } from '../cloudfunctions/shared/collections'
import {
  cloneDocument,
  decodeDocument,
  decodeValue,
  encodeDocument,
  keyOf,
  type AnyObject,
  type StoredDocument,
} from './documentCodec'
import { parseNedbFile } from './nedbImport'
import {
  createIndexSql,
  indexName,
  isTopLevelField,
  jsonPathOf,
  narrowingOf,
  type FieldKind,
  type Narrowing,
} from './queryPlan'
import { ResultCache } from './resultCache'

export type { AnyObject, StoredDocument } from './documentCodec'

export interface LocalDatabaseOptions {
  /** An idle transaction is rolled back after this long (CloudBase: about 30 s). */
  transactionTimeoutMs?: number
  /** The clock that ages idle transactions; tests move it by hand. */
  now?: () => number
}

export interface FindOptions {
  sort?: Record<string, 1 | -1>
  skip?: number
  limit?: number
  projection?: AnyObject
}

export interface ModifyOptions {
  multi?: boolean
  /** Apply update operators to the document (update); otherwise replace it (set). */
  merge?: boolean
  upsert?: boolean
}

export interface ModifyResult {
  updated: number
  upsertedId?: string
}

/** What CloudBase answers when a transaction loses a write conflict; the SDK retries on it. */
export class TransactionConflictError extends Error {
  readonly code = 'DATABASE_TRANSACTION_CONFLICT'

  constructor() {
    super('database transaction conflict')
  }
}

type Statement = Database.Statement<unknown[]>

/** One SQLite connection with its prepared statements. */
class Connection {
  private readonly statements = new Map<string, Statement>()

  constructor(readonly raw: Database.Database) {}

  rows(sql: string, params: unknown[] = []): unknown[][] {
    return this.statement(sql).all(...params) as unknown[][]
  }

  run(sql: string, params: unknown[] = []): void {
    this.statement(sql).run(...params)
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.raw.prepare(sql)
      // Rows as arrays: libsql adds timing metadata to row objects.
      if (statement.reader) statement.raw(true)
      this.statements.set(sql, statement)
    }
    return statement
  }
}

interface BufferedWrite {
  collection: string
  id: string
  /** null: the transaction removes the document. */
  doc: StoredDocument | null
}

interface Transaction {
  id: string
  /** The commit sequence its snapshot shows; a later write to what it writes is a conflict. */
  startSeq: number
  snapshot: Connection
  writes: Map<string, BufferedWrite>
  lastUsed: number
}

/** A matching row: its rowid (insertion order) and the document, or only the fields read. */
interface SortEntry {
  r: number
  d: AnyObject
}

type FieldShape = 'array' | 'object'

type TransactionEnd = 'committed' | 'aborted' | 'conflict' | 'expired'

/** The rows one write operation changes, committed together under one sequence number. */
interface WriteBatch {
  seq: number
  /** Per collection, the changed documents (old and new versions), or undefined if unknown. */
  changed: Map<string, AnyObject[] | undefined>
  deleted: string[]
}

// Sorting and projecting need no condition: one query object serves them all.
const EVERYTHING = new Query({})
const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/
/** Reader connections kept open between transactions. */
const IDLE_SNAPSHOTS_KEPT = 16
const RESERVED_NAME = /^sqlite_/i
const NEDB_FILE = /^([A-Za-z][A-Za-z0-9_]{0,63})\.db$/
const DATABASE_FILE = 'gongjian.sqlite'
const UPDATE_OPERATOR = /^\$/
const CACHE_ENTRIES = 64
// Counting fewer documents than this is cheaper than keeping the answer.
const CACHE_MIN_COUNT = 100
const TRANSACTION_TIMEOUT_MS = 30_000
const SWEEP_INTERVAL_MS = 5_000
// Ended transactions remembered so a late commit learns why it cannot proceed.
const ENDED_REMEMBERED = 1000

/**
 * The local cloud's embedded database: one SQLite file (WAL, synchronous=FULL), one table per
 * collection of JSON documents, expression indexes from the collections manifest, and
 * CloudBase-style transactions (snapshot reads, first committer wins). It is synchronous and
 * used by one process, so every operation, a conditional update included, is atomic.
 */
export class LocalDatabase {
  private readonly main: Connection
  private readonly tables = new Set<string>()
  /** Non-scalar shapes seen in indexed fields, by collection and field (see FieldKind). */
  private readonly fieldShapes = new Map<string, Set<FieldShape>>()
  private readonly cache = new ResultCache(CACHE_ENTRIES)
  private readonly transactions = new Map<string, Transaction>()
  private readonly idleSnapshots: Connection[] = []
  private readonly ended = new Map<string, TransactionEnd>()
  /** Deletions since the oldest open transaction began: a removed row has no seq to compare. */
  private readonly recentDeletes = new Map<string, number>()
  private readonly sweeper: NodeJS.Timeout
  private readonly timeoutMs: number
  private readonly now: () => number
  private seq = 0
  private closed = false

  /** Opens (or creates) the database under dataDir and imports any nedb files found there. */
  static async open(dataDir: string, options: LocalDatabaseOptions = {}): Promise<LocalDatabase> {
    await mkdir(dataDir, { recursive: true })
    const database = new LocalDatabase(dataDir, options)
    try {
      await database.importNedbFiles()
    } catch (error) {
      database.close()
      throw error
    }
    return database
  }

  private constructor(
    readonly dataDir: string,
    options: LocalDatabaseOptions,
  ) {
    this.timeoutMs = options.transactionTimeoutMs ?? TRANSACTION_TIMEOUT_MS
    this.now = options.now ?? Date.now
    this.main = new Connection(new Database(this.file))
    this.main.raw.pragma('journal_mode = WAL')
    // An acknowledged write survives a power loss; measured at about 0.3 ms per commit here.
    this.main.raw.pragma('synchronous = FULL')
    // Reads dominate: keep the tables in memory (64 MiB of page cache, the file mapped).
    this.main.raw.pragma('cache_size = -65536')
    this.main.raw.pragma('mmap_size = 268435456')
    this.main.raw.exec(
      'CREATE TABLE IF NOT EXISTS _field_shapes (collection TEXT NOT NULL, field TEXT NOT NULL, shape TEXT NOT NULL, PRIMARY KEY (collection, field, shape))',
    )
    for (const [name] of this.main.rows("SELECT name FROM sqlite_master WHERE type = 'table'")) {
      if (!isCollectionName(name)) continue
      this.tables.add(name)
      this.syncIndexes(name)
      const [[maxSeq]] = this.main.rows(`SELECT max(seq) FROM "${name}"`)
      this.seq = Math.max(this.seq, Number(maxSeq ?? 0))
    }
    for (const [collection, field, shape] of this.main.rows(
      'SELECT collection, field, shape FROM _field_shapes',
    )) {
      this.shapesOf(String(collection), String(field)).add(shape as FieldShape)
    }
    this.sweeper = setInterval(() => this.expireIdleTransactions(), SWEEP_INTERVAL_MS)
    this.sweeper.unref()
  }

  private get file(): string {
    return path.join(this.dataDir, DATABASE_FILE)
  }

  collectionNames(): string[] {
    return [...this.tables].sort()
  }

  /** Creates the collection (and its indexes) if it does not exist yet. */
  ensureCollection(name: string): void {
    assertCollectionName(name)
    if (this.tables.has(name)) return
    this.main.run(
      `CREATE TABLE IF NOT EXISTS "${name}" (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, doc TEXT NOT NULL)`,
    )
    this.syncIndexes(name)
    this.tables.add(name)
  }

  /** Inserts documents all or none; a document without a string _id gets one. */
  insertMany(collection: string, docs: object[]): string[] {
    this.ensureCollection(collection)
    const stored = docs.map(withId)
    this.write((batch) => {
      for (const doc of stored) this.putRow(batch, collection, doc, null)
    })
    return stored.map((doc) => doc._id)
  }

  /** Inserts documents into several collections in one write: all of them, or none. */
  insertAll(groups: [collection: string, docs: object[]][]): void {
    for (const [collection] of groups) this.ensureCollection(collection)
    this.write((batch) => {
      for (const [collection, docs] of groups) {
        for (const doc of docs.map(withId)) this.putRow(batch, collection, doc, null)
      }
    })
  }

  /** Matching documents (fresh copies), in insertion order unless sorted. */
  find<T = StoredDocument>(
    collection: string,
    query: AnyObject = {},
    options: FindOptions = {},
  ): T[] {
    return this.select(collection, query, options) as T[]
  }

  findOne<T = StoredDocument>(collection: string, query: AnyObject): T | undefined {
    return this.find<T>(collection, query, { limit: 1 })[0]
  }

  count(collection: string, query: AnyObject = {}): number {
    if (!this.tables.has(collection)) return 0
    const narrowing = this.narrowingFor(collection, query)
    if (narrowing.exact) {
      const where = narrowing.sql ? ` WHERE ${narrowing.sql}` : ''
      const [[total]] = this.main.rows(
        `SELECT count(*) FROM "${collection}"${where}`,
        narrowing.params,
      )
      return Number(total)
    }
    const key = keyOf(['count', query])
    const cached = this.cache.get<number>(collection, key)
    if (cached !== undefined) return cached
    const total = (
      this.fieldEntries(collection, query, narrowing, []) ??
      this.matchingRows(collection, query, narrowing)
    ).length
    if (total >= CACHE_MIN_COUNT) this.cache.set(collection, key, query, total)
    return total
  }

  /** Applies MongoDB update operators to every match; answers how many documents changed. */
  updateMany(collection: string, query: AnyObject, update: AnyObject): number {
    return this.modify(collection, query, update, { multi: true, merge: true }).updated
  }

  /**
   * One page of a query's matches, sorted. The order of all matches (as row ids) stays cached
   * until a write changes it, so reading a long list page by page sorts it once. When SQL alone
   * decides the matches, only the sort fields are read to sort, and then the page's documents.
   */
  select(collection: string, query: AnyObject, options: FindOptions): StoredDocument[] {
    assertCollectionName(collection)
    if (!this.tables.has(collection)) return []
    const skip = options.skip ?? 0
    const end = options.limit === undefined ? undefined : skip + options.limit
    const sort = options.sort && Object.keys(options.sort).length > 0 ? options.sort : undefined
    const key = keyOf(['find', query, sort])
    let order = this.cache.get<number[]>(collection, key)
    let read: Map<number, StoredDocument> | undefined
    if (!order) {
      const narrowing = this.narrowingFor(collection, query)
      let entries = this.fieldEntries(collection, query, narrowing, Object.keys(sort ?? {}))
      if (!entries) {
        entries = this.matchingRows(collection, query, narrowing)
        read = new Map(entries.map((row) => [row.r, row.d as StoredDocument]))
      }
      order = sorted(entries, sort)
      if (end !== undefined && order.length > end) this.cache.set(collection, key, query, order)
    }
    const page = order.slice(skip, end)
    const docs = read
      ? page.map((rowid) => read.get(rowid) as StoredDocument)
      : this.byRowid(collection, page)
    if (!options.projection || Object.keys(options.projection).length === 0) return docs
    return EVERYTHING.find<StoredDocument>(docs, options.projection).all()
  }

  modify(
    collection: string,
    query: AnyObject,
    data: AnyObject,
    options: ModifyOptions,
  ): ModifyResult {
    const found = this.matching(collection, query)
    const targets = options.multi ? found : found.slice(0, 1)
    if (targets.length === 0) {
      if (!options.upsert) return { updated: 0 }
      const upserted = {
        ...replacementOf(data),
        _id: typeof query._id === 'string' ? query._id : newId(),
      }
      this.ensureCollection(collection)
      this.write((batch) => this.putRow(batch, collection, upserted, null))
      return { updated: 0, upsertedId: upserted._id }
    }
    const changes = targets
      .map((target) => [target, nextVersion(target, data, options.merge ?? false)] as const)
      .filter(([target, next]) => encodeDocument(next) !== encodeDocument(target))
    if (changes.length > 0) {
      this.write((batch) => {
        for (const [target, next] of changes) this.putRow(batch, collection, next, target)
      })
    }
    return { updated: changes.length }
  }

  /** Updates the first match and answers it as it is now (modifyAndReturnDoc). */
  updateOneAndReturn(
    collection: string,
    query: AnyObject,
    data: AnyObject,
  ): StoredDocument | undefined {
    const [target] = this.matching(collection, query)
    if (!target) return undefined
    const next = nextVersion(target, data, true)
    this.write((batch) => this.putRow(batch, collection, next, target))
    return next
  }

  remove(collection: string, query: AnyObject, multi: boolean): number {
    const found = this.matching(collection, query)
    const targets = multi ? found : found.slice(0, 1)
    if (targets.length > 0) {
      this.write((batch) => {
        for (const target of targets) this.deleteRow(batch, collection, target._id, target)
      })
    }
    return targets.length
  }

  aggregate(collection: string, stages: AnyObject[]): AnyObject[] {
    // A leading $match narrows the source like a query; the pipeline still applies it.
    const match = stages[0]?.$match
    const source = this.matching(collection, isObject(match) ? match : {})
    // $lookup reads other collections; the aggregator resolves them synchronously.
    const lookedUp = new Map<string, AnyObject[]>()
    for (const stage of stages) {
      const from = (stage.$lookup as AnyObject | undefined)?.from
      if (typeof from === 'string' && !lookedUp.has(from)) {
        lookedUp.set(from, this.matching(from, {}))
      }
    }
    const aggregator = new Aggregator(stages, {
      collectionResolver: (name: string) => lookedUp.get(name) ?? [],
    })
    return aggregator.run(source) as AnyObject[]
  }

  // Transactions, as CloudBase has them: document operations by _id only, reads from a snapshot
  // taken at the start (plus the transaction's own writes), writes buffered until the commit,
  // and a write to a document someone else committed since the start is a conflict.

  startTransaction(): string {
    this.expireIdleTransactions()
    // Reader connections are kept for reuse: opening one (and preparing its statements) costs
    // more than the transaction itself.
    const snapshot = this.idleSnapshots.pop() ?? new Connection(new Database(this.file))
    snapshot.raw.exec('BEGIN')
    // A WAL reader's snapshot is fixed by its first read, taken here, at the current seq.
    snapshot.rows('SELECT count(*) FROM sqlite_master')
    const transaction: Transaction = {
      id: newId(),
      startSeq: this.seq,
      snapshot,
      writes: new Map(),
      lastUsed: this.now(),
    }
    this.transactions.set(transaction.id, transaction)
    return transaction.id
  }

  transactionGet(
    transactionId: string,
    collection: string,
    id: string,
  ): StoredDocument | undefined {
    return this.readInTransaction(this.transaction(transactionId), collection, id)
  }

  transactionInsert(transactionId: string, collection: string, doc: object): string {
    const transaction = this.transaction(transactionId)
    const stored = withId(doc)
    this.assertUnchangedSince(transaction, collection, stored._id)
    if (this.readInTransaction(transaction, collection, stored._id)) {
      throw duplicateKey(collection, stored._id)
    }
    this.buffer(transaction, collection, stored._id, stored)
    return stored._id
  }

  transactionModify(
    transactionId: string,
    collection: string,
    id: string,
    data: AnyObject,
    options: Pick<ModifyOptions, 'merge' | 'upsert'>,
  ): ModifyResult {
    const transaction = this.transaction(transactionId)
    this.assertUnchangedSince(transaction, collection, id)
    const current = this.readInTransaction(transaction, collection, id)
    if (!current) {
      if (!options.upsert) return { updated: 0 }
      this.buffer(transaction, collection, id, { ...replacementOf(data), _id: id })
      return { updated: 0, upsertedId: id }
    }
    const next = nextVersion(current, data, options.merge ?? false)
    if (encodeDocument(next) === encodeDocument(current)) return { updated: 0 }
    this.buffer(transaction, collection, id, next)
    return { updated: 1 }
  }

  transactionRemove(transactionId: string, collection: string, id: string): number {
    const transaction = this.transaction(transactionId)
    this.assertUnchangedSince(transaction, collection, id)
    if (!this.readInTransaction(transaction, collection, id)) return 0
    this.buffer(transaction, collection, id, null)
    return 1
  }

  /** Applies every buffered write in one SQLite transaction, or none on a conflict. */
  commitTransaction(transactionId: string): void {
    const transaction = this.transaction(transactionId)
    const writes = [...transaction.writes.values()]
    for (const write of writes) this.assertUnchangedSince(transaction, write.collection, write.id)
    try {
      for (const write of writes) this.ensureCollection(write.collection)
      this.write((batch) => {
        for (const write of writes) {
          if (write.doc) this.putRow(batch, write.collection, write.doc, undefined)
          else this.deleteRow(batch, write.collection, write.id)
        }
      })
    } catch (error) {
      this.endTransaction(transaction, 'aborted')
      throw error
    }
    this.endTransaction(transaction, 'committed')
  }

  /** Discards the transaction; ending one that has already ended is not an error. */
  abortTransaction(transactionId: string): void {
    const transaction = this.transactions.get(transactionId)
    if (transaction) this.endTransaction(transaction, 'aborted')
  }

  /** Rolls back transactions idle for longer than the timeout. */
  expireIdleTransactions(): void {
    const oldest = this.now() - this.timeoutMs
    for (const transaction of this.transactions.values()) {
      if (transaction.lastUsed < oldest) this.endTransaction(transaction, 'expired')
    }
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    clearInterval(this.sweeper)
    for (const transaction of this.transactions.values()) {
      this.endTransaction(transaction, 'aborted')
    }
    for (const snapshot of this.idleSnapshots.splice(0)) snapshot.raw.close()
    this.main.raw.close()
  }

  private transaction(id: string): Transaction {
    this.expireIdleTransactions()
    const transaction = this.transactions.get(id)
    if (transaction) {
      transaction.lastUsed = this.now()
      return transaction
    }
    const end = this.ended.get(id)
    if (end === 'conflict') throw new TransactionConflictError()
    if (end === 'expired') {
      throw new Error(`事务 ${id} 空闲超过 ${this.timeoutMs / 1000} 秒，已自动回滚`)
    }
    throw new Error(end ? `事务 ${id} 已结束` : `事务 ${id} 不存在`)
  }

  private readInTransaction(
    transaction: Transaction,
    collection: string,
    id: string,
  ): StoredDocument | undefined {
    assertCollectionName(collection)
    const buffered = transaction.writes.get(rowKey(collection, id))
    if (buffered) return buffered.doc ? cloneDocument(buffered.doc) : undefined
    const { snapshot } = transaction
    // A table created after the snapshot began is absent from it.
    const exists = snapshot.rows("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [
      collection,
    ])
    if (exists.length === 0) return undefined
    const [row] = snapshot.rows(`SELECT doc FROM "${collection}" WHERE id = ?`, [id])
    return row ? decodeDocument(String(row[0])) : undefined
  }

  private buffer(
    transaction: Transaction,
    collection: string,
    id: string,
    doc: StoredDocument | null,
  ): void {
    transaction.writes.set(rowKey(collection, id), { collection, id, doc })
  }

  /** First committer wins: a document committed by anyone since the start ends the transaction. */
  private assertUnchangedSince(transaction: Transaction, collection: string, id: string): void {
    assertCollectionName(collection)
    const [row] = this.tables.has(collection)
      ? this.main.rows(`SELECT seq FROM "${collection}" WHERE id = ?`, [id])
      : []
    const committed = Math.max(
      row ? Number(row[0]) : 0,
      this.recentDeletes.get(rowKey(collection, id)) ?? 0,
    )
    if (committed > transaction.startSeq) {
      this.endTransaction(transaction, 'conflict')
      throw new TransactionConflictError()
    }
  }

  private endTransaction(transaction: Transaction, end: TransactionEnd): void {
    if (!this.transactions.delete(transaction.id)) return
    transaction.snapshot.raw.exec('ROLLBACK')
    if (this.idleSnapshots.length < IDLE_SNAPSHOTS_KEPT && !this.closed) {
      this.idleSnapshots.push(transaction.snapshot)
    } else transaction.snapshot.raw.close()
    this.ended.set(transaction.id, end)
    if (this.ended.size > ENDED_REMEMBERED) {
      this.ended.delete(this.ended.keys().next().value as string)
    }
    const oldestStart = Math.min(...[...this.transactions.values()].map((open) => open.startSeq))
    for (const [key, seq] of this.recentDeletes) {
      if (seq <= oldestStart) this.recentDeletes.delete(key)
    }
  }

  /** Runs one write operation as one SQLite transaction under the next sequence number. */
  private write(apply: (batch: WriteBatch) => void): void {
    const batch: WriteBatch = { seq: this.seq + 1, changed: new Map(), deleted: [] }
    this.main.raw.exec('BEGIN IMMEDIATE')
    try {
      apply(batch)
      this.main.raw.exec('COMMIT')
    } catch (error) {
      if (this.main.raw.inTransaction) this.main.raw.exec('ROLLBACK')
      throw error
    }
    this.seq = batch.seq
    for (const [collection, docs] of batch.changed) this.cache.invalidate(collection, docs)
    if (this.transactions.size > 0) {
      for (const key of batch.deleted) this.recentDeletes.set(key, batch.seq)
    }
  }

  /**
   * Writes a document. previous: null when none may exist (an insert, refused on a duplicate
   * _id), the version it replaces when known, undefined when not known (then it may or may not).
   */
  private putRow(
    batch: WriteBatch,
    collection: string,
    doc: StoredDocument,
    previous: StoredDocument | null | undefined,
  ): void {
    this.noteShapes(collection, doc)
    const values = [doc._id, batch.seq, encodeDocument(doc)]
    if (previous === null) {
      try {
        this.main.run(`INSERT INTO "${collection}" (id, seq, doc) VALUES (?, ?, ?)`, values)
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
          throw duplicateKey(collection, doc._id)
        }
        throw error
      }
    } else {
      this.main.run(
        `INSERT INTO "${collection}" (id, seq, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, doc = excluded.doc`,
        values,
      )
    }
    noteChange(batch, collection, previous === undefined ? undefined : [previous ?? doc, doc])
  }

  private deleteRow(
    batch: WriteBatch,
    collection: string,
    id: string,
    previous?: StoredDocument,
  ): void {
    this.main.run(`DELETE FROM "${collection}" WHERE id = ?`, [id])
    noteChange(batch, collection, previous && [previous])
    batch.deleted.push(rowKey(collection, id))
  }

  /** Records the non-scalar shapes this document gives its indexed fields (see FieldKind). */
  private noteShapes(collection: string, doc: StoredDocument): void {
    for (const field of indexedFieldsOf(collection)) {
      const shape = shapeAt(doc, field)
      const shapes = this.shapesOf(collection, field)
      if (!shape || shapes.has(shape)) continue
      this.main.run(
        'INSERT OR IGNORE INTO _field_shapes (collection, field, shape) VALUES (?, ?, ?)',
        [collection, field, shape],
      )
      // Noting a shape too early (if the write rolls back) only costs speed, never results.
      shapes.add(shape)
    }
  }

  private shapesOf(collection: string, field: string): Set<FieldShape> {
    const key = rowKey(collection, field)
    let shapes = this.fieldShapes.get(key)
    if (!shapes) {
      shapes = new Set()
      this.fieldShapes.set(key, shapes)
    }
    return shapes
  }

  private narrowingFor(collection: string, query: AnyObject): Narrowing {
    return narrowingOf(query, (field) => this.fieldKind(collection, field))
  }

  private fieldKind(collection: string, field: string): FieldKind {
    if (!indexedFieldsOf(collection).has(field)) return 'unindexed'
    const shapes = this.shapesOf(collection, field)
    if (shapes.has('array')) return 'unindexed'
    return shapes.has('object') ? 'mixed' : 'scalar'
  }

  /** The documents matching a MongoDB query: narrowed in SQL, then checked by mingo. */
  private matching(collection: string, query: AnyObject): StoredDocument[] {
    return this.matchingRows(collection, query).map((row) => row.d as StoredDocument)
  }

  private matchingRows(
    collection: string,
    query: AnyObject,
    narrowing = this.narrowingFor(collection, query),
  ): SortEntry[] {
    assertCollectionName(collection)
    if (!this.tables.has(collection)) return []
    const where = narrowing.sql ? ` WHERE ${narrowing.sql}` : ''
    // rowid order is insertion order: ties keep the same order however the rows were found.
    const rows = this.main.rows(
      `SELECT rowid, doc FROM "${collection}"${where} ORDER BY rowid`,
      narrowing.params,
    )
    const entries = rows.map(([rowid, text]) => ({
      r: Number(rowid),
      d: decodeDocument(String(text)) as AnyObject,
    }))
    if (narrowing.exact) return entries
    const criteria = new Query(query)
    return entries.filter((entry) => criteria.test(entry.d))
  }

  /**
   * The matching rows with only the fields the query tests and the sort orders by, each read as
   * its JSON (`->`) into a document of the same shape; undefined when that could differ from
   * testing and sorting whole documents. A top-level field reads exactly; a dotted path only
   * where no array can stand in the way (an indexed field that never held one).
   */
  private fieldEntries(
    collection: string,
    query: AnyObject,
    narrowing: Narrowing,
    sortFields: string[],
  ): SortEntry[] | undefined {
    const tested = narrowing.exact ? [] : topLevelFieldsOf(query)
    const readable = (field: string) =>
      isTopLevelField(field) || this.fieldKind(collection, field) !== 'unindexed'
    if (!tested || !sortFields.every(readable)) return undefined
    const fields = [...new Set([...tested, ...sortFields])]
    const columns = fields.map((field) => `, doc -> '${jsonPathOf(field)}'`).join('')
    const where = narrowing.sql ? ` WHERE ${narrowing.sql}` : ''
    const rows = this.main.rows(
      `SELECT rowid${columns} FROM "${collection}"${where} ORDER BY rowid`,
      narrowing.params,
    )
    const entries = rows.map(([rowid, ...values]) => {
      const d: AnyObject = {}
      fields.forEach((field, index) => {
        // SQL NULL: the field is missing, which queries and sorts tell from a stored null.
        if (values[index] !== null) setPath(d, field, decodeValue(String(values[index])))
      })
      return { r: Number(rowid), d }
    })
    if (narrowing.exact) return entries
    const criteria = new Query(query)
    return entries.filter((entry) => criteria.test(entry.d))
  }

  private byRowid(collection: string, rowids: number[]): StoredDocument[] {
    if (rowids.length === 0) return []
    const rows = this.main.rows(
      `SELECT rowid, doc FROM "${collection}" WHERE rowid IN (SELECT value FROM json_each(?))`,
      [JSON.stringify(rowids)],
    )
    const texts = new Map(rows.map(([rowid, text]) => [Number(rowid), String(text)]))
    return rowids.map((rowid) => decodeDocument(texts.get(rowid) as string))
  }

  /** Keeps the table's indexes equal to the manifest's: creates new ones, drops retired ones. */
  private syncIndexes(collection: string): void {
    const specs = indexSpecsOf(collection)
    const wanted = new Set(specs.map((spec) => indexName(collection, spec)))
    const existing = this.main.rows(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE '\\_ix\\_%' ESCAPE '\\'",
      [collection],
    )
    for (const [name] of existing) {
      if (!wanted.has(String(name))) this.main.raw.exec(`DROP INDEX "${String(name)}"`)
    }
    for (const spec of specs) this.main.raw.exec(createIndexSql(collection, spec))
  }

  /** Imports the nedb files of the previous store, each in one transaction, then sets them aside. */
  private async importNedbFiles(): Promise<void> {
    for (const entry of (await readdir(this.dataDir)).sort()) {
      const collection = NEDB_FILE.exec(entry)?.[1]
      if (!collection || !isCollectionName(collection)) continue
      const file = path.join(this.dataDir, entry)
      const { documents, badLines } = parseNedbFile(await readFile(file, 'utf8'))
      if (badLines.length > 0) {
        await writeFile(`${file}.bad-lines`, `${badLines.join('\n')}\n`)
        console.warn(
          `${entry}: ${badLines.length} unreadable line(s) skipped, kept in ${entry}.bad-lines`,
        )
      }
      this.ensureCollection(collection)
      this.write((batch) => {
        for (const doc of documents) this.putRow(batch, collection, doc, undefined)
      })
      await rename(file, `${file}.migrated`)
    }
  }
}

function isCollectionName(name: unknown): name is string {
  return typeof name === 'string' && COLLECTION_NAME.test(name) && !RESERVED_NAME.test(name)
}

function assertCollectionName(name: string): void {
  if (!isCollectionName(name)) throw new Error(`invalid collection name: ${name}`)
}

function indexSpecsOf(collection: string): IndexSpec[] {
  return Object.hasOwn(INDEXES, collection) ? INDEXES[collection as CollectionName] : []
}

function indexedFieldsOf(collection: string): Set<string> {
  return new Set(indexSpecsOf(collection).flatMap((spec) => spec.fields.map(([field]) => field)))
}

/** 'array' if the dotted path meets an array; 'object' if it ends on an object (a Date too). */
function shapeAt(doc: AnyObject, field: string): FieldShape | undefined {
  let value: unknown = doc
  for (const segment of field.split('.')) {
    if (!isObject(value)) return undefined
    value = value[segment]
    if (Array.isArray(value)) return 'array'
  }
  return typeof value === 'object' && value !== null ? 'object' : undefined
}

function isObject(value: unknown): value is AnyObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Row ids in the order of the sort, ties in insertion order (mingo's sort is stable). */
function sorted(entries: SortEntry[], sort: Record<string, 1 | -1> | undefined): number[] {
  if (!sort) return entries.map((entry) => entry.r)
  const spec = Object.fromEntries(Object.entries(sort).map(([field, way]) => [`d.${field}`, way]))
  return EVERYTHING.find<SortEntry>(entries)
    .sort(spec)
    .all()
    .map((entry) => entry.r)
}

/**
 * The top-level fields a query tests, when it tests nothing else (no $expr, $where, $text or
 * dotted path); then testing only those fields of a document answers as testing all of it.
 */
function topLevelFieldsOf(query: AnyObject): string[] | undefined {
  const fields: string[] = []
  for (const [key, value] of Object.entries(query)) {
    if (['$and', '$or', '$nor'].includes(key) && Array.isArray(value)) {
      for (const part of value) {
        const nested = isObject(part) ? topLevelFieldsOf(part) : undefined
        if (!nested) return undefined
        fields.push(...nested)
      }
    } else if (isTopLevelField(key)) {
      fields.push(key)
    } else {
      return undefined
    }
  }
  return fields
}

function setPath(target: AnyObject, field: string, value: unknown): void {
  const segments = field.split('.')
  let node = target
  for (const segment of segments.slice(0, -1)) {
    node[segment] ??= {}
    node = node[segment] as AnyObject
  }
  node[segments[segments.length - 1]] = value
}

function noteChange(batch: WriteBatch, collection: string, docs: AnyObject[] | undefined): void {
  const known = batch.changed.get(collection)
  if (known && docs) known.push(...docs)
  else batch.changed.set(collection, batch.changed.has(collection) || !docs ? undefined : [...docs])
}

function rowKey(collection: string, id: string): string {
  return `${collection}\u0000${id}`
}

function withId(doc: object): StoredDocument {
  const { _id } = doc as AnyObject
  return (typeof _id === 'string' ? doc : { ...doc, _id: newId() }) as StoredDocument
}

function newId(): string {
  return randomBytes(16).toString('hex')
}

function duplicateKey(collection: string, id: string): Error {
  return new Error(`duplicate key: a document with _id ${id} exists in ${collection}`)
}

/** The document after an update (operators, or plain fields to set) or a replacement (set). */
function nextVersion(target: StoredDocument, data: AnyObject, merge: boolean): StoredDocument {
  if (!merge) return { ...replacementOf(data), _id: target._id }
  const next = cloneDocument(target)
  const operators = Object.keys(data).every((key) => UPDATE_OPERATOR.test(key))
  applyUpdate(next, operators ? data : { $set: data }, [], undefined, { cloneMode: 'none' })
  return next
}

function replacementOf(data: AnyObject): AnyObject {
  const set = (data.$set as AnyObject | undefined) ?? data
  return Object.fromEntries(Object.entries(set).filter(([key]) => !UPDATE_OPERATOR.test(key)))
}
