import { expectVisible, onTop, screenshot, tap, useAppSession } from './browser'

const TITLE = '通济街道 2027 年度补充共建协议'

describe('H5 app in Chromium: a co-build agreement drafted, signed and followed', () => {
  const app = useAppSession()

  it('the district drafts and signs with 通济街道; the street sees it with what was delivered', async () => {
    const { page, cloud } = app
    await app.signInAs('区委社会工作部')
    await page.goto(`${cloud.url}/#/pages/home/index`)
    await tap(page, '共建协议')
    await expectVisible(page, '签订')
    await tap(page, '起草区—街道共建协议')
    await expectVisible(page, '起草共建协议', { title: true })

    // Nothing chosen yet: the form says what is missing.
    await tap(page, '保存协议草稿')
    await expectVisible(page, '请选择乙方')

    await tap(page, '通济街道')
    await onTop(page).getByRole('textbox', { name: '如：2026 年度社区共建协议' }).fill(TITLE)
    await onTop(page).getByRole('textbox', { name: '承诺内容' }).fill('认领落地共建项目')
    await onTop(page).getByRole('textbox', { name: '承诺数量（个）' }).fill('4')
    await tap(page, '保存协议草稿')
    await expectVisible(page, '协议详情', { title: true })
    await expectVisible(page, '草拟')

    await onTop(page).getByRole('textbox', { name: '签订地点' }).fill('区委社会工作部')
    await tap(page, '确认签订')
    await expectVisible(page, '履行中')
    await expectVisible(page, '已完成 0 / 承诺 4 个（系统统计）')
    await screenshot(page, 'e2e-agreement-signed.png')

    // The street reads it among its agreements; it does not sign for the district.
    await app.signInAs('潮海街道管理员')
    await page.goto(`${cloud.url}/#/packages/agreements/pages/list/index?scope=street&id=tongji`)
    await expectVisible(page, '您不是通济街道的管理员')
  }, 120000)
})
