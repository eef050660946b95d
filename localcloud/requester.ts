import { EJSON, BSONRegExp } from 'bson'
import { Query } from 'mingo'
import type { AnyObject, LocalDatabase } from './database'

/** What @cloudbase/database's request classes answer: data on success, code and message on failure. */
type Response = {
  requestId: string
  data?: Record<string, unknown>
  transactionId?: string
  code?: string
  message?: string
}
type Params = Record<string, unknown>

/** CloudBase transactions allow document operations only; the rest must run outside them. */
export const TRANSACTION_SCOPE_MESSAGE =
  '事务中只支持按 _id 的单文档操作（doc(id).get / set / update / remove 和 add）；按其他条件的查询、批量更新或删除、计数和聚合请在事务外进行'

/**
 * Executes the requests wx-server-sdk's database sends (`database.getDocument` and friends, with
 * MongoDB extended JSON inside) on the embedded database, so cloud functions run unchanged.
 */
export async function executeDatabaseRequest(
  db: LocalDatabase,
  action: string,
  params: Params = {},
): Promise<Response> {
  const requestId = nextRequestId()
  try {
    if (action === 'database.startTransaction') {
      // The SDK reads the id at the top level of the answer, not under data.
      return { requestId, transactionId: db.startTransaction() }
    }
    return { requestId, data: execute(db, action, params) }
  } catch (error) {
    const code = (error as { code?: unknown }).code
    const message = error instanceof Error ? error.message : String(error)
    if (code === 'DATABASE_TRANSACTION_CONFLICT') return { requestId, code, message }
    return { requestId, code: 'DATABASE_REQUEST_FAILED', message }
  }
}

function execute(db: LocalDatabase, action: string, params: Params): Record<string, unknown> {
  const name = String(params.collectionName ?? '')
  const transactionId = typeof params.transactionId === 'string' ? params.transactionId : undefined
  if (transactionId) return executeInTransaction(db, transactionId, action, name, params)
  switch (action) {
    case 'database.addCollection':
      db.ensureCollection(name)
      return {}
    case 'database.insertDocument':
      return { insertedIds: db.insertMany(name, (params.data as string[]).map(decodeDocumentData)) }
    case 'database.getDocument':
      return get(db, name, params)
    case 'database.calculateDocument':
      return { total: db.count(name, queryOf(params)) }
    case 'database.modifyDocument': {
      const { updated, upsertedId } = db.modify(name, queryOf(params), dataOf(params), {
        multi: Boolean(params.multi),
        merge: Boolean(params.merge),
        upsert: Boolean(params.upsert),
      })
      return upsertedId === undefined ? { updated } : { updated, upsert_id: upsertedId }
    }
    case 'database.modifyAndReturnDoc': {
      const doc = db.updateOneAndReturn(name, queryOf(params), dataOf(params))
      return { updated: doc ? 1 : 0, doc: doc ? encode(doc) : null }
    }
    case 'database.removeDocument':
      return { deleted: db.remove(name, queryOf(params), Boolean(params.multi)) }
    case 'database.aggregateDocuments': {
      const stages = (params.stages as { stageKey: string; stageValue: string }[]).map(
        (stage) => ({ [stage.stageKey]: decode(stage.stageValue) }) as AnyObject,
      )
      return { list: db.aggregate(name, stages).map(encode) }
    }
    case 'database.commitTransaction':
    case 'database.abortTransaction':
      throw new Error(`${action} 缺少 transactionId`)
    default:
      throw new Error(`${action} 本地云暂不支持`)
  }
}

