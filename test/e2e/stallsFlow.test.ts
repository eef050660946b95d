import { useChinaNoonClock } from '../integration/clock'
import { chinaClockIn, publishEventStartingIn } from '../integration/stallsHelpers'
import { confirmModal, expectVisible, screenshot, tap, useAppSession, onTop } from './browser'

describe('H5 app in Chromium: a resident books a haircut, the stall checks them in, they rate it', () => {
  useChinaNoonClock()
  const app = useAppSession()

  it('walks book → check in by typed code → rate', async () => {
    const { page, cloud } = app
    // A haircut stall whose slot starts in 10 minutes, so check-in is open.
    const { eventId } = await publishEventStartingIn(cloud, 10, 2)
    const slotTime = chinaClockIn(10).time

    await app.signInAs('王阿姨')
    await page.goto(`${cloud.url}/#/pages/home/index`)
    await tap(page, '服务集市')
    await tap(page, '只看大华社区')
    await onTop(page).getByText('社区公益服务日').first().click()
    await expectVisible(page, '主办：张社工')
    await tap(page, `${slotTime} 余2`)
    // Booking asks first; the slot held is marked once booked.
    await confirmModal(page, '确认预约')
    await expectVisible(page, '预约成功')
    await expectVisible(page, `${slotTime} 我已预约`)
    const code = (
      (await onTop(page).locator('.check-in-code__digits').first().textContent()) ?? ''
    ).replace(/\D/g, '')
    expect(code).toMatch(/^\d{6}$/)
    await screenshot(page, 'e2e-stalls-booked.png')

    await app.signInAs('张社工')
    await page.goto(`${cloud.url}/#/packages/stalls/pages/event/index?eventId=${eventId}`)
    await tap(page, '现场签到')
    await onTop(page).getByRole('textbox', { name: '6 位签到码' }).fill(code)
    await tap(page, '确认签到')
    await expectVisible(page, '签到成功：王阿姨')
    await screenshot(page, 'e2e-stalls-checked-in.png')
    // The same code a second time is refused.
    await onTop(page).getByRole('textbox', { name: '6 位签到码' }).fill(code)
    await tap(page, '确认签到')
    await expectVisible(page, '该签到码已使用，不能重复签到')

    await app.signInAs('王阿姨')
    await page.goto(`${cloud.url}/#/pages/home/index`)
    await tap(page, '我的预约')
    await expectVisible(page, '已签到')
    await onTop(page).locator('textarea').fill('师傅很耐心，剪得很好')
    await tap(page, '提交评价')
    await expectVisible(page, '我的评价：5 分 · 师傅很耐心，剪得很好')
    await screenshot(page, 'e2e-stalls-rated.png')
  }, 120000)
})
