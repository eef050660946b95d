import { expectVisible, screenshot, tap, useAppSession, onTop } from './browser'

const DESCRIPTION = '楼下单元门的门禁坏了，老人进出不方便，麻烦尽快修理'

describe('H5 app in Chromium: a resident posts a need and the community worker sees it', () => {
  const app = useAppSession()

  it('walks sign-in → post need → 我的需求 → community list', async () => {
    const { page, cloud } = app
    await page.goto(cloud.url)
    await tap(page, '去登录')
    await tap(page, '王阿姨')
    // The account list shows '居民 · 大华社区' too: wait for the signed-in 我的 before moving on.
    await onTop(page).getByText('退出登录').waitFor()
    await expectVisible(page, '居民 · 大华社区')

    await page.goto(`${cloud.url}/#/pages/home/index`)
    await expectVisible(page, '您好，王阿姨')
    await tap(page, '发布需求')

    // Bad input is refused with a clear message and nothing is stored.
    await tap(page, '维修服务')
    await onTop(page).locator('textarea').fill('门坏了')
    await tap(page, '提交需求')
    await expectVisible(page, '需求描述至少需要 5 个字')

    await onTop(page).locator('textarea').fill(DESCRIPTION)
    await onTop(page)
      .getByRole('textbox', { name: '联系电话（选填，仅社区工作人员可见部分号码）' })
      .fill('13912345678')
    await tap(page, '提交需求')
    await expectVisible(page, '我的需求', { title: true })
    await expectVisible(page, DESCRIPTION)
    await expectVisible(page, '共 3 条需求')
    await screenshot(page, 'e2e-my-needs.png')

    await app.signInAs('张社工')
    await page.goto(`${cloud.url}/#/pages/home/index`)
    await tap(page, '社区需求')
    await expectVisible(page, DESCRIPTION)
    await expectVisible(page, '139****5678')
    await screenshot(page, 'e2e-community-needs.png')
  }, 90000)
})
