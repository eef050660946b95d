import { confirmModal, expectVisible, onTop, screenshot, tap, useAppSession } from './browser'

const NEED_TITLE = '残疾老人助浴服务'
const AGREEMENT = '通济街道 2027 年度议事会共建协议'

describe('H5 app in Chromium: the long-term mechanism, from agreement to evaluation', () => {
  const app = useAppSession()

  async function switchAccount(name: string) {
    await app.signInAs(name)
    await app.page.goto(`${app.cloud.url}/#/pages/home/index`)
  }

  it('agreement → council agenda, votes and an allocation made a project → monthly meeting → evaluation', async () => {
    const { page } = app
    // The district signs with 通济街道.
    await switchAccount('区委社会工作部')
    await tap(page, '共建协议')
    await tap(page, '起草区—街道共建协议')
    await tap(page, '通济街道')
    await onTop(page).getByRole('textbox', { name: '如：2026 年度社区共建协议' }).fill(AGREEMENT)
    await onTop(page).getByRole('textbox', { name: '承诺内容' }).fill('议事会对接落地共建项目')
    await onTop(page).getByRole('textbox', { name: '承诺数量（个）' }).fill('2')
    await tap(page, '保存协议草稿')
    await onTop(page).getByRole('textbox', { name: '签订地点' }).fill('通济街道岘山社区')
    await tap(page, '确认签订')
    await expectVisible(page, '履行中')

    // A community worker on the council publishes a need of 岘山社区.
    await switchAccount('刘社工')
    await tap(page, '需求清单与资源匹配')
    await onTop(page).locator('taro-button-core', { hasText: '发布需求' }).click()
    await expectVisible(page, '发布到需求清单')
    await onTop(page).locator('.nut-radio', { hasText: '服务供给' }).first().click()
    await onTop(page).getByRole('textbox', { name: '需求名称，如：卫生死角清理' }).fill(NEED_TITLE)
    await onTop(page)
      .getByRole('textbox', { name: '需求描述' })
      .fill('行动不便的残疾老人需要上门助浴')
    await onTop(page).getByRole('textbox', { name: '数量，如 6' }).fill('8')
    await tap(page, '发布到需求清单')
    await expectVisible(page, NEED_TITLE)

    // The street opens the quarter's council; the agenda lists the open need.
    await switchAccount('通济街道管理员')
    await tap(page, '共建议事会')
    await tap(page, '通济街道共建议事会')
    await tap(page, '召开本季度议事会')
    await expectVisible(page, `岘山社区「${NEED_TITLE}」`)
    await tap(page, `岘山社区「${NEED_TITLE}」`)
    await tap(page, '助残志愿服务队上门探访')
    await onTop(page).getByRole('textbox', { name: '分配数量' }).fill('6')
    await tap(page, '列入表决')
    await expectVisible(page, `用于岘山社区「${NEED_TITLE}」`)
    await onTop(page)
      .locator('.nut-checkbox', { hasText: '通济街道管理员（街道·通济街道）' })
      .click()
    await onTop(page).locator('.nut-checkbox', { hasText: '刘社工（社区·岘山社区）' }).click()
    await onTop(page)
      .locator('.nut-checkbox', { hasText: '祥泰王主任（兼职委员·即墨区祥泰残疾人综合服务中心）' })
      .click()
    await tap(page, '登记出席')
    await expectVisible(page, '（已达法定人数）')
    await tap(page, '同意')
    await expectVisible(page, '我的表决：同意')
    const meetingUrl = page.url()
    await screenshot(page, 'e2e-council-agenda.png')

    // The other members present vote; a vote given, the buttons give way to it.
    for (const member of ['刘社工', '祥泰王主任']) {
      await app.signInAs(member)
      await page.goto(meetingUrl)
      await tap(page, '同意')
      await expectVisible(page, '我的表决：同意')
    }

    await app.signInAs('通济街道管理员')
    await page.goto(meetingUrl)
    await expectVisible(page, '同意 3 · 反对 0 · 弃权 0')
    await tap(page, '结束会议并发布纪要')
    await expectVisible(page, '会议纪要')
    await expectVisible(page, '通过，已转为共建项目')
    await screenshot(page, 'e2e-council-minutes.png')

    // The community worker records the month's meeting, the project on it.
    await switchAccount('刘社工')
    await tap(page, '月度碰头会')
    await expectVisible(page, NEED_TITLE)
    await onTop(page)
      .getByRole('textbox', { name: '参会人员，用顿号分隔' })
      .fill('刘社工、祥泰王主任')
    await tap(page, '保存会议记录')
    await expectVisible(page, '已召开')

    // The project gets its targets and closes with its evaluation.
    await page.goto(meetingUrl)
    await tap(page, '查看共建项目')
    await expectVisible(page, '评估指标')
    await onTop(page).getByRole('textbox', { name: '人次目标' }).fill('20')
    await onTop(page).getByRole('textbox', { name: '场次目标' }).fill('6')
    await onTop(page).getByRole('textbox', { name: '时长目标（小时）' }).fill('12')
    await tap(page, '保存评估指标')
    await expectVisible(page, '服务场次：目标 6')
    await onTop(page).getByRole('textbox', { name: '项目要做成什么' }).fill('助浴 6 次')
    await onTop(page).getByRole('textbox', { name: '实际做成了什么' }).fill('完成助浴 6 次')
    await onTop(page).getByRole('textbox', { name: '共开展几场' }).fill('6')
    await onTop(page).getByRole('textbox', { name: '累计多少小时' }).fill('15')
    await tap(page, '结项')
    await confirmModal(page)
    await expectVisible(page, '服务时长：目标 12 小时 · 实际 15 小时')

    // The organization sees the council's decision and its project's evaluation.
    await switchAccount('祥泰王主任')
    await tap(page, '效果评估')
    await expectVisible(page, '综合评分')
    await expectVisible(page, NEED_TITLE)
    await expectVisible(page, '服务场次：目标 6 · 实际 6')
    await screenshot(page, 'e2e-council-evaluation.png')
  }, 240000)
})
