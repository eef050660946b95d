import type { Page } from 'playwright-core'
import { callAs, signIn } from '../integration/localCloudClient'
import { chinaClockIn } from '../integration/stallsHelpers'
import { expectVisible, onTop, screenshot, tap, useAppSession } from './browser'

/** Types into the field on top that shows this placeholder (the native input, not its wrapper). */
function fill(page: Page, placeholder: string, value: string) {
  return onTop(page).locator(`input[placeholder="${placeholder}"]`).fill(value)
}

/** The code of the invitation just created, as the card on top shows it. */
async function invitationCode(page: Page): Promise<string> {
  const line = onTop(page).getByText(/^邀请码 [A-Z0-9]{8}/)
  await line.waitFor()
  return /邀请码 ([A-Z0-9]{8})/.exec((await line.textContent()) ?? '')?.[1] ?? ''
}

describe('H5 app in Chromium: organizations and people', () => {
  const app = useAppSession()
  const open = (route: string) => app.page.goto(`${app.cloud.url}/#${route}`)
  const home = () => open('/pages/home/index')

  /** Signed in as `name`, types the code on 我的 · 接受邀请 and accepts. */
  async function accept(name: string, code: string) {
    await app.signInAs(name)
    await tap(app.page, '接受邀请')
    await fill(app.page, '8 位邀请码', code)
    await tap(app.page, '查看邀请')
    await tap(app.page, '接受邀请')
    await expectVisible(app.page, '组织与人员')
  }

  it('the district admin appoints a worker for 即发阳光城, who verifies the waiting volunteer', async () => {
    await app.signInAs('区委社会工作部')
    await home()
    await tap(app.page, '人员管理')
    await tap(app.page, '即发阳光城社区')
    await expectVisible(app.page, '角色由邀请授予')
    await tap(app.page, '生成邀请码')
    const code = await invitationCode(app.page)
    await screenshot(app.page, 'e2e-people-invitation.png')

    await accept('吴敏', code)
    await tap(app.page, '志愿者审核')
    await expectVisible(app.page, '李**')
    await tap(app.page, '通过')
    await expectVisible(app.page, '已认证')

    await app.signInAs('区委社会工作部')
    await home()
    await tap(app.page, '审计日志')
    await expectVisible(app.page, code)
    await screenshot(app.page, 'e2e-people-audit.png')
  }, 120000)

  it('an organization admin invites a member who accepts', async () => {
    await app.signInAs('赵队长')
    await home()
    await tap(app.page, '人员管理')
    await tap(app.page, '蚂蚁力量儿童义工团')
    await tap(app.page, '组织成员')
    await tap(app.page, '生成邀请码')
    const code = await invitationCode(app.page)

    await accept('郑磊', code)
    await app.signInAs('郑磊')
    await expectVisible(app.page, '组织成员 · 蚂蚁力量儿童义工团')
  }, 120000)

  it('a training is published, booked and checked in', async () => {
    // Publishing is an API step (its form has no date a test can hold still): 20 minutes from now.
    const host = await signIn(app.cloud, 'demo-org-qiaosi-center')
    const start = chinaClockIn(20)
    const end = chinaClockIn(80)
    const published = await callAs(app.cloud, host, 'trainings', 'publish', {
      hostOrgId: 'qiaosi-center',
      title: '志愿服务项目设计工作坊',
      topic: 'competence',
      description: '从需求调研到项目书',
      date: start.date,
      start: start.time,
      end: end.date === start.date ? end.time : '23:59',
      place: '乔司社会组织服务中心',
      capacity: 30,
    })
    if (!published.ok) throw new Error(published.error.message)

    await app.signInAs('吴敏')
    await home()
    await tap(app.page, '乔社学院')
    await tap(app.page, '志愿服务项目设计工作坊')
    await tap(app.page, '报名')
    const caption = onTop(app.page).getByText(/^签到码 \d{6}$/)
    await caption.waitFor()
    const code = /(\d{6})/.exec((await caption.textContent()) ?? '')?.[1] ?? ''
    await screenshot(app.page, 'e2e-training-booked.png')

    await app.signInAs('何主任')
    await home()
    await tap(app.page, '乔社学院')
    await tap(app.page, '志愿服务项目设计工作坊')
    await tap(app.page, '签到与出勤')
    await fill(app.page, '学员出示的 6 位签到码', code)
    await tap(app.page, '签到')
    await expectVisible(app.page, '吴敏 签到成功')
    await expectVisible(app.page, '已报名 1 人，已签到 1 人')
    await screenshot(app.page, 'e2e-training-checkin.png')
  }, 120000)

  it('a donation of goods is received, distributed and appears in the quarter’s notice', async () => {
    await app.signInAs('乔司街道管理员')
    await home()
    await tap(app.page, '慈善资源库')
    await tap(app.page, '登记捐赠')
    await fill(app.page, '捐赠方名称', '乔司某超市')
    await fill(app.page, '物资名称', '挂面')
    await fill(app.page, '单位，如 袋、箱', '箱')
    await fill(app.page, '数量', '20')
    await tap(app.page, '登记')
    await tap(app.page, '挂面')
    await expectVisible(app.page, '结存 20 箱')
    await fill(app.page, '发放数量', '8')
    await fill(app.page, '领取人姓名', '陈阿婆')
    await tap(app.page, '发放')
    await expectVisible(app.page, '结存 12 箱 · 账物相符')
    // More than the store holds is refused, and the balance stays.
    await fill(app.page, '发放数量', '13')
    await fill(app.page, '领取人姓名', '陈阿婆')
    await tap(app.page, '发放')
    await expectVisible(app.page, '库存不足')
    await expectVisible(app.page, '结存 12 箱')

    await open('/packages/charity/pages/notice/index?streetId=qiaosi')
    await expectVisible(app.page, '入库 20 · 发放 8')
    await expectVisible(app.page, '期末 12 箱')
    await expectVisible(app.page, '陈**')
    await screenshot(app.page, 'e2e-charity-notice.png')
  }, 120000)
})
