import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import vm from 'node:vm'

const WEAPP_DIR = path.resolve(__dirname, '..', '..', 'dist', 'weapp')

/** A node of Taro's render tree as the page receives it: `nn` node name, `v` text, `cn` children. */
export interface WeappNode {
  nn?: string | number
  v?: string
  cn?: WeappNode[]
  [key: string]: unknown
}

/** Canned cloud function results, keyed `name.action` (e.g. `account.me`). */
export type CannedCloud = Record<string, unknown>

export interface CloudCall {
  name: string
  data: { action: string; payload: unknown }
}

export interface RenderOptions {
  params?: Record<string, string>
  cloud?: CannedCloud
  /** Resolve once the page shows this text; without it, resolve on the first render. */
  waitForText?: string
  timeoutMs?: number
}

export interface RenderedPage {
  /** The first setData payload: what Taro's prerender receives from `onLoad(params, cb)`. */
  firstData: Record<string, unknown>
  /** The page's data after every setData so far: `root.cn[0]` is the page's element tree. */
  data: { root: WeappNode }
  text: string
  calls: CloudCall[]
}

/** What Taro's `createPageConfig` hands to `Page()`; its `data` starts as `{ root: { cn: [] } }`. */
interface PageOptions {
  data: { root: WeappNode }
  onLoad(params: Record<string, string>): void
}

interface PageInstance extends PageOptions {
  route: string
  setData(update: Record<string, unknown>, callback?: () => void): void
}

// miniprogram-simulate ships no types for its `wx` API, the same module Taro's prerender uses.
const simulatedWx = createRequire(__filename)('miniprogram-simulate/src/api') as Record<
  string,
  unknown
>

/**
 * Runs a page of the compiled mini-program in a fresh `vm` context, as Taro's prerender does
 * (`webpack5-runner/dist/prerender`): `wx` is miniprogram-simulate's API, `App`/`Page` capture
 * their options, `PRERENDER` is set. Unlike the prerender, onLoad gets no callback and the page
 * gets a `setData`, because with the callback Taro's root never leaves its pending state and the
 * data the page loads after its first render would never arrive.
 */
