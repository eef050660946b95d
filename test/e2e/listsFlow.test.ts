import { expectVisible, screenshot, tap, useAppSession, onTop } from './browser'

const PROPOSAL = '困难家庭儿童助学名额 ← 蚂蚁力量儿童义工团'

describe('H5 app in Chromium: 双清单 matching, confirmed by the community, accepted by the provider', () => {
  const app = useAppSession()

  /** Signs in as another demo account and starts from 服务大厅. */
  async function signInAs(name: string) {
    await app.signInAs(name)
    await app.page.goto(`${app.cloud.url}/#/pages/home/index`)
  }

  const card = () => onTop(app.page).locator('.proposal-card', { hasText: PROPOSAL })
  const tapInCard = (label: string) =>
    card().locator('taro-button-core', { hasText: label }).click()

  it('walks need list → run matching → confirm → provider accepts', async () => {
    await signInAs('张社工')
    await tap(app.page, '需求清单与资源匹配')
    await expectVisible(app.page, '卫生死角清理')
    await expectVisible(app.page, '基础需求清单（2）')
    await screenshot(app.page, 'e2e-lists-community.png')

    await tap(app.page, '资源匹配')
    await tap(app.page, '运行匹配')
    await expectVisible(app.page, PROPOSAL)
    await expectVisible(
      app.page,
      '· 蚂蚁力量儿童义工团提供「助学名额」，每年 6 个，本季度剩余 6 个',
    )
    // The needs left without a resource are listed by name, each with its true reason.
    await expectVisible(app.page, '暑期公益托管班（大华社区，缺 1 项）')
    await expectVisible(app.page, '资源清单中没有提供「托管」的资源')
    await tapInCard('确认')
    await card().getByText('社区已确认 · 组织待接受').waitFor()
    await screenshot(app.page, 'e2e-lists-proposals.png')

    await signInAs('赵队长')
    await tap(app.page, '我们的资源清单')
    await expectVisible(app.page, '每年 6 个，今年剩余 3 个')
    await tap(app.page, '匹配方案')
    await tapInCard('接受')
    await card().getByText('已达成，转为共建项目').waitFor()
    await screenshot(app.page, 'e2e-lists-accepted.png')
  }, 90000)
})
