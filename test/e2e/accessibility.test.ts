import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { ARTIFACTS_DIR, useAppSession } from './browser'

// axe-core in Chromium at 390 × 844 over each kind of role's 服务大厅 and 我的, then every page of
// the app opened by its address: no serious or critical violation, text of 16 px and more, targets
// of 44 px and more. Every page audited is saved in test-results/.

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

/**
 * The page on top is the route asked for (Taro H5 names a page's element by its path), has loaded
 * (no 加载中…) and stopped sliding in; false if it never does. Without the route check the audit
 * could run on the previous page while the new one was still being mounted.
 */
async function settle(page: Page, route: string): Promise<boolean> {
  const settled = page.waitForFunction(
    (route) => {
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
      return (
        Boolean(top?.id.startsWith(`/${route}?`)) &&
        Boolean(top.textContent?.trim()) &&
        !top.textContent?.includes('加载中…') &&
        !moving
      )
    },
    route,
    { timeout: 15000 },
  )
  return settled.then(
    () => true,
    () => false,
  )
}

/** axe's serious and critical violations, and text or targets too small, on the page on top. */
async function audit(page: Page, route: string, where: string): Promise<Finding[]> {
  if (!(await settle(page, route))) return [{ page: where, problem: 'never finished loading' }]
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

/** One account for each kind of role: its home and 我的 are audited and kept as screenshots. */
const ROLE_ACCOUNTS = ['王阿姨', '陈同学', '赵队长', '张社工', '潮海街道管理员', '区委社会工作部']
/** Pages run by street and district admins are audited as the district admin; the rest as a worker. */
const ADMIN_PACKAGES = ['packages/desk/', 'packages/councils/', 'packages/agreements/']

describe('every page of every role, in Chromium at 390 × 844', () => {
  const app = useAppSession()

  async function auditAs(account: string, routes: string[], findings: Finding[]) {
    // A fresh app for each account, opened on its first page by address.
    await app.page.goto('about:blank')
    await app.signInAs(account)
    for (const route of routes) {
      await app.page.goto(`${app.cloud.url}/#/${route}`)
      findings.push(...(await audit(app.page, route, `${account} ${route}`)))
      await app.page.screenshot({
        path: path.join(ARTIFACTS_DIR, `a11y-${account}-${route.replace(/\//g, '_')}.png`),
      })
    }
  }

  it('has no serious or critical accessibility violation, and is readable and tappable', async () => {
    const findings: Finding[] = []
    for (const account of ROLE_ACCOUNTS) {
      await auditAs(account, ['pages/home/index'], findings)
      await auditAs(account, ['pages/me/index'], findings)
    }
    const pages = allRoutes().filter((route) => route.startsWith('packages/'))
    const forAdmins = (route: string) => ADMIN_PACKAGES.some((root) => route.startsWith(root))
    await auditAs('区委社会工作部', pages.filter(forAdmins), findings)
    await auditAs(
      '张社工',
      pages.filter((route) => !forAdmins(route)),
      findings,
    )
    expect(findings).toEqual([])
  }, 600000)
})
