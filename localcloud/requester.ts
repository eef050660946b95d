import { EJSON, BSONRegExp } from 'bson'
import { randomBytes } from 'node:crypto'
import { Aggregator, Query, update as applyUpdate } from 'mingo'
import type { LocalDatabase, StoredDocument } from './database'

/** What @cloudbase/database's request classes answer: data on success, code and message on failure. */
type Response = {
  requestId: string
  data?: Record<string, unknown>
  code?: string
  message?: string
}
type Params = Record<string, unknown>
type AnyObject = Record<string, unknown>

const UPDATE_OPERATOR = /^\$/

/**
 * Executes the requests wx-server-sdk's database sends (`database.getDocument` and friends, with
 * MongoDB extended JSON inside) on the embedded database, so cloud functions run unchanged.
 */
export async function executeDatabaseRequest(
  db: LocalDatabase,
  action: string,
  params: Params,
): Promise<Response> {
  const requestId = randomBytes(8).toString('hex')
  const name = String(params.collectionName ?? '')
  try {
    switch (action) {
      case 'database.addCollection':
        await db.datastore(name)
        return { requestId, data: {} }
      case 'database.insertDocument':
        return { requestId, data: await insert(db, name, params) }
      case 'database.getDocument':
        return { requestId, data: await get(db, name, params) }
      case 'database.calculateDocument':
        return { requestId, data: { total: (await matching(db, name, params)).length } }
      case 'database.modifyDocument':
        return { requestId, data: await modify(db, name, params) }
      case 'database.modifyAndReturnDoc':
        return { requestId, data: await modifyAndReturn(db, name, params) }
      case 'database.removeDocument':
        return { requestId, data: await remove(db, name, params) }
      case 'database.aggregateDocuments':
        return { requestId, data: await aggregate(db, name, params) }
      default:
        return { requestId, code: 'DATABASE_REQUEST_FAILED', message: `${action} 本地云暂不支持` }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { requestId, code: 'DATABASE_REQUEST_FAILED', message }
  }
}

async function insert(db: LocalDatabase, name: string, params: Params) {
  const docs = (params.data as string[]).map((item) => {
    const doc = resolveServerDates(decode(item)) as AnyObject
    return { ...doc, _id: typeof doc._id === 'string' ? doc._id : newId() } as StoredDocument
  })
  await db.exclusive(name, (store) => store.insertAsync(docs))
  return { insertedIds: docs.map((doc) => doc._id) }
}

async function get(db: LocalDatabase, name: string, params: Params) {
  const found = await matching(db, name, params)
  const order = params.order ? (decode(params.order as string) as AnyObject) : undefined
  const projection = params.projection
    ? (decode(params.projection as string) as AnyObject)
    : undefined
  let cursor = new Query({}, {}).find<AnyObject>(found, projection)
  if (order) cursor = cursor.sort(sortSpec(order))
  const offset = Number(params.offset ?? 0)
  const limit = Number(params.limit ?? 100)
  const list = cursor.skip(offset).limit(limit).all()
  return { list: list.map(encode), limit, offset }
}

async function modify(db: LocalDatabase, name: string, params: Params) {
  const data = resolveServerDates(decode(params.data as string)) as AnyObject
  const criteria = queryOf(params)
  return db.exclusive(name, async (store) => {
    const candidates = await candidatesOf(store, criteria)
    const targets = params.multi ? candidates : candidates.slice(0, 1)
    if (targets.length === 0 && params.upsert) {
      const _id = typeof criteria._id === 'string' ? criteria._id : newId()
      await store.insertAsync({ ...replacementOf(data), _id })
      return { updated: 0, upsert_id: _id }
    }
    let updated = 0
    for (const target of targets) {
      const next = params.merge ? merged(target, data) : { ...replacementOf(data), _id: target._id }
      if (EJSON.stringify(next) === EJSON.stringify(target)) continue
      await store.updateAsync({ _id: target._id }, next, {})
      updated += 1
    }
    return { updated }
  })
}

async function modifyAndReturn(db: LocalDatabase, name: string, params: Params) {
  const data = resolveServerDates(decode(params.data as string)) as AnyObject
  const criteria = queryOf(params)
  return db.exclusive(name, async (store) => {
    const [target] = await candidatesOf(store, criteria)
    if (!target) return { updated: 0, doc: null }
    const next = merged(target, data)
    await store.updateAsync({ _id: target._id }, next, {})
    return { updated: 1, doc: encode(next) }
  })
}

async function remove(db: LocalDatabase, name: string, params: Params) {
  const criteria = queryOf(params)
  return db.exclusive(name, async (store) => {
    const candidates = await candidatesOf(store, criteria)
    const targets = params.multi ? candidates : candidates.slice(0, 1)
    for (const target of targets) await store.removeAsync({ _id: target._id }, {})
    return { deleted: targets.length }
  })
}

async function aggregate(db: LocalDatabase, name: string, params: Params) {
  const stages = (params.stages as { stageKey: string; stageValue: string }[]).map((stage) => ({
    [stage.stageKey]: decode(stage.stageValue),
  }))
  // $lookup reads other collections; load them first, the aggregator resolves them synchronously.
  const lookedUp = new Map<string, AnyObject[]>()
  for (const stage of stages) {
    const from = (stage.$lookup as AnyObject | undefined)?.from
    if (typeof from === 'string') lookedUp.set(from, await (await db.datastore(from)).findAsync({}))
  }
  const source = await (await db.datastore(name)).findAsync({})
  const aggregator = new Aggregator(stages, {
    collectionResolver: (collection: string) => lookedUp.get(collection) ?? [],
  })
  return { list: (aggregator.run(source) as AnyObject[]).map(encode) }
}

async function matching(db: LocalDatabase, name: string, params: Params) {
  return candidatesOf(await db.datastore(name), queryOf(params))
}

/** Documents matching a MongoDB query; an _id equality narrows the read to one document. */
async function candidatesOf(
  store: Awaited<ReturnType<LocalDatabase['datastore']>>,
  criteria: AnyObject,
): Promise<StoredDocument[]> {
  const narrowed = typeof criteria._id === 'string' ? { _id: criteria._id } : {}
  const docs = await store.findAsync(narrowed)
  const query = new Query(criteria, {})
  return docs.filter((doc) => query.test(doc))
}

function queryOf(params: Params): AnyObject {
  return params.query ? (decode(params.query as string) as AnyObject) : {}
}

/** Applies update operators ($set, $inc, $push …) to a copy of the document. */
function merged(target: StoredDocument, data: AnyObject): StoredDocument {
  const next = structuredClone(target)
  const operators = Object.keys(data).every((key) => UPDATE_OPERATOR.test(key))
  applyUpdate(next, operators ? data : { $set: data }, [], undefined, { cloneMode: 'none' })
  return next
}

function replacementOf(data: AnyObject): AnyObject {
  const set = (data.$set as AnyObject | undefined) ?? data
  return Object.fromEntries(Object.entries(set).filter(([key]) => !UPDATE_OPERATOR.test(key)))
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

function newId(): string {
  return randomBytes(16).toString('hex')
}
