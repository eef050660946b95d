import type { Page } from 'playwright-core'
import type { LocalCloud } from '../../localcloud/server'
import { expectVisible, screenshot, startAppSession, tap } from './browser'

const PROPOSAL = '困难家庭儿童助学名额 ← 蚂蚁力量儿童义工团'

describe('H5 app in Chromium: 双清单 matching, confirmed by the community, accepted by the provider', () => {
  let app: Awaited<ReturnType<typeof startAppSession>>
  let cloud: LocalCloud
  let page: Page

  beforeAll(async () => {
    app = await startAppSession()
    ;({ cloud, page } = app)
  }, 60000)

  afterAll(async () => {
    await app?.close()
  })

  async function signInAs(name: string) {
    await page.goto(`${cloud.url}/#/pages/me/index`)
    if (await page.getByText('退出登录').isVisible()) await tap(page, '退出登录')
    await tap(page, name)
    await page.getByText('退出登录').waitFor()
    await page.goto(`${cloud.url}/#/pages/home/index`)
  }

  const card = () => page.locator('.proposal-card', { hasText: PROPOSAL })
  const tapInCard = (label: string) =>
    card().locator('taro-button-core', { hasText: label }).click()

  it('walks need list → run matching → confirm → provider accepts', async () => {
    await signInAs('张社工')
    await tap(page, '需求清单与资源匹配')
    await expectVisible(page, '卫生死角清理')
    await expectVisible(page, '基础需求清单（2）')
    await screenshot(page, 'e2e-lists-community.png')

    await tap(page, '资源匹配')
    await tap(page, '运行匹配')
    await expectVisible(page, PROPOSAL)
    await expectVisible(page, '· 剩余容量 6 个，本次分配 3 个')
    await tapInCard('确认')
    await card().getByText('社区已确认 · 组织待接受').waitFor()
    await screenshot(page, 'e2e-lists-proposals.png')

    await signInAs('赵队长')
    await tap(page, '我们的资源清单')
    await expectVisible(page, '每年 6 个，剩余 3 个')
    await tap(page, '匹配方案')
    await tapInCard('接受')
    await card().getByText('已达成，转为共建项目').waitFor()
    await screenshot(page, 'e2e-lists-accepted.png')
  }, 90000)
})
