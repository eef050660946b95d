import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type {
  ActionInput,
  ActionName,
  ActionOutput,
  FunctionName,
  Result,
} from '../../cloudfunctions/features/api'
import * as sdk from 'wx-server-sdk'
import { LocalDatabase } from '../../localcloud/database'
import { installLocalCloud } from '../../localcloud/runtime'
import { startLocalCloud, type LocalCloud } from '../../localcloud/server'

export const FUNCTIONS_DIR = path.resolve(__dirname, '..', '..', 'dist', 'cloudfunctions')

/** A local cloud on a fresh data folder, as `npm start` runs it, without the H5 app. */
export async function startTestCloud(dataDir?: string): Promise<{
  cloud: LocalCloud
  dataDir: string
  cleanUp: () => Promise<void>
}> {
  const dir = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'gongjian-test-')))
  const cloud = await startLocalCloud({ dataDir: dir, functionsDir: FUNCTIONS_DIR })
  return {
    cloud,
    dataDir: dir,
    cleanUp: async () => {
      await cloud.close()
      if (!dataDir) await rm(dir, { recursive: true, force: true })
    },
  }
}

/**
 * A fresh local cloud for each test of the suite (or one for the whole suite), stopped after it.
 * Its cloud and data folder are read inside tests.
 */
export function useTestCloud(scope: 'each' | 'all' = 'each') {
  let env: Awaited<ReturnType<typeof startTestCloud>> | undefined
  const [before, after] = scope === 'each' ? [beforeEach, afterEach] : [beforeAll, afterAll]
  before(async () => {
    env = await startTestCloud()
  })
  after(async () => {
    await env?.cleanUp()
  })
  return {
    get cloud() {
      if (!env) throw new Error('the test cloud has not started')
      return env.cloud
    },
    get dataDir() {
      if (!env) throw new Error('the test cloud has not started')
      return env.dataDir
    },
  }
}

export async function signIn(cloud: LocalCloud, accountId: string): Promise<string> {
  const response = await fetch(`${cloud.url}/api/auth/sign-in`, {
    method: 'POST',
    body: JSON.stringify({ accountId }),
  })
  const body = (await response.json()) as Result<{ token: string }>
  if (!body.ok) throw new Error(`sign-in failed: ${body.error.message}`)
  return body.data.token
}

/** Calls an action through the gateway, as the H5 app does. */
export async function callAs<F extends FunctionName, A extends ActionName<F>>(
  cloud: LocalCloud,
  token: string | undefined,
  name: F,
  action: A,
  payload?: ActionInput<F, A> | Record<string, unknown>,
): Promise<Result<ActionOutput<F, A>> & { status: number }> {
  const response = await fetch(`${cloud.url}/api/functions/${name}`, {
    method: 'POST',
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    body: JSON.stringify({ action, payload }),
  })
  return { ...((await response.json()) as Result<ActionOutput<F, A>>), status: response.status }
}

/**
 * The real wx-server-sdk in this process, on a fresh embedded database, as a function sees it.
 * The SDK keeps the options of its first init() in a test file.
 */
export async function openEmbeddedDatabase(options: { throwOnNotFound?: boolean } = {}): Promise<{
  database: LocalDatabase
  cleanUp: () => Promise<void>
}> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gongjian-db-'))
  const database = await LocalDatabase.open(dir)
  installLocalCloud(database)
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV as unknown as string, ...options } as Parameters<
    typeof sdk.init
  >[0])
  return {
    database,
    cleanUp: async () => {
      database.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
