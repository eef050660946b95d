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

    // The worker opens it, calls back (the reveal is audited), accepts, answers and resolves it.
    await onTop(page).getByText(DESCRIPTION).click()
    await expectVisible(page, '需求详情', { title: true })
    await tap(page, '查看完整号码并回电')
    await expectVisible(page, '拨打 13912345678')
    await tap(page, '受理')
    await expectVisible(page, '张社工 受理')
    await onTop(page)
      .locator('textarea[placeholder="写下回复"]')
      .fill('明天上午请物业师傅上门修门禁')
    await tap(page, '发送回复')
    await expectVisible(page, '沟通记录（1）')
    await onTop(page)
      .locator('textarea[placeholder^="写明做了什么"]')
      .fill('已更换单元门门禁读卡器')
    await tap(page, '办结')
    await expectVisible(page, '张社工 办结')
    await screenshot(page, 'e2e-need-resolved.png')

    // The resident sees each step, and confirms it with a rating.
    await app.signInAs('王阿姨')
    await page.goto(`${cloud.url}/#/packages/needs/pages/mine/index`)
    await onTop(page).getByText(DESCRIPTION).click()
    await expectVisible(page, '明天上午请物业师傅上门修门禁')
    await expectVisible(page, '已更换单元门门禁读卡器')
    await tap(page, '确认解决并评价')
    await expectVisible(page, '居民评价 5 分')
    await expectVisible(page, '居民确认完结')
    await screenshot(page, 'e2e-need-confirmed.png')
  }, 120000)
})
