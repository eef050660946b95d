import { mkdtemp, rm } from 'node:fs/promises'
import http from 'node:http'
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

/**
 * Keep-alive connections, at most 64 at a time; further calls wait their turn in the client. A
 * burst of a thousand simultaneous calls then never waits for a TCP connection the busy server
 * has not accepted yet (fetch gives up on those after 10 s), and the server still sees 64 at once.
 */
const connections = new http.Agent({ keepAlive: true, maxSockets: 64 })

/** POSTs JSON to the local cloud and answers the status and the JSON it sends back. */
export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: connections,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          try {
            resolve({
              status: response.statusCode ?? 0,
              body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
            })
          } catch (error) {
            reject(error)
          }
        })
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    request.end(JSON.stringify(body))
  })
}

export async function signIn(cloud: LocalCloud, accountId: string): Promise<string> {
  const { body } = await postJson(`${cloud.url}/api/auth/sign-in`, { accountId })
  const result = body as Result<{ token: string }>
  if (!result.ok) throw new Error(`sign-in failed: ${result.error.message}`)
  return result.data.token
}

/** Calls an action through the gateway, as the H5 app does. */
export async function callAs<F extends FunctionName, A extends ActionName<F>>(
  cloud: LocalCloud,
  token: string | undefined,
  name: F,
  action: A,
  payload?: ActionInput<F, A> | Record<string, unknown>,
): Promise<Result<ActionOutput<F, A>> & { status: number }> {
  const { status, body } = await postJson(
    `${cloud.url}/api/functions/${name}`,
    { action, payload },
    token ? { Authorization: `Bearer ${token}` } : {},
  )
  return { ...(body as Result<ActionOutput<F, A>>), status }
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
