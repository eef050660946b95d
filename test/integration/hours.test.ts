import { callAs, signIn, useTestCloud } from './localCloudClient'
import {
  TOMORROW,
  publishGuideShift,
  verifiedWang,
  wangInMayiTeam,
  wangRegistration,
} from './volunteersHelpers'

describe('hours you can trust', () => {
  const env = useTestCloud()
  const hoursOf = (volunteerId: string) =>
    env.cloud.database.count('volunteer_hours', { volunteerId })

  it('nobody credits themself, and staff cannot verify their own registration', async () => {
    const worker = await signIn(env.cloud, 'demo-worker-dahua')
    const registered = await callAs(env.cloud, worker, 'volunteers', 'register', {
      ...wangRegistration,
      realName: '张晓红',
      phone: '13900001111',
    })
    expect(registered).toMatchObject({ ok: true, data: { status: 'pending' } })
    const ownReview = await callAs(env.cloud, worker, 'volunteers', 'review', {
      volunteerId: 'demo-worker-dahua',
      decision: 'verified',
    })
    expect(ownReview).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(env.cloud.database.findOne('volunteers', { _id: 'demo-worker-dahua' })).toMatchObject({
      status: 'pending',
    })

    const admin = await signIn(env.cloud, 'demo-org-mayi')
    const own = await callAs(env.cloud, admin, 'shifts', 'addHours', {
      volunteerId: 'demo-org-mayi',
      orgId: 'mayi',
      serviceDate: '2026-10-01',
      minutes: 24 * 60,
      reason: '给自己记时长',
    })
    expect(own).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '不能为自己补记志愿时长' },
    })
    expect(hoursOf('demo-org-mayi')).toBe(0)
  })

  it('a stranger to the organizer is not credited: no sign-up for the shift, not in a team', async () => {
    const { shiftId } = await publishGuideShift(env.cloud)
    const { token } = await verifiedWang(env.cloud)
    const admin = await signIn(env.cloud, 'demo-org-mayi')
    const byShift = await callAs(env.cloud, admin, 'shifts', 'addHours', {
      volunteerId: 'demo-resident-wang',
      shiftId,
      minutes: 120,
      reason: '活动保障',
    })
    expect(byShift).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const byOrganization = await callAs(env.cloud, admin, 'shifts', 'addHours', {
      volunteerId: 'demo-resident-wang',
      orgId: 'mayi',
      serviceDate: '2026-10-01',
      minutes: 120,
      reason: '活动保障',
    })
    expect(byOrganization).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // Another community's worker does not run 蚂蚁力量's shift.
    await callAs(env.cloud, token, 'shifts', 'signUp', { shiftId })
    const worker = await signIn(env.cloud, 'demo-worker-xianshan')
    const notOrganizer = await callAs(env.cloud, worker, 'shifts', 'addHours', {
      volunteerId: 'demo-resident-wang',
      shiftId,
      minutes: 120,
      reason: '活动保障',
    })
    expect(notOrganizer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(hoursOf('demo-resident-wang')).toBe(0)

    // The shift's organizer credits a volunteer signed up for it, on the shift's day.
    const credited = await callAs(env.cloud, admin, 'shifts', 'addHours', {
      volunteerId: 'demo-resident-wang',
      shiftId,
      minutes: 120,
      reason: '纸质签到补录',
    })
    expect(credited).toMatchObject({ ok: true })
    expect(env.cloud.database.findOne('volunteer_hours', { source: 'admin' })).toMatchObject({
      serviceDate: TOMORROW,
      shiftId,
      recordedBy: 'demo-org-mayi',
    })
  })

  it('a line is at most a day, and a day’s lines together too', async () => {
    await wangInMayiTeam(env.cloud)
    const admin = await signIn(env.cloud, 'demo-org-mayi')
    const line = (minutes: number, serviceDate = '2026-10-01') =>
      callAs(env.cloud, admin, 'shifts', 'addHours', {
        volunteerId: 'demo-resident-wang',
        orgId: 'mayi',
        serviceDate,
        minutes,
        reason: '活动保障补录',
      })
    expect(await line(5 * 24 * 60)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '单条时长不能超过一天（24 小时）' },
    })
    expect(await line(20 * 60)).toMatchObject({ ok: true })
    expect(await line(5 * 60)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await line(5 * 60, '2026-10-02')).toMatchObject({ ok: true })
    const noReason = await callAs(env.cloud, admin, 'shifts', 'addHours', {
      volunteerId: 'demo-resident-wang',
      orgId: 'mayi',
      serviceDate: '2026-10-03',
      minutes: 60,
    })
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(hoursOf('demo-resident-wang')).toBe(2)
  })
})