export function renderWeappPage(
  pagePath: string,
  { params = {}, cloud = {}, waitForText, timeoutMs = 3000 }: RenderOptions = {},
): Promise<RenderedPage> {
  if (!existsSync(path.join(WEAPP_DIR, 'app.js'))) {
    throw new Error(`${WEAPP_DIR} is missing: run \`npx taro build --type weapp\` first`)
  }
  return new Promise((resolve, reject) => {
    const calls: CloudCall[] = []
    let page: PageInstance | undefined
    let firstData: Record<string, unknown> | undefined
    const timer = setTimeout(() => {
      const shown = page ? visibleText(page.data.root) : '(nothing rendered)'
      reject(
        new Error(
          `${pagePath} did not show "${waitForText}" in ${timeoutMs} ms; it shows:\n${shown}`,
        ),
      )
    }, timeoutMs)

    const settle = () => {
      if (!page || !firstData) return
      const { data } = page
      const text = visibleText(data.root)
      if (waitForText !== undefined && !text.includes(waitForText)) return
      clearTimeout(timer)
      resolve({ firstData, data, text, calls })
    }

    const wx = {
      ...simulatedWx,
      // No layout happens here: a component that measures itself (NutUI's Rate) gets no box.
      createSelectorQuery: () => {
        const query = {
          in: () => query,
          select: () => query,
          selectAll: () => query,
          boundingClientRect: () => query,
          fields: () => query,
          exec: (callback?: (result: null[]) => void) => callback?.([null]),
        }
        return query
      },
      // WeChat's cloud is not part of miniprogram-simulate; the app reaches it through
      // Taro.cloud, which is `wx.cloud` itself.
      cloud: {
        init() {},
        async callFunction(call: CloudCall) {
          calls.push(call)
          const key = `${call.name}.${call.data.action}`
          if (!(key in cloud))
            throw new Error(`cloud.callFunction:fail no canned result for ${key}`)
          return { result: structuredClone(cloud[key]), errMsg: 'cloud.callFunction:ok' }
        },
      },
    }
    let app: Record<string, unknown> | undefined
    const context = vm.createContext({
      wx,
      App(options: Record<string, unknown>) {
        app = options
      },
      Page(options: PageOptions) {
        page = {
          ...options,
          route: pagePath,
          data: structuredClone(options.data),
          setData(update, callback) {
            // setData crosses into the view layer as JSON, so apply a JSON copy.
            const copy = JSON.parse(JSON.stringify(update)) as Record<string, unknown>
            firstData ??= copy
            for (const [dataPath, value] of Object.entries(copy)) {
              setAtPath(this.data, dataPath, value)
            }
            callback?.()
            settle()
          },
        }
      },
      Component: (options: unknown) => options,
      // Taro's API reads both unguarded while it loads.
      getApp: () => app,
      getCurrentPages: () => (page ? [page] : []),
      // Taro's prerender flag; a build configured for prerender then exports the page instance.
      PRERENDER: true,
      console,
      // The mini-program's JS engine has timers; a bare vm context has none. It has no `process`,
      // so neither does this context: compiled code that reads it fails here as on a phone.
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
    })

    try {
      const load = moduleLoader(context)
      load(path.join(WEAPP_DIR, 'app.js'))
      if (!app) throw new Error('app.js did not call App()')
      ;(app.onLaunch as (options: unknown) => void)({ path: pagePath, query: params, scene: 1001 })
      load(path.join(WEAPP_DIR, `${pagePath}.js`))
      if (!page) throw new Error(`${pagePath}.js did not call Page()`)
      page.onLoad(params)
    } catch (error) {
      clearTimeout(timer)
      reject(error)
    }
  })
}

/** The words a user sees: text nodes joined within an element, one line per element. */
export function visibleText(node: WeappNode | undefined): string {
  return textLines(node)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n')
}

function textLines(node: WeappNode | undefined): string[] {
  if (!node) return []
  if (node.v !== undefined) return [node.v]
  const lines = ['']
  for (const child of node.cn ?? []) {
    if (child.v !== undefined) lines[lines.length - 1] += child.v
    else lines.push(...textLines(child), '')
  }
  return lines
}

/** Applies one Taro setData key such as `root.cn.[0].cn.[2].v` or `root.cn[0]`. */
function setAtPath(target: object, dataPath: string, value: unknown) {
  const keys = dataPath
    .split('.')
    .flatMap((part) => part.split(/[[\]]/).filter(Boolean))
    .map((key) => (/^\d+$/.test(key) ? Number(key) : key))
  let parent = target as Record<string | number, unknown>
  keys.slice(0, -1).forEach((key, i) => {
    parent[key] ??= typeof keys[i + 1] === 'number' ? [] : {}
    parent = parent[key] as Record<string | number, unknown>
  })
  parent[keys[keys.length - 1]] = value
}

/** CommonJS `require` for the compiled files, evaluated in the mini-program's context. */
function moduleLoader(context: vm.Context) {
  const cache = new Map<string, { exports: unknown }>()
  const load = (file: string): unknown => {
    const cached = cache.get(file)
    if (cached) return cached.exports
    const module = { exports: {} }
    cache.set(file, module)
    const wrapper = vm.runInContext(
      `(function (exports, require, module) {${readFileSync(file, 'utf8')}\n})`,
      context,
      { filename: file },
    ) as (exports: unknown, require: (request: string) => unknown, module: unknown) => void
    const dir = path.dirname(file)
    wrapper(
      module.exports,
      (request) => load(path.resolve(dir, request.replace(/(\.js)?$/, '.js'))),
      module,
    )
    return module.exports
  }
  return load
}
