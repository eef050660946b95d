import { createReadStream, existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import sirv from 'sirv'
import { ERROR_MESSAGES, type ErrorCode } from '../cloudfunctions/shared/errors'
import { releaseDataFolder, takeDataFolder } from './control'
import { LocalDatabase } from './database'
import { DEMO_ACCOUNTS, seedDemoData } from './demoData'
import type { LocalPlatform } from './platform'
import { FunctionRunner, functionConfigOf, installLocalCloud } from './runtime'
import { scheduleTimerTriggers, timerEvent } from './scheduler'
import { SessionSigner } from './session'

export interface LocalCloudOptions {
  dataDir: string
  functionsDir: string
  /** The built H5 app; served at / when present. */
  staticDir?: string
  port?: number
  host?: string
  seed?: boolean
  /**
   * Also seed the district-scale history (localcloud/demoDistrict.ts): `npm start` does; tests
   * keep to the pilot's few records, whose counts they rely on.
   */
  demoHistory?: boolean
  /** Run the functions' timer triggers on schedule (the invariant check runs at start anyway). */
  timers?: boolean
  /**
   * Who may use the demo sign-in: only requests from this machine (`loopback`, the default), or
   * anyone (`on`, also set by GONGJIAN_DEMO_SIGNIN=on) for a demo on a trusted network.
   */
  demoSignIn?: 'loopback' | 'on'
}

export interface LocalCloud {
  url: string
  database: LocalDatabase
  /** Open APIs, storage and the outbox of subscription messages. */
  platform: LocalPlatform
  /** Runs a function's timer job now (its config.json's trigger, or the one named), as the timer does. */
  runTimer(functionName: string, triggerName?: string): Promise<unknown>
  close(): Promise<void>
}

const MAX_BODY_BYTES = 1024 * 1024
/** The largest file the app may upload (a phone photo, compressed). */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

/**
 * The local stand-in for WeChat's cloud: an HTTP gateway that verifies the caller's session and
 * invokes the built cloud functions on the embedded database, and serves the H5 app.
 */
export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  await mkdir(options.dataDir, { recursive: true })
  await takeDataFolder(options.dataDir)
  const database = await LocalDatabase.open(options.dataDir)
  const platform = installLocalCloud(database)
  if (options.seed !== false) seedDemoData(database, { history: options.demoHistory === true })
  const sessions = await SessionSigner.open(options.dataDir)
  const functions = new FunctionRunner(options.functionsDir)
  // Before anyone is served: what a crash left half-done is completed or repaired, and audited.
  if (functions.exists('maintenance')) {
    const report = await functions.invoke('maintenance', timerEvent('startup'), undefined)
    logRepairs('startup', report)
  }
  const stopTimers =
    options.timers === false
      ? () => undefined
      : scheduleTimerTriggers(options.functionsDir, functions, (trigger, result) =>
          logRepairs(`${trigger.functionName}.${trigger.triggerName}`, result),
        )
  const serveApp =
    options.staticDir && existsSync(options.staticDir)
      ? // Precompressed at build time (scripts/compress-h5.ts): .br or .gz when the browser accepts it.
        sirv(options.staticDir, {
          single: true,
          dev: false,
          brotli: true,
          gzip: true,
          etag: true,
          setHeaders: (response, pathname) =>
            response.setHeader('Cache-Control', cachingOf(pathname)),
        })
      : undefined

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      console.error('local cloud request failed', error)
      sendError(response, 500, 'INTERNAL')
    })
  })

  const demoSignIn =
    options.demoSignIn ?? (process.env.GONGJIAN_DEMO_SIGNIN === 'on' ? 'on' : 'loopback')

  let jobToken = ''
  const runTimer = (functionName: string, triggerName?: string) => {
    const name =
      triggerName ?? functionConfigOf(options.functionsDir, functionName).triggers?.[0]?.name
    if (!name) return Promise.reject(new Error(`${functionName} has no timer trigger`))
    return functions.invoke(functionName, timerEvent(name), undefined)
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://local')
    if (url.pathname === '/api/auth/sign-out' && request.method === 'POST') {
      const token = bearerToken(request)
      if (token) sessions.revoke(token)
      return sendJson(response, 200, { ok: true, data: { signedOut: true } })
    }
    if (url.pathname.startsWith('/files/') && request.method === 'GET') {
      const served = platform.servedFile(url.pathname, url.searchParams)
      if (!served) return sendError(response, 404, 'NOT_FOUND', '文件不存在或链接已过期')
      response.writeHead(200, { 'content-type': served.type, 'cache-control': 'private' })
      return createReadStream(served.file).pipe(response)
    }
    const storage = /^\/api\/storage\/(upload|delete)$/.exec(url.pathname)
    if (storage && request.method === 'POST') {
      // As wx.cloud.uploadFile and deleteFile from the app: the signed-in user's own files.
      const token = bearerToken(request)
      const openid = token ? sessions.verify(token) : undefined
      if (!openid) return sendError(response, 401, 'UNAUTHENTICATED', '登录已失效，请重新登录')
      if (storage[1] === 'upload') {
        const content = await readBody(request, MAX_UPLOAD_BYTES)
        if (!content?.length) return sendError(response, 400, 'INVALID_INPUT', '文件过大或为空')
        const fileID = await platform.storeUpload(
          openid,
          url.searchParams.get('name') ?? '',
          content,
        )
        return sendJson(response, 200, { ok: true, data: { fileID } })
      }
      const body = await readJson(request)
      const deleted = await platform.deleteUpload(openid, String(body?.fileID ?? ''))
      if (!deleted) return sendError(response, 404, 'NOT_FOUND', '文件不存在')
      return sendJson(response, 200, { ok: true, data: {} })
    }
    const job = /^\/api\/local\/jobs\/([^/]+)\/([^/]+)$/.exec(url.pathname)
    if (job && request.method === 'POST') {
      // `npm run trigger` against this running cloud; the token is readable only in the data folder.
      if (!jobToken || request.headers['x-job-token'] !== jobToken || !functions.exists(job[1])) {
        return sendError(response, 403, 'FORBIDDEN')
      }
      return sendJson(response, 200, await runTimer(job[1], job[2]))
    }
    const demoAuth =
      url.pathname === '/api/auth/demo-accounts' || url.pathname === '/api/auth/sign-in'
    if (demoAuth && demoSignIn !== 'on' && !isLoopback(request.socket.remoteAddress)) {
      return sendError(
        response,
        403,
        'FORBIDDEN',
        '演示登录仅限本机使用；如需在其他设备演示，请以 GONGJIAN_DEMO_SIGNIN=on 启动本地云',
      )
    }
    if (url.pathname === '/api/auth/demo-accounts' && request.method === 'GET') {
      return sendJson(response, 200, {
        ok: true,
        data: DEMO_ACCOUNTS.map(({ _id, displayName, title }) => ({ id: _id, displayName, title })),
      })
    }
    if (url.pathname === '/api/auth/sign-in' && request.method === 'POST') {
      const body = await readJson(request)
      const account = DEMO_ACCOUNTS.find((item) => item._id === body?.accountId)
      if (!account) return sendError(response, 400, 'INVALID_INPUT', '请选择一个演示账号')
      return sendJson(response, 200, { ok: true, data: sessions.issue(account._id) })
    }
    const call = /^\/api\/functions\/([^/]+)$/.exec(url.pathname)
    if (call && request.method === 'POST') {
      const token = bearerToken(request)
      const openid = token ? sessions.verify(token) : undefined
      if (token && !openid) {
        return sendError(response, 401, 'UNAUTHENTICATED', '登录已失效，请重新登录')
      }
      if (!functions.exists(call[1])) return sendError(response, 404, 'UNKNOWN_ACTION')
      const body = await readJson(request)
      if (body === undefined) return sendError(response, 400, 'INVALID_INPUT', '请求格式不正确')
      // Only the action and its payload pass, as from wx.cloud.callFunction: a client cannot
      // dress its call up as the platform's timer. Without a session the function decides: a
      // public action answers, any other says UNAUTHENTICATED.
      const result = (await functions.invoke(
        call[1],
        { action: body.action, payload: body.payload },
        openid,
      )) as { ok?: boolean; error?: { code?: string } }
      return sendJson(response, result?.error?.code === 'UNAUTHENTICATED' ? 401 : 200, result)
    }
    if (url.pathname.startsWith('/api/')) return sendError(response, 404, 'NOT_FOUND')
    if (serveApp) return serveApp(request, response)
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
    response.end('本地云已启动。H5 应用尚未构建：请运行 npm run build:h5 后重启。')
  }

  // A burst of a thousand connections (a popular stall opening) queues rather than being reset
  // while the single process is busy: Node's default backlog is 511.
  await new Promise<void>((resolve) =>
    server.listen(
      { port: options.port ?? 0, host: options.host ?? '127.0.0.1', backlog: 4096 },
      resolve,
    ),
  )
  const { address, port } = server.address() as AddressInfo
  const cloudUrl = `http://${address}:${port}`
  platform.baseUrl = cloudUrl
  jobToken = (await takeDataFolder(options.dataDir, cloudUrl)).jobToken ?? ''
  return {
    url: cloudUrl,
    database,
    platform,
    runTimer,
    async close() {
      stopTimers()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      database.close()
      await releaseDataFolder(options.dataDir)
    },
  }
}

