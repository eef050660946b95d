import { expectVisible, onTop, screenshot, tap, useAppSession } from './browser'

const DISPUTE = '楼上邻居家水管漏水渗到我家卫生间，找他几次都不管'

describe('H5 app in Chromium: a neighbours’ dispute mediated to the end', () => {
  const app = useAppSession()

  it('walks report → case → mediators → session → agreement → follow-up → close → figures', async () => {
    const { page, cloud } = app
    const home = () => page.goto(`${cloud.url}/#/pages/home/index`)

    // The resident reports the leaking pipe as a dispute.
    await app.signInAs('王阿姨')
    await home()
    await tap(page, '发布需求')
    await tap(page, '报事')
    await tap(page, '邻里纠纷调解')
    await onTop(page).locator('textarea').fill(DISPUTE)
    await tap(page, '提交需求')
    await expectVisible(page, '我的需求', { title: true })
    await expectVisible(page, DISPUTE)

    // The worker takes it into mediation.
    await app.signInAs('张社工')
    await home()
    await tap(page, '社区需求')
    await onTop(page).getByText(DISPUTE).click()
    await tap(page, '转为调解案件')
    await expectVisible(page, '受理调解', { title: true })
    await expectVisible(page, '人民调解免费')
    await tap(page, '邻里纠纷')
    await tap(page, '橙色（需重点关注）')
    await onTop(page).getByRole('textbox', { name: '当事人 2 姓名' }).fill('钱先生')
    await tap(page, '受理为调解案件')
    await expectVisible(page, '调解案件详情', { title: true })
    await expectVisible(page, '申请人：王阿姨')

    // Two mediators from the community's team.
    await tap(page, '指派调解员')
    await onTop(page).getByText('孙大爷（退休法官）').click()
    await onTop(page).getByText('韩大姐（楼长）').click()
    await tap(page, '确认指派')
    await expectVisible(page, '孙大爷、韩大姐')

    // A session, then the agreement.
    await onTop(page).getByRole('textbox', { name: '调解地点' }).fill('大华社区调解室')
    await onTop(page)
      .locator('textarea[placeholder^="调解记录"]')
      .fill('双方到场陈述，钱先生承认水管老化，同意维修并赔偿')
    await tap(page, '保存调解记录')
    await expectVisible(page, '调解中')
    await expectVisible(page, '钱先生承认水管老化')
    await onTop(page)
      .locator('textarea[placeholder="经调解，双方自愿达成的协议内容"]')
      .fill('钱先生三日内更换水管，并赔偿王阿姨修复费用 800 元')
    await onTop(page).getByRole('textbox', { name: '履行方式' }).fill('当面支付现金')
    await onTop(page).getByRole('textbox', { name: '履行地点' }).fill('大华社区调解室')
    await tap(page, '保存调解协议')
    await expectVisible(page, '已达成协议')
    await screenshot(page, 'e2e-mediation-agreement.png')
    // The agreement downloads as its PDF.
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      tap(page, '下载调解协议书（PDF）'),
    ])
    expect(pdf.suggestedFilename()).toMatch(/^人民调解协议书-\d{8}-[A-Z0-9]{4}\.pdf$/)

    // The follow-up visit, and the case closed.
    await onTop(page)
      .locator('textarea[placeholder^="回访情况"]')
      .fill('水管已更换，赔偿已当面支付')
    await tap(page, '保存回访记录')
    await expectVisible(page, '水管已更换，赔偿已当面支付')
    await onTop(page).locator('textarea[placeholder^="结案说明"]').fill('协议已履行，双方和好')
    await tap(page, '确认结案')
    await expectVisible(page, '调解成功：协议已履行，双方和好')

    // The resident saw each step.
    await app.signInAs('王阿姨')
    await page.goto(`${cloud.url}/#/packages/mediation/pages/mine/index`)
    await onTop(page).getByText('王阿姨 与 钱先生').click()
    await expectVisible(page, '钱先生承认水管老化')
    await expectVisible(page, '钱先生三日内更换水管')
    await expectVisible(page, '调解成功：协议已履行，双方和好')
    await screenshot(page, 'e2e-mediation-resident.png')

    // The street sees the count, not the case.
    await app.signInAs('潮海街道管理员')
    await home()
    await tap(page, '调解统计')
    await expectVisible(page, '潮海街道 矛盾纠纷调解')
    await expectVisible(page, '受理 1 · 结案 1 · 成功率 100.0%')
    await screenshot(page, 'e2e-mediation-street.png')
  }, 180000)
})
