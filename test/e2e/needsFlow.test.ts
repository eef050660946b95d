import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { startLocalCloud, type LocalCloud } from '../../localcloud/server'
import { FUNCTIONS_DIR } from '../integration/localCloudClient'
import { ARTIFACTS_DIR, expectVisible, launchBrowser, screenshot, tap } from './browser'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'

const H5_DIR = path.resolve(__dirname, '..', '..', 'dist', 'h5')
const DESCRIPTION = '楼下单元门的门禁坏了，老人进出不方便，麻烦尽快修理'

describe('H5 app in Chromium: a resident posts a need and the community worker sees it', () => {
  let cloud: LocalCloud
  let dataDir: string
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page

  beforeAll(async () => {
    if (!existsSync(path.join(H5_DIR, 'index.html'))) {
      throw new Error('dist/h5 is missing: run `npm run build` first')
    }
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'gongjian-e2e-'))
    cloud = await startLocalCloud({ dataDir, functionsDir: FUNCTIONS_DIR, staticDir: H5_DIR })
    browser = await launchBrowser()
    page = await browser.context.newPage()
    await mkdir(ARTIFACTS_DIR, { recursive: true })
  }, 60000)

  afterAll(async () => {
    await browser?.close()
    await cloud?.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  async function signInAs(name: string) {
    await tap(page, name)
    await page.getByText('退出登录').waitFor()
  }

  it('walks sign-in → post need → 我的需求 → community list', async () => {
    await page.goto(cloud.url)
    await tap(page, '去登录')
    await tap(page, '王阿姨')
    await expectVisible(page, '居民 · 大华社区')

    await page.goto(`${cloud.url}/#/pages/home/index`)
    await expectVisible(page, '您好，王阿姨')
    await tap(page, '发布需求')

    // Bad input is refused with a clear message and nothing is stored.
    await tap(page, '维修服务')
    await page.locator('textarea').fill('门坏了')
    await tap(page, '提交需求')
    await expectVisible(page, '需求描述至少需要 5 个字')

    await page.locator('textarea').fill(DESCRIPTION)
    await page
      .getByRole('textbox', { name: '联系电话（选填，仅社区工作人员可见部分号码）' })
      .fill('13912345678')
    await tap(page, '提交需求')
    await expectVisible(page, '我的需求', { title: true })
    await expectVisible(page, DESCRIPTION)
    await expectVisible(page, '共 3 条需求')
    await screenshot(page, 'e2e-my-needs.png')

    await page.goto(`${cloud.url}/#/pages/me/index`)
    await tap(page, '退出登录')
    await signInAs('张社工')
    await page.goto(`${cloud.url}/#/pages/home/index`)
    await tap(page, '社区需求')
    await expectVisible(page, DESCRIPTION)
    await expectVisible(page, '139****5678')
    await screenshot(page, 'e2e-community-needs.png')
  }, 90000)
})
