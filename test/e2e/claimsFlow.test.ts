import { expectVisible, screenshot, tap, useAppSession, onTop } from './browser'

const NEED_TITLE = '小区健身器材维护'
const PLAN = '每月派两名志愿者检查并维护健身器材'

describe('H5 app in Chromium: an organization claims a need, the worker approves, a project starts', () => {
  const app = useAppSession()

  /** Signs in as another demo account and starts from 服务大厅. */
  async function switchAccount(name: string) {
    await app.signInAs(name)
    await app.page.goto(`${app.cloud.url}/#/pages/home/index`)
  }

  it('walks publish → 揭榜大厅 → claim → 揭榜审核 → project with its first progress entry', async () => {
    // The worker publishes the need on the community's need list.
    await switchAccount('张社工')
    await tap(app.page, '需求清单与资源匹配')
    await onTop(app.page).locator('taro-button-core', { hasText: '发布需求' }).click()
    await expectVisible(app.page, '发布到需求清单')
    await onTop(app.page).locator('.nut-radio', { hasText: '公共安全' }).click()
    await onTop(app.page)
      .getByRole('textbox', { name: '需求名称，如：卫生死角清理' })
      .fill(NEED_TITLE)
    await onTop(app.page)
      .getByRole('textbox', { name: '需求描述' })
      .fill('小区健身器材老化松动，需要定期检查维护')
    await onTop(app.page).getByRole('textbox', { name: '数量，如 6' }).fill('4')
    // The window's pickers start at today and run a quarter: left as they are.
    await expectVisible(app.page, '需求时间从')
    await tap(app.page, '发布到需求清单')
    await expectVisible(app.page, NEED_TITLE)
    await screenshot(app.page, 'e2e-claims-published.png')

    await switchAccount('赵队长')
    await tap(app.page, '揭榜大厅')
    await onTop(app.page).getByText(NEED_TITLE).click()
    await expectVisible(app.page, '揭榜认领', { title: true })

    // More units than the need has left are refused in words, and nothing is claimed.
    await onTop(app.page).getByRole('textbox', { name: '认领数量（次，最多 4）' }).fill('9')
    await onTop(app.page)
      .getByRole('textbox', { name: '服务方案：怎么做、谁来做、何时完成（至少 5 个字）' })
      .fill(PLAN)
    await tap(app.page, '提交揭榜')
    await expectVisible(app.page, '认领数量不能超过剩余的 4 次')

    await onTop(app.page).getByRole('textbox', { name: '认领数量（次，最多 4）' }).fill('4')
    await tap(app.page, '提交揭榜')
    await expectVisible(app.page, '我的揭榜', { title: true })
    await expectVisible(app.page, PLAN)
    await expectVisible(app.page, '待审核')
    await screenshot(app.page, 'e2e-claims-mine.png')

    await switchAccount('张社工')
    await tap(app.page, '揭榜审核')
    await expectVisible(app.page, PLAN)
    await screenshot(app.page, 'e2e-claims-review.png')
    await tap(app.page, '同意并立项')

    await expectVisible(app.page, '项目详情', { title: true })
    await expectVisible(app.page, '月度进展（0）')
    await expectVisible(app.page, '暂无进展记录')
    await onTop(app.page)
      .getByRole('textbox', { name: '本月做了什么（至少 5 个字）' })
      .fill('检查了 12 台健身器材，更换 2 处螺栓')
    await onTop(app.page).getByRole('textbox', { name: '服务人次' }).fill('30')
    await tap(app.page, '保存进展')
    await expectVisible(app.page, '服务 30 人次')
    await expectVisible(app.page, '月度进展（1）')
    await screenshot(app.page, 'e2e-project-detail.png')

    await app.page.goto(`${app.cloud.url}/#/pages/home/index`)
    await tap(app.page, '共建项目')
    await expectVisible(app.page, '1 类 1 个项目')
    await expectVisible(app.page, '进展 1 条')
    await screenshot(app.page, 'e2e-projects-list.png')
  }, 120000)
})
