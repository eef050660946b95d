import { SCENE_PAGES, sceneText } from '../../cloudfunctions/shared/scenes'
import { callAs, signIn } from '../integration/localCloudClient'
import { publishGuideShift } from '../integration/volunteersHelpers'
import { expectVisible, useAppSession, screenshot, tap, onTop } from './browser'

const SHIFT_TITLE = '儿科门诊导诊'

describe('H5 app in Chromium: a volunteer registers, serves a shift and gets the certificate', () => {
  const app = useAppSession()

  const open = (route: string) => app.page.goto(`${app.cloud.url}/#${route}`)

  it('register → verified → sign up → checked in and out by staff → hours and certificate', async () => {
    await app.page.goto(app.cloud.url)
    await tap(app.page, '去登录')
    await tap(app.page, '王阿姨')
    // The account list shows '居民 · 大华社区' too: wait for the signed-in 我的 before moving on.
    await onTop(app.page).getByText('退出登录').waitFor()
    await expectVisible(app.page, '居民 · 大华社区')
    await app.page.goto(`${app.cloud.url}/#/pages/home/index`)
    await tap(app.page, '志愿者登记')

    await tap(app.page, '在职党员')
    await onTop(app.page).getByText('医院导诊', { exact: true }).click()
    await onTop(app.page).getByText('周六', { exact: true }).click()
    await onTop(app.page).getByText('上午', { exact: true }).click()
    await onTop(app.page).getByRole('textbox', { name: '真实姓名' }).fill('王秀英')
    await onTop(app.page).getByRole('textbox', { name: '手机号' }).fill('13812345678')
    // Without consent nothing is sent.
    await tap(app.page, '提交登记')
    await expectVisible(app.page, '请阅读并同意个人信息收集说明')
    await onTop(app.page).getByText('我已阅读并同意个人信息收集说明').click()
    await tap(app.page, '提交登记')
    await expectVisible(app.page, '待审核')
    await screenshot(app.page, 'e2e-volunteer-registered.png')

    // The community worker verifies her: she is shown masked until the worker asks (audited).
    await app.signInAs('张社工')
    await app.page.goto(`${app.cloud.url}/#/pages/home/index`)
    await tap(app.page, '志愿者审核')
    await expectVisible(app.page, '王** 138****5678')
    await tap(app.page, '查看联系方式')
    await expectVisible(app.page, '王秀英 13812345678')
    await tap(app.page, '通过')
    await expectVisible(app.page, '已认证')
    await screenshot(app.page, 'e2e-volunteer-review.png')

    // The organization's shift is an API step: publishing has its own integration tests.
    await publishGuideShift(app.cloud, { title: SHIFT_TITLE })
    const wang = await signIn(app.cloud, 'demo-resident-wang')
    const profile = await callAs(app.cloud, wang, 'volunteers', 'me', {})
    if (!profile.ok || !profile.data?.checkInCode) throw new Error('no check-in code')
    const volunteerCode = profile.data.checkInCode

    await app.signInAs('王阿姨')
    await open('/packages/volunteers/pages/shifts/index')
    await tap(app.page, SHIFT_TITLE)
    await tap(app.page, '报名')
    await expectVisible(app.page, '已报名')
    await expectVisible(app.page, '已报 1 / 3 人')
    await screenshot(app.page, 'e2e-volunteer-signed-up.png')

    // Staff enter the times from the paper sheet: the shift is tomorrow, so "now" would be
    // outside its window; entered times are how the test travels to it.
    await app.signInAs('赵队长')
    await app.page.goto(`${app.cloud.url}/#/pages/home/index`)
    await tap(app.page, '班次管理')
    await tap(app.page, SHIFT_TITLE)
    const code = onTop(app.page).getByRole('textbox', { name: '志愿者签到码' })
    const time = onTop(app.page).getByRole('textbox', { name: '补记时间 HH:mm（留空为现在）' })
    await code.fill(volunteerCode)
    await time.fill('08:50')
    await tap(app.page, '签到')
    await expectVisible(app.page, '王** 已签到')
    await code.fill(volunteerCode)
    await time.fill('11:05')
    await tap(app.page, '签退')
    // 08:50 → 11:05 inside 08:30–11:30: 135 minutes, already on a quarter hour.
    await expectVisible(app.page, '王** 已签退，记入 2.25 小时')
    await expectVisible(app.page, '王** 138****5678')
    await screenshot(app.page, 'e2e-shift-roster.png')

    await app.signInAs('王阿姨')
    await open('/packages/volunteers/pages/service/index')
    await expectVisible(app.page, '2.25 小时')
    await tap(app.page, '开具证明')
    // The certificate is a PDF the phone opens; the page names the code printed on it.
    const issued = onTop(app.page).getByText(/验证码\s*[A-Z0-9]+/)
    await issued.waitFor()
    const certificateCode =
      /验证码\s*([A-Z0-9]+)/.exec((await issued.textContent()) ?? '')?.[1] ?? ''
    await expectVisible(app.page, '蚂蚁力量儿童义工团 · 2.25 小时')
    await screenshot(app.page, 'e2e-volunteer-certificate.png')

    // Anyone who scans the mini-program code on it, signed in or not, sees it verified.
    await open('/pages/me/index')
    await tap(app.page, '退出登录')
    await open(
      `/${SCENE_PAGES.certificate}?scene=${encodeURIComponent(sceneText({ kind: 'certificate', code: certificateCode }))}`,
    )
    await expectVisible(app.page, '核验通过：该证明真实有效')
    await expectVisible(app.page, '2.25 小时')
    await expectVisible(app.page, '王**')
    await screenshot(app.page, 'e2e-certificate-verified.png')
  }, 120000)
})
