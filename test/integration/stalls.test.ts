import { useChinaNoonClock } from './clock'
import { callAs, signIn, useTestCloud } from './localCloudClient'
import { chinaClockIn, publishEventStartingIn } from './stallsHelpers'

describe('service stalls through the local cloud', () => {
  useChinaNoonClock()
  const env = useTestCloud()

  const as = (account: string) => signIn(env.cloud, account)

  it('the seeded launch event offers a haircut in 15-minute slots of 2 chairs and 12 repair items', async () => {
    const wang = await as('demo-resident-wang')
    const list = await callAs(env.cloud, wang, 'stalls', 'list', { communityId: 'dahua' })
    if (!list.ok) throw new Error(list.error.message)
    const launch = list.data.find((event) => event.id === 'demo-stall-launch')
    expect(launch?.items.map((item) => item.name)).toEqual(
      expect.arrayContaining(['公益理发', '视力检测', '应急救护培训', '补鞋', '磨刀磨剪']),
    )
    expect(launch?.items).toHaveLength(15)
    const detail = await callAs(env.cloud, wang, 'stalls', 'detail', {
      eventId: 'demo-stall-launch',
    })
    if (!detail.ok) throw new Error(detail.error.message)
    const haircut = detail.data.itemsWithSlots.find((item) => item.name === '公益理发')
    expect(haircut?.slots).toHaveLength(8)
    expect(haircut?.slots[0]).toMatchObject({ startTime: '09:00', endTime: '09:15', remaining: 2 })
    expect(detail.data.canManage).toBe(false)
  })

  it('only the community’s staff or an organization’s members publish, and bad input changes nothing', async () => {
    const start = chinaClockIn(24 * 60)
    const event = {
      title: '义诊',
      place: '大华社区卫生站',
      communityId: 'dahua',
      date: start.date,
      items: [
        {
          name: '测血压',
          startTime: '09:00',
          endTime: '10:00',
          slotMinutes: 30,
          capacityPerSlot: 5,
        },
      ],
    }
    const wang = await as('demo-resident-wang')
    expect(await callAs(env.cloud, wang, 'stalls', 'publish', event)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const mayi = await as('demo-org-mayi')
    expect((await callAs(env.cloud, mayi, 'stalls', 'publish', event)).ok).toBe(false)
    expect(
      (await callAs(env.cloud, mayi, 'stalls', 'publish', { ...event, orgId: 'mayi' })).ok,
    ).toBe(true)
    const worker = await as('demo-worker-dahua')
    const reversed = await callAs(env.cloud, worker, 'stalls', 'publish', {
      ...event,
      items: [{ ...event.items[0], startTime: '10:00', endTime: '09:00' }],
    })
    expect(reversed).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '结束时间须晚于开始时间' },
    })
    const weekly = await callAs(env.cloud, worker, 'stalls', 'publish', { ...event, weeks: 4 })
    if (!weekly.ok) throw new Error(weekly.error.message)
    expect(weekly.data.eventIds).toHaveLength(4)
    const list = await callAs(env.cloud, wang, 'stalls', 'list', { itemName: '测血压' })
    if (!list.ok) throw new Error(list.error.message)
    // Mayi's one event and the worker's four weekly occurrences, a week apart.
    expect(list.data).toHaveLength(5)
    const dates = list.data
      .filter((item) => weekly.data.eventIds.includes(item.id))
      .map((item) => item.date)
    expect(new Set(dates).size).toBe(4)
  })

  it('a resident books one slot per item; a retry or double tap books once', async () => {
    const { eventId, slotId } = await publishEventStartingIn(env.cloud, 24 * 60, 3)
    const wang = await as('demo-resident-wang')
    const taps = await Promise.all(
      [1, 2, 3].map(() => callAs(env.cloud, wang, 'stalls', 'book', { slotId })),
    )
    expect(taps.every((tap) => tap.ok)).toBe(true)
    const ids = new Set(taps.map((tap) => (tap.ok ? tap.data.id : '')))
    expect(ids.size).toBe(1)
    const mine = await callAs(env.cloud, wang, 'stalls', 'myBookings', {})
    if (!mine.ok) throw new Error(mine.error.message)
    expect(mine.data).toHaveLength(1)
    expect(mine.data[0]).toMatchObject({ status: 'booked', itemName: '公益理发', canCancel: true })
    expect(mine.data[0].checkInCode).toMatch(/^\d{6}$/)
    const detail = await callAs(env.cloud, wang, 'stalls', 'detail', { eventId })
    if (!detail.ok) throw new Error(detail.error.message)
    expect(detail.data.itemsWithSlots[0].slots[0].remaining).toBe(2)
  })

  it('a full slot refuses or waitlists; a cancellation promotes the first in line and tells them', async () => {
    const { eventId, slotId } = await publishEventStartingIn(env.cloud, 24 * 60, 1)
    const wang = await as('demo-resident-wang')
    const li = await as('demo-resident-li')
    const chen = await as('demo-volunteer-chen')
    const booked = await callAs(env.cloud, wang, 'stalls', 'book', { slotId })
    if (!booked.ok) throw new Error(booked.error.message)
    expect(await callAs(env.cloud, li, 'stalls', 'book', { slotId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('已约满') },
    })
    const waiting = await callAs(env.cloud, li, 'stalls', 'book', { slotId, joinWaitlist: true })
    expect(waiting).toMatchObject({ ok: true, data: { status: 'waitlisted', waitlistPosition: 1 } })
    expect(waiting.ok && waiting.data.checkInCode).toBeFalsy()
    await callAs(env.cloud, chen, 'stalls', 'book', { slotId, joinWaitlist: true })

    const cancelled = await callAs(env.cloud, wang, 'stalls', 'cancel', {
      bookingId: booked.data.id,
    })
    expect(cancelled).toMatchObject({ ok: true, data: { status: 'cancelled' } })
    const liBookings = await callAs(env.cloud, li, 'stalls', 'myBookings', {})
    expect(liBookings.ok && liBookings.data[0]).toMatchObject({
      status: 'booked',
      checkInCode: expect.any(String),
    })
    const notices = await callAs(env.cloud, li, 'account', 'notifications', {})
    expect(notices.ok && notices.data[0]).toMatchObject({ title: '候补成功，已为您预约' })
    const chenBookings = await callAs(env.cloud, chen, 'stalls', 'myBookings', {})
    expect(chenBookings.ok && chenBookings.data[0]).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    })
    const detail = await callAs(env.cloud, wang, 'stalls', 'detail', { eventId })
    expect(detail.ok && detail.data.itemsWithSlots[0].slots[0].remaining).toBe(0)
  })

  it('cancelling is refused within 2 hours of the slot, and another resident’s booking is not theirs to cancel', async () => {
    const { slotId } = await publishEventStartingIn(env.cloud, 60)
    const wang = await as('demo-resident-wang')
    const booked = await callAs(env.cloud, wang, 'stalls', 'book', { slotId })
    if (!booked.ok) throw new Error(booked.error.message)
    expect(booked.data.canCancel).toBe(false)
    const li = await as('demo-resident-li')
    expect(
      await callAs(env.cloud, li, 'stalls', 'cancel', { bookingId: booked.data.id }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(
      await callAs(env.cloud, wang, 'stalls', 'cancel', { bookingId: booked.data.id }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '距开始已不足 2 小时，不能再取消预约' },
    })
  })

  it('check-in: once, only at its own event, only near its time, only by staff', async () => {
    const soon = await publishEventStartingIn(env.cloud, 10)
    const later = await publishEventStartingIn(env.cloud, 180)
    const wang = await as('demo-resident-wang')
    const li = await as('demo-resident-li')
    const worker = await as('demo-worker-dahua')
    const booked = await callAs(env.cloud, wang, 'stalls', 'book', { slotId: soon.slotId })
    const early = await callAs(env.cloud, li, 'stalls', 'book', { slotId: later.slotId })
    if (!booked.ok || !early.ok) throw new Error('booking failed')
    const code = booked.data.checkInCode ?? ''

    expect(
      await callAs(env.cloud, wang, 'stalls', 'checkIn', { eventId: soon.eventId, code }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(
      await callAs(env.cloud, worker, 'stalls', 'checkIn', { eventId: later.eventId, code }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '该签到码不属于本场活动' },
    })
    expect(
      await callAs(env.cloud, worker, 'stalls', 'checkIn', {
        eventId: later.eventId,
        code: early.data.checkInCode ?? '',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('还没到签到时间') },
    })
    expect(
      await callAs(env.cloud, worker, 'stalls', 'checkIn', { eventId: soon.eventId, code }),
    ).toMatchObject({
      ok: true,
      data: { residentName: '王阿姨', itemName: '公益理发' },
    })
    expect(
      await callAs(env.cloud, worker, 'stalls', 'checkIn', { eventId: soon.eventId, code }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '该签到码已使用，不能重复签到' },
    })
    const unknownCode = code === '000000' ? '000001' : '000000'
    expect(
      await callAs(env.cloud, worker, 'stalls', 'checkIn', {
        eventId: soon.eventId,
        code: unknownCode,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('feedback only after check-in, once; the event shows 人次 and its rating to its staff', async () => {
    const { eventId, slotId } = await publishEventStartingIn(env.cloud, 10)
    const wang = await as('demo-resident-wang')
    const worker = await as('demo-worker-dahua')
    const booked = await callAs(env.cloud, wang, 'stalls', 'book', { slotId })
    if (!booked.ok) throw new Error(booked.error.message)
    const bookingId = booked.data.id
    expect(await callAs(env.cloud, wang, 'stalls', 'rate', { bookingId, rating: 5 })).toMatchObject(
      {
        ok: false,
        error: { code: 'CONFLICT', message: '签到并接受服务后才能评价' },
      },
    )
    await callAs(env.cloud, worker, 'stalls', 'checkIn', {
      eventId,
      code: booked.data.checkInCode ?? '',
    })
    expect(await callAs(env.cloud, wang, 'stalls', 'rate', { bookingId, rating: 6 })).toMatchObject(
      {
        ok: false,
        error: { code: 'INVALID_INPUT' },
      },
    )
    const rated = await callAs(env.cloud, wang, 'stalls', 'rate', {
      bookingId,
      rating: 4,
      comment: '师傅手艺很好',
    })
    expect(rated).toMatchObject({ ok: true, data: { rating: 4, canRate: false, checkedIn: true } })
    expect((await callAs(env.cloud, wang, 'stalls', 'rate', { bookingId, rating: 1 })).ok).toBe(
      false,
    )
    const stats = await callAs(env.cloud, worker, 'stalls', 'stats', { eventId })
    expect(stats).toMatchObject({ ok: true, data: { served: 1, averageRating: 4, ratings: 1 } })
    const street = await as('demo-street-chaohai')
    expect((await callAs(env.cloud, street, 'stalls', 'stats', { eventId })).ok).toBe(true)
    expect((await callAs(env.cloud, wang, 'stalls', 'stats', { eventId })).ok).toBe(false)
  })

  it('after its slot ends an unused booking is recorded as a no-show', async () => {
    const { eventId, slotId } = await publishEventStartingIn(env.cloud, 10)
    const wang = await as('demo-resident-wang')
    const worker = await as('demo-worker-dahua')
    const booked = await callAs(env.cloud, wang, 'stalls', 'book', { slotId })
    if (!booked.ok) throw new Error(booked.error.message)
    expect(await callAs(env.cloud, worker, 'stalls', 'markNoShows', { eventId })).toMatchObject({
      data: { marked: 0 },
    })
    // Time passes: the slot has ended.
    env.cloud.database.updateMany(
      'stall_bookings',
      { _id: booked.data.id },
      { $set: { endsAt: new Date(Date.now() - 60_000) } },
    )
    expect(await callAs(env.cloud, worker, 'stalls', 'markNoShows', { eventId })).toMatchObject({
      data: { marked: 1 },
    })
    const stats = await callAs(env.cloud, worker, 'stalls', 'stats', { eventId })
    expect(stats).toMatchObject({ data: { noShows: 1, served: 0 } })
    const mine = await callAs(env.cloud, wang, 'stalls', 'myBookings', {})
    expect(mine.ok && mine.data[0]).toMatchObject({ noShow: true, canRate: false })
  })
})
