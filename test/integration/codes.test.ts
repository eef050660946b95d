import { useChinaNoonClock } from './clock'
import { download, scan } from './files'
import { callAs, signIn, useTestCloud } from './localCloudClient'
import { chinaClockIn, publishEventStartingIn } from './stallsHelpers'
import { publishGuideShift, verifiedWang } from './volunteersHelpers'

// Mini-program codes through the local cloud, which answers wxacode.getUnlimited with a QR code
// of what scanning the real one answers: the page it opens and its scene. Each test "scans" the
// image the app shows and acts on what the scan gives, as the pages do.
describe('mini-program codes: made once, scanned to check in and to verify', () => {
  useChinaNoonClock()
  const env = useTestCloud()
  const as = (account: string) => signIn(env.cloud, account)

  it('a resident who booked checks in by scanning the code posted at the stall', async () => {
    const { eventId, slotId } = await publishEventStartingIn(env.cloud, 10)
    const wang = await as('demo-resident-wang')
    await callAs(env.cloud, wang, 'stalls', 'book', { slotId })
    const worker = await as('demo-worker-dahua')
    // Only the event's staff get its code.
    expect(await callAs(env.cloud, wang, 'stalls', 'checkInCode', { eventId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const code = await callAs(env.cloud, worker, 'stalls', 'checkInCode', { eventId })
    if (!code.ok) throw new Error(code.error.message)
    const scanned = scan(await download(code.data.imageUrl))
    expect(scanned.path).toBe(
      `packages/stalls/pages/event/index?scene=${encodeURIComponent(code.data.scene)}`,
    )
    if (scanned.scene?.kind !== 'stallCheckIn') throw new Error('not a stall check-in code')
    expect(scanned.scene.eventId).toBe(eventId)

    const checkedIn = await callAs(env.cloud, wang, 'stalls', 'selfCheckIn', {
      eventId,
      key: scanned.scene.key,
    })
    expect(checkedIn).toMatchObject({ ok: true, data: { residentName: '王阿姨' } })
    expect(
      await callAs(env.cloud, wang, 'stalls', 'selfCheckIn', { eventId, key: scanned.scene.key }),
    ).toMatchObject({ ok: false, error: { message: '您在本场活动没有待签到的预约' } })
    // Someone without a booking, or a key made up, checks nobody in.
    const li = await as('demo-resident-li')
    expect(
      await callAs(env.cloud, li, 'stalls', 'selfCheckIn', { eventId, key: scanned.scene.key }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(
      await callAs(env.cloud, li, 'stalls', 'selfCheckIn', { eventId, key: 'ABCDEF' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const stats = await callAs(env.cloud, worker, 'stalls', 'stats', { eventId })
    expect(stats).toMatchObject({ data: { served: 1 } })

    // The code is made once and kept: asking again answers the same stored image.
    const again = await callAs(env.cloud, worker, 'stalls', 'checkInCode', { eventId })
    expect(again.ok && again.data.scene).toBe(code.data.scene)
    expect(env.cloud.database.count('mini_program_codes', { _id: code.data.scene })).toBe(1)
  })

  it('a scan of the code on a booking checks the resident in, once', async () => {
    const { eventId, slotId } = await publishEventStartingIn(env.cloud, 10)
    const booked = await callAs(env.cloud, await as('demo-resident-wang'), 'stalls', 'book', {
      slotId,
    })
    if (!booked.ok || !booked.data.checkInCode) throw new Error('no booking code')
    // The booking's QR code carries its 6 digits; the staff page sends what the scan reads.
    const worker = await as('demo-worker-dahua')
    const code = booked.data.checkInCode
    expect(await callAs(env.cloud, worker, 'stalls', 'checkIn', { eventId, code })).toMatchObject({
      ok: true,
      data: { residentName: '王阿姨' },
    })
    expect(await callAs(env.cloud, worker, 'stalls', 'checkIn', { eventId, code })).toMatchObject({
      ok: false,
      error: { message: '该签到码已使用，不能重复签到' },
    })
  })

  it('staff scan a volunteer’s own code to check them in', async () => {
    const { shiftId } = await publishGuideShift(env.cloud)
    const { token, code } = await verifiedWang(env.cloud)
    await callAs(env.cloud, token, 'shifts', 'signUp', { shiftId })
    const mine = await callAs(env.cloud, token, 'volunteers', 'myCode', {})
    if (!mine.ok) throw new Error(mine.error.message)
    const scanned = scan(await download(mine.data.imageUrl))
    expect(scanned.path.split('?')[0]).toBe('packages/volunteers/pages/managed/index')
    expect(scanned.scene).toEqual({ kind: 'volunteer', code })
    const member = await as('demo-org-mayi')
    const checkedIn = await callAs(env.cloud, member, 'shifts', 'checkIn', {
      shiftId,
      volunteerCode: scanned.scene?.kind === 'volunteer' ? scanned.scene.code : '',
      at: `${chinaClockIn(24 * 60).date}T09:00:00+08:00`,
    })
    expect(checkedIn).toMatchObject({ ok: true, data: { volunteerName: '王**' } })
  })

  it('a volunteer checks in by scanning the code shown where the shift runs', async () => {
    const now = chinaClockIn(0)
    const { shiftId } = await publishGuideShift(env.cloud, {
      date: now.date,
      start: chinaClockIn(10).time,
      end: chinaClockIn(120).time,
    })
    const { token } = await verifiedWang(env.cloud)
    await callAs(env.cloud, token, 'shifts', 'signUp', { shiftId })
    expect(await callAs(env.cloud, token, 'shifts', 'checkInCode', { shiftId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const code = await callAs(env.cloud, await as('demo-org-mayi'), 'shifts', 'checkInCode', {
      shiftId,
    })
    if (!code.ok) throw new Error(code.error.message)
    const { scene, path } = scan(await download(code.data.imageUrl))
    expect(path.split('?')[0]).toBe('packages/volunteers/pages/shift/index')
    if (scene?.kind !== 'shiftCheckIn') throw new Error('not a shift check-in code')
    expect(scene.shiftId).toBe(shiftId)
    const checkedIn = await callAs(env.cloud, token, 'shifts', 'selfCheckIn', {
      shiftId: scene.shiftId,
      shiftCode: scene.code,
    })
    expect(checkedIn).toMatchObject({ ok: true, data: { volunteerName: '王**' } })
  })
})