function executeInTransaction(
  db: LocalDatabase,
  transactionId: string,
  action: string,
  name: string,
  params: Params,
): Record<string, unknown> {
  switch (action) {
    case 'database.commitTransaction':
      db.commitTransaction(transactionId)
      return {}
    case 'database.abortTransaction':
      db.abortTransaction(transactionId)
      return {}
    case 'database.insertDocument':
      return {
        insertedIds: (params.data as string[]).map((item) =>
          db.transactionInsert(transactionId, name, decodeDocumentData(item)),
        ),
      }
    case 'database.getDocument': {
      const doc = db.transactionGet(transactionId, name, documentIdOf(params))
      const projection = params.projection ? (decode(params.projection as string) as AnyObject) : {}
      // Projection needs the query engine; a single document goes through it like a list.
      return { list: doc ? projected(doc, projection).map(encode) : [] }
    }
    case 'database.modifyDocument': {
      const { updated, upsertedId } = db.transactionModify(
        transactionId,
        name,
        documentIdOf(params),
        dataOf(params),
        { merge: Boolean(params.merge), upsert: Boolean(params.upsert) },
      )
      return upsertedId === undefined ? { updated } : { updated, upsert_id: upsertedId }
    }
    case 'database.removeDocument':
      return { deleted: db.transactionRemove(transactionId, name, documentIdOf(params)) }
    default:
      throw new Error(TRANSACTION_SCOPE_MESSAGE)
  }
}

function get(db: LocalDatabase, name: string, params: Params) {
  const offset = Number(params.offset ?? 0)
  const limit = Number(params.limit ?? 100)
  const list = db.select(name, queryOf(params), {
    sort: params.order ? sortSpec(decode(params.order as string) as AnyObject) : undefined,
    skip: offset,
    limit,
    projection: params.projection ? (decode(params.projection as string) as AnyObject) : undefined,
  })
  return { list: list.map(encode), limit, offset }
}

function projected(doc: AnyObject, projection: AnyObject): AnyObject[] {
  if (Object.keys(projection).length === 0) return [doc]
  return new Query({}).find<AnyObject>([doc], projection).all()
}

/** Inside a transaction only `{ _id }` queries on one document are allowed. */
function documentIdOf(params: Params): string {
  const query = queryOf(params)
  const keys = Object.keys(query)
  if (params.multi === true || keys.length !== 1 || typeof query._id !== 'string') {
    throw new Error(TRANSACTION_SCOPE_MESSAGE)
  }
  return query._id
}

function queryOf(params: Params): AnyObject {
  return params.query ? (decode(params.query as string) as AnyObject) : {}
}

function dataOf(params: Params): AnyObject {
  return resolveServerDates(decode(params.data as string)) as AnyObject
}

function decodeDocumentData(item: string): AnyObject {
  return resolveServerDates(decode(item)) as AnyObject
}

function sortSpec(order: AnyObject | AnyObject[]): Record<string, 1 | -1> {
  const entries = Array.isArray(order)
    ? order.map((item) => [item.field, item.direction] as const)
    : Object.entries(order)
  return Object.fromEntries(
    entries.map(([field, direction]) => [
      String(field),
      direction === 'desc' || Number(direction) < 0 ? -1 : 1,
    ]),
  )
}

function decode(ejson: string): unknown {
  return toNative(EJSON.parse(ejson, { relaxed: true }))
}

function encode(doc: AnyObject): string {
  return EJSON.stringify(doc, { relaxed: false })
}

/** BSON regular expressions become JavaScript ones so the query engine can use them. */
function toNative(value: unknown): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options)
  if (Array.isArray(value)) return value.map(toNative)
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toNative(item)]))
  }
  return value
}

/** db.serverDate() arrives as {$tcb_server_date: {offset}}; the server fills in its own clock. */
function resolveServerDates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resolveServerDates)
  if (
    value &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    !(value instanceof RegExp)
  ) {
    const serverDate = (value as AnyObject).$tcb_server_date as { offset?: number } | undefined
    if (serverDate) return new Date(Date.now() + Number(serverDate.offset ?? 0))
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveServerDates(item)]),
    )
  }
  return value
}

let requestCount = 0

/** A request id for the SDK's logs; unique within the process is all it needs. */
function nextRequestId(): string {
  requestCount += 1
  return `local-${requestCount.toString(36)}`
}
