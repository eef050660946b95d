import { AsyncLocalStorage } from 'node:async_hooks'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { LocalDatabase } from './database'
import { LocalPlatform } from './platform'
import { TRANSACTION_SCOPE_MESSAGE, executeDatabaseRequest } from './requester'

type CloudFunction = { main: (event: unknown, context: unknown) => Promise<unknown> }

const FUNCTION_NAME = /^[a-z][A-Za-z0-9_-]{0,63}$/
/** The invocation running: its caller, and the open APIs its function's config.json declares. */
const invocation = new AsyncLocalStorage<{ openid: string | undefined; openApis: string[] }>()

/**
 * Points the real wx-server-sdk at the local cloud: its database requests go to the embedded
 * database, its open-API and storage calls to the local platform (files in the data folder), and
 * getWXContext() answers the identity the gateway verified for this request, as WeChat injects
 * the caller's OPENID. The functions' own code stays exactly what ships.
 */
export function installLocalCloud(db: LocalDatabase): LocalPlatform {
  const sdkPath = require.resolve('wx-server-sdk')
  const nodeSdkPath = require.resolve('@cloudbase/node-sdk', { paths: [path.dirname(sdkPath)] })
  const databasePath = require.resolve('@cloudbase/database', {
    paths: [path.dirname(nodeSdkPath)],
  })
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloudbase = require(databasePath) as CloudbaseDatabase
  const { Db } = cloudbase
  class LocalRequester {
    send(action: string, params: Record<string, unknown>) {
      return executeDatabaseRequest(db, action, params)
    }
  }
  // The SDK assigns its HTTP requester on every cloud.database() call; keep ours in place.
  Object.defineProperty(Db, 'reqClass', {
    configurable: true,
    get: () => LocalRequester,
    set: () => undefined,
  })
  refuseQueriesInTransactions(cloudbase)
  const platform = new LocalPlatform(db.dataDir, () => invocation.getStore()?.openApis)
  installed = platform
  routeSdkToLocalCloud()
  return platform
}

/** The platform of the local cloud installed last, which the SDK's calls reach. */
let installed: LocalPlatform | undefined

function platformNow(): LocalPlatform {
  if (!installed) throw new Error('no local cloud is installed')
  return installed
}

type Params<K extends 'uploadFile' | 'downloadFile' | 'getTempFileURL'> = Parameters<
  LocalPlatform[K]
>[0]

/**
 * Replaces the SDK's identity, open-API and storage calls by ones that reach the installed local
 * platform. Done once, before any function's code reads the SDK: a module that imports it as a
 * namespace under Jest keeps a copy of these properties, which must already be ours.
 */
export function routeSdkToLocalCloud(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require(require.resolve('wx-server-sdk')) as Record<string, unknown>
  if (sdk.getWXContext === localContext) return
  sdk.getWXContext = localContext
  sdk.openapi = {
    subscribeMessage: {
      send: (params: Record<string, unknown>) =>
        platformNow().openapi.subscribeMessage.send(params),
    },
    wxacode: {
      getUnlimited: (params: Record<string, unknown>) =>
        platformNow().openapi.wxacode.getUnlimited(params),
    },
    security: {
      msgSecCheck: (params: Record<string, unknown>) =>
        platformNow().openapi.security.msgSecCheck(params),
    },
  }
  sdk.uploadFile = (params: Params<'uploadFile'>) => platformNow().uploadFile(params)
  sdk.downloadFile = (params: Params<'downloadFile'>) => platformNow().downloadFile(params)
  sdk.getTempFileURL = (params: Params<'getTempFileURL'>) => platformNow().getTempFileURL(params)
}

/** getWXContext() as WeChat answers it: the caller the gateway verified for this request. */
function localContext() {
  const current = invocation.getStore()
  return current?.openid ? { OPENID: current.openid, APPID: 'local', ENV: 'local' } : {}
}

type Method = (this: { _transactionId?: string }, ...args: unknown[]) => unknown
type CloudbaseDatabase = {
  Db: object
  Query: { prototype: Record<string, Method> }
  CollectionReference: { prototype: Record<string, Method> }
}
const refused = Symbol('refuses queries in transactions')

/**
 * A transaction's collection still offers where().count/update/remove and aggregate, but the SDK
 * sends those without the transaction id: they would silently run outside it. Refuse them, as
 * CloudBase transactions allow document operations only; the SDK reports the answer's code.
 */
function refuseQueriesInTransactions(cloudbase: CloudbaseDatabase): void {
  const query = cloudbase.Query.prototype
  if (refused in query) return
  Object.defineProperty(query, refused, { value: true })
  const refusal = { code: 'DATABASE_REQUEST_FAILED', message: TRANSACTION_SCOPE_MESSAGE }
  for (const name of ['count', 'update', 'remove']) {
    const original = query[name]
    query[name] = function (...args) {
      return this._transactionId ? Promise.resolve(refusal) : original.apply(this, args)
    }
  }
  const collection = cloudbase.CollectionReference.prototype
  const aggregate = collection.aggregate
  collection.aggregate = function (...args) {
    const aggregation = aggregate.apply(this, args) as { end: () => Promise<unknown> }
    if (this._transactionId) aggregation.end = () => Promise.resolve(refusal)
    return aggregation
  }
}

/** A built function's config.json: timeout, timer triggers and open-API permissions. */
export interface FunctionConfig {
  timeout?: number
  triggers?: { name: string; type: string; config: string }[]
  permissions?: { openapi?: string[] }
}

export function functionConfigOf(functionsDir: string, name: string): FunctionConfig {
  const file = path.join(functionsDir, name, 'config.json')
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as FunctionConfig) : {}
}

/** Loads and calls a built cloud function as the given caller. */
export class FunctionRunner {
  private readonly loaded = new Map<string, CloudFunction>()

  constructor(private readonly functionsDir: string) {}

  exists(name: string): boolean {
    return FUNCTION_NAME.test(name) && existsSync(path.join(this.functionsDir, name, 'index.js'))
  }

  invoke(name: string, event: unknown, openid: string | undefined): Promise<unknown> {
    const fn = this.load(name)
    const openApis = functionConfigOf(this.functionsDir, name).permissions?.openapi ?? []
    return invocation.run({ openid, openApis }, () => fn.main(event, { function_name: name }))
  }

  private load(name: string): CloudFunction {
    let fn = this.loaded.get(name)
    if (!fn) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      fn = require(path.join(this.functionsDir, name, 'index.js')) as CloudFunction
      this.loaded.set(name, fn)
    }
    return fn
  }
}
