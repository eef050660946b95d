import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { startLocalCloud, type LocalCloud } from '../../localcloud/server'
import { FUNCTIONS_DIR } from '../integration/localCloudClient'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Debian's Chromium, headless, with a fresh profile and no background network traffic. */
export async function launchBrowser(): Promise<{
  context: BrowserContext
  close: () => Promise<void>
}> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'gongjian-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return {
    context,
    close: async () => {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}

export const ARTIFACTS_DIR = path.resolve(__dirname, '..', '..', 'test-results')

/**
 * The page a user sees. Taro's H5 router keeps earlier pages of the stack in the document, hidden;
 * the newest visible one is on top (while it slides in, the one below is visible too, but earlier
 * in the document). Tests act only here, so a click never lands on a page the user cannot see.
 */
export function onTop(page: Page): Locator {
  return page.locator('.taro_page:visible').last()
}

export async function expectVisible(page: Page, text: string, options: { title?: boolean } = {}) {
  if (options.title) {
    await page.waitForFunction((expected) => document.title.includes(expected), text)
    return
  }
  await onTop(page)
    .getByText(text, { exact: false })
    .first()
    .waitFor({ state: 'visible', timeout: 15000 })
}

/**
 * Taps what a user would tap to reach the text: NutUI draws labels inside the button, cell or
 * radio element that takes the tap, so the click goes to the nearest such element.
 */
export async function tap(page: Page, text: string) {
  const tappable =
    'ancestor-or-self::*[self::taro-button-core or contains(@class, "nut-cell-clickable") or contains(@class, "nut-radio")][1]'
  await onTop(page).getByText(text, { exact: true }).first().locator(`xpath=${tappable}`).click()
}

/**
 * Answers yes to the confirmation Taro.showModal draws over every page (outside the page stack),
 * once it shows `title` (any confirmation when none is given).
 */
export async function confirmModal(page: Page, title = '') {
  await page.locator('.taro__modal', { hasText: title }).locator('.taro-model__confirm').click()
}

/** Saves a screenshot as a test artifact, once the page's slide-in animation has finished. */
export async function screenshot(page: Page, name: string) {
  await page.waitForTimeout(800)
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, name) })
}

const H5_DIR = path.resolve(__dirname, '..', '..', 'dist', 'h5')

/** The built H5 app served by a local cloud on a fresh data folder, and a browser page for it. */
async function startAppSession(): Promise<{
  cloud: LocalCloud
  page: Page
  close: () => Promise<void>
}> {
  if (!existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error('dist/h5 is missing: run `npm run build` first')
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gongjian-e2e-'))
  const cloud = await startLocalCloud({ dataDir, functionsDir: FUNCTIONS_DIR, staticDir: H5_DIR })
  const browser = await launchBrowser()
  const page = await browser.context.newPage()
  await mkdir(ARTIFACTS_DIR, { recursive: true })
  return {
    cloud,
    page,
    close: async () => {
      await browser.close()
      await cloud.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * Starts an app session before the suite's tests and stops it after them. Its page and cloud are
 * read inside tests; signInAs switches the demo account on 我的.
 */
export function useAppSession() {
  let session: Awaited<ReturnType<typeof startAppSession>> | undefined
  beforeAll(async () => {
    session = await startAppSession()
  }, 60000)
  afterAll(async () => {
    await session?.close()
  })
  const current = () => {
    if (!session) throw new Error('the app session has not started')
    return session
  }
  return {
    get cloud() {
      return current().cloud
    },
    get page() {
      return current().page
    },
    async signInAs(name: string) {
      const { page, cloud } = current()
      await page.goto(`${cloud.url}/#/pages/me/index`)
      const signOut = onTop(page).getByText('退出登录')
      await signOut
        .or(onTop(page).getByText(name, { exact: true }))
        .first()
        .waitFor()
      if (await signOut.isVisible()) await tap(page, '退出登录')
      await tap(page, name)
      await signOut.waitFor()
    },
  }
}
