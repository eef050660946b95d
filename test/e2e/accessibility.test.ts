import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { DEMO_ACCOUNTS } from '../../localcloud/demoData'
import { ARTIFACTS_DIR, onTop, useAppSession } from './browser'

// axe-core in Chromium at 390 × 844 over every page each demo role reaches from 服务大厅 and 我的,
// then every other page of the app once: no serious or critical violation, text of 16 px and
// more, targets of 44 px and more. Each role's main pages are saved in test-results/.

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const APP_CONFIG = readFileSync(path.resolve(__dirname, '..', '..', 'src', 'app.config.ts'), 'utf8')

/** Every page of app.config.ts: the tab pages and each subpackage's. */
function allRoutes(): string[] {
  const main = /pages: \[([^\]]*)\]/.exec(APP_CONFIG)?.[1] ?? ''
  const routes = [...main.matchAll(/'([^']+)'/g)].map((match) => match[1])
  for (const block of APP_CONFIG.matchAll(/root: '([^']+)',\s*pages: \[([^\]]*)\]/g)) {
    routes.push(...[...block[2].matchAll(/'([^']+)'/g)].map((match) => `${block[1]}/${match[1]}`))
  }
  return routes
}

interface Finding {
  page: string
  problem: string
}

/** The page on top has loaded (no 加载中…) and stopped sliding in; false if it never does. */
async function settle(page: Page): Promise<boolean> {
  const settled = page.waitForFunction(
    () => {
      const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter(
        (element) => element.offsetParent !== null || element.getClientRects().length > 0,
      )
      const top = pages[pages.length - 1]
      const moving = document
        .getAnimations()
        .some(
          (animation) =>
            animation.playState === 'running' &&
            animation.effect?.getComputedTiming().endTime !== Infinity,
        )
      return Boolean(top?.textContent?.trim()) && !top.textContent.includes('加载中…') && !moving
    },
    undefined,
    { timeout: 15000 },
  )
  return settled.then(
    () => true,
    () => false,
  )
}

/** axe's serious and critical violations, and text or targets too small, on the page on top. */
async function audit(page: Page, where: string): Promise<Finding[]> {
  if (!(await settle(page))) return [{ page: where, problem: 'never finished loading' }]
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE })
  const problems = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    const found = result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id}: ${violation.help} (${violation.nodes
            .slice(0, 3)
            .map((node) => node.target.join(' '))
            .join(' | ')})`,
      )
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter(
      (element) => element.getClientRects().length > 0,
    )
    const top = pages[pages.length - 1]
    const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT)
    const small = new Set<string>()
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement
      if (!node.textContent?.trim() || !element || element.getClientRects().length === 0) continue
      const size = parseFloat(getComputedStyle(element).fontSize)
      if (size < 16) small.add(`${node.textContent.trim().slice(0, 12)} ${size}px`)
    }
    if (small.size > 0) found.push(`text under 16 px: ${[...small].slice(0, 5).join('、')}`)
    const tiny = Array.from(
      top.querySelectorAll<HTMLElement>('taro-button-core, .nut-cell-clickable'),
    )
      .filter((element) => element.getClientRects().length > 0)
      .filter((element) => element.getBoundingClientRect().height < 44)
      .map(
        (element) =>
          `${element.textContent?.trim().slice(0, 8)} ${Math.round(element.getBoundingClientRect().height)}px`,
      )
    if (tiny.length > 0) found.push(`targets under 44 px: ${tiny.slice(0, 5).join('、')}`)
    return found
  })
  // Said as found too, so a walk cut short still tells what it saw.
  if (problems.length > 0) console.log(where, problems)
  return problems.map((problem) => ({ page: where, problem }))
}

describe('every page of every role, in Chromium at 390 × 844', () => {
  const app = useAppSession()
  const home = () => `${app.cloud.url}/#/pages/home/index`
  const route = () => new URL(app.page.url()).hash.replace(/^#\//, '').split('?')[0]

  /** Back to the page the walk started from, as a user would: the browser's back. */
  async function backTo(start: string, startRoute: string) {
    if (route() === startRoute) return
    await app.page.goBack()
    const back = await app.page
      .waitForURL((url) => url.hash.includes(startRoute), { timeout: 5000 })
      .then(() => true)
      .catch(() => false)
    if (!back) await app.page.goto(start)
  }

  it('has no serious or critical accessibility violation, and is readable and tappable', async () => {
    const findings: Finding[] = []
    // A page is audited once, by the first role that reaches it; 服务大厅 and 我的 by every role.
    // An entry another account already followed leads to the same page: it is not followed again.
    const audited = new Set<string>()
    const followed = new Set<string>()
    for (const [index, account] of DEMO_ACCOUNTS.entries()) {
      // A fresh app for each account: the walk leaves the router's history deep.
      await app.page.goto('about:blank')
      await app.signInAs(account.displayName)
      for (const start of [home(), `${app.cloud.url}/#/pages/me/index`]) {
        await app.page.goto(start)
        const startRoute = route()
        findings.push(...(await audit(app.page, `${account.displayName} ${startRoute}`)))
        await app.page.screenshot({
          path: path.join(ARTIFACTS_DIR, `a11y-${index}-${startRoute.replace(/\//g, '_')}.png`),
        })
        const labels = await onTop(app.page).locator('.nut-cell-clickable').allTextContents()
        for (const [entry, text] of labels.entries()) {
          const label = text.trim()
          if (!label || label.includes('登录') || followed.has(label)) continue
          followed.add(label)
          await backTo(start, startRoute)
          if (!(await settle(app.page))) continue
          const cell = onTop(app.page).locator('.nut-cell-clickable').nth(entry)
          const tapped = await cell
            .click({ timeout: 5000 })
            .then(() => true)
            .catch(() => false)
          if (!tapped) continue
          const moved = await app.page
            .waitForURL((url) => !url.hash.includes(startRoute), { timeout: 5000 })
            .then(() => true)
            .catch(() => false)
          if (!moved || audited.has(route())) continue
          const reached = route()
          audited.add(reached)
          findings.push(
            ...(await audit(
              app.page,
              `${account.displayName} ${reached}（${label.slice(0, 10)}）`,
            )),
          )
          await app.page.screenshot({
            path: path.join(ARTIFACTS_DIR, `a11y-${index}-${reached.replace(/\//g, '_')}.png`),
          })
        }
      }
    }
    // Pages no role reached in one step from its entries (details, forms): once each, as a worker.
    await app.page.goto('about:blank')
    await app.signInAs('张社工')
    const rest = allRoutes().filter((candidate) => !audited.has(candidate))
    for (const candidate of rest) {
      await app.page.goto(`${app.cloud.url}/#/${candidate}`)
      findings.push(...(await audit(app.page, `张社工 ${candidate}`)))
    }
    console.log(`audited ${audited.size + rest.length} pages as ${DEMO_ACCOUNTS.length} accounts`)
    expect(findings).toEqual([])
  }, 1200000)
})