/** Logs what a scheduled job reports (repairs made, or a failure). */
/**
 * The build names its scripts and styles by their content's hash (config/index.ts), so a browser
 * may keep them for good; the page and unhashed files are checked again on each visit (ETag).
 */
function cachingOf(pathname: string): string {
  return /^\/(js|css)\/.+\.[0-9a-f]{8,}\.(js|css)$/.test(pathname)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache'
}

function logRepairs(job: string, result: unknown) {
  const outcome = result as { ok: boolean; data?: { repairs?: unknown[] }; error?: unknown }
  if (!outcome?.ok) console.error(`local cloud job ${job} failed`, outcome?.error)
  else if (outcome.data?.repairs?.length) {
    console.warn(`local cloud job ${job} repaired`, JSON.stringify(outcome.data.repairs))
  }
}

/** Whether a request comes from this machine (127.0.0.0/8 or ::1, also IPv4-mapped). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false
  const ipv4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address
  return ipv4.startsWith('127.') || address === '::1'
}

function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined
}

/** The request's body, or undefined when it is larger than the limit. */
async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > limit) return undefined
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** The JSON body, or undefined when it is missing, too large or not an object. */
async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const body = await readBody(request, MAX_BODY_BYTES)
  if (!body) return undefined
  try {
    const value = JSON.parse(body.toString('utf8'))
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined
  } catch {
    return undefined
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  response.end(JSON.stringify(body))
}

function sendError(response: ServerResponse, status: number, code: ErrorCode, message?: string) {
  sendJson(response, status, {
    ok: false,
    error: { code, message: message ?? ERROR_MESSAGES[code] },
  })
}
