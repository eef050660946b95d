import { expectVisible, appInBrowserForSuite, screenshot, tap } from './browser'

const DESCRIPTION = '楼下单元门的门禁坏了，老人进出不方便，麻烦尽快修理'

describe('H5 app in Chromium: a resident posts a need and the community worker sees it', () => {
  const app = appInBrowserForSuite()

  async function signInAs(name: string) {
    await tap(app.page, name)
    await app.page.getByText('退出登录').waitFor()
  }

  it('walks sign-in → post need → 我的需求 → community list', async () => {
    await app.page.goto(app.cloud.url)
    await tap(app.page, '去登录')
    await tap(app.page, '王阿姨')
    await expectVisible(app.page, '居民 · 大华社区')

    await app.page.goto(`${app.cloud.url}/#/pages/home/index`)
    await expectVisible(app.page, '您好，王阿姨')
    await tap(app.page, '发布需求')

    // Bad input is refused with a clear message and nothing is stored.
    await tap(app.page, '维修服务')
    await app.page.locator('textarea').fill('门坏了')
    await tap(app.page, '提交需求')
    await expectVisible(app.page, '需求描述至少需要 5 个字')

    await app.page.locator('textarea').fill(DESCRIPTION)
    await app.page
      .getByRole('textbox', { name: '联系电话（选填，仅社区工作人员可见部分号码）' })
      .fill('13912345678')
    await tap(app.page, '提交需求')
    await expectVisible(app.page, '我的需求', { title: true })
    await expectVisible(app.page, DESCRIPTION)
    await expectVisible(app.page, '共 3 条需求')
    await screenshot(app.page, 'e2e-my-needs.png')

    await app.page.goto(`${app.cloud.url}/#/pages/me/index`)
    await tap(app.page, '退出登录')
    await signInAs('张社工')
    await app.page.goto(`${app.cloud.url}/#/pages/home/index`)
    await tap(app.page, '社区需求')
    await expectVisible(app.page, DESCRIPTION)
    await expectVisible(app.page, '139****5678')
    await screenshot(app.page, 'e2e-community-needs.png')
  }, 90000)
})
