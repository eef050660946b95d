import { stallsService } from '../../cloudfunctions/features/stalls/service'
import type { StallEvent } from '../../cloudfunctions/features/stalls/domain'
import { addDays, chinaDateOf } from '../../cloudfunctions/shared/time'
import { refusal, useWorld } from './world'

describe('stalls service', () => {
  const world = useWorld()
  const tomorrow = () => addDays(chinaDateOf(new Date()), 1)
  const worker = () => world.person('worker-c1', [{ kind: 'community_worker', communityId: 'c1' }])
  const resident = (id: string) => world.person(id, [{ kind: 'resident', communityId: 'c1' }])

  /** An event of c1 tomorrow: haircuts 09:00–10:00 in two half-hour slots. */
  const haircuts = (placesPerSlot: number) => ({
    title: '周末便民服务',
    place: '东一社区广场',
    communityId: 'c1',
    date: tomorrow(),
    items: [
      {
        name: '理发',
        startTime: '09:00',
        endTime: '10:00',
        slotMinutes: 30,
        capacityPerSlot: placesPerSlot,
      },
    ],
  })

  async function publishHaircuts(placesPerSlot = 1) {
    const { eventIds } = await world.call(
      stallsService,
      'publish',
      haircuts(placesPerSlot),
      worker(),
    )
    const detail = await world.call(stallsService, 'detail', { eventId: eventIds[0] }, worker())
    return { eventId: eventIds[0], slots: detail.itemsWithSlots[0].slots }
  }

  it('publishes an event with all its slots, and shows it only once they are all written', async () => {
    const { eventId, slots } = await publishHaircuts(3)
    expect(slots.map((slot) => [slot.startTime, slot.capacity, slot.remaining])).toEqual([
      ['09:00', 3, 3],
      ['09:30', 3, 3],
    ])
    expect(world.db.findOne<StallEvent>('stall_events', { _id: eventId })?.status).toBe('published')
    // An event whose publish was cut short stays hidden until its slots are complete.
    world.db.updateMany('stall_events', { _id: eventId }, { $set: { status: 'publishing' } })
    const listed = await world.call(stallsService, 'list', {}, resident('r1'))
    expect(listed).toEqual([])
    expect(await refusal(world.call(stallsService, 'detail', { eventId }, resident('r1')))).toEqual(
      {
        code: 'NOT_FOUND',
        message: '该服务活动不存在',
      },
    )
  })

  it('only its community’s staff or an organization’s members publish', async () => {
    const outsider = world.person('worker-c3', [{ kind: 'community_worker', communityId: 'c3' }])
    const attempt = world.call(stallsService, 'publish', haircuts(1), outsider)
    expect((await refusal(attempt)).code).toBe('FORBIDDEN')
    expect(world.db.count('stall_events')).toBe(0)
  })

  it('a cancellation seats the first in line, who is told; the place count follows', async () => {
    const { eventId, slots } = await publishHaircuts(1)
    const first = await world.call(stallsService, 'book', { slotId: slots[0].id }, resident('r1'))
    expect(first.status).toBe('booked')
    expect(
      await refusal(world.call(stallsService, 'book', { slotId: slots[0].id }, resident('r2'))),
    ).toEqual({
      code: 'CONFLICT',
      message: '该时段已约满，可以加入候补，有人取消时自动为您预约',
    })
    const second = await world.call(
      stallsService,
      'book',
      { slotId: slots[0].id, joinWaitlist: true },
      resident('r2'),
    )
    const third = await world.call(
      stallsService,
      'book',
      { slotId: slots[0].id, joinWaitlist: true },
      resident('r3'),
    )
    expect([second.status, second.waitlistPosition, third.waitlistPosition]).toEqual([
      'waitlisted',
      1,
      2,
    ])

    await world.call(stallsService, 'cancel', { bookingId: first.id }, resident('r1'))
    const [promoted] = await world.call(stallsService, 'myBookings', {}, resident('r2'))
    expect(promoted).toMatchObject({
      status: 'booked',
      checkInCode: expect.stringMatching(/^\d{6}$/),
    })
    const [stillWaiting] = await world.call(stallsService, 'myBookings', {}, resident('r3'))
    expect(stillWaiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    expect(world.db.find('notifications', { userId: 'r2' })).toHaveLength(1)
    const detail = await world.call(stallsService, 'detail', { eventId }, resident('r3'))
    expect(detail.itemsWithSlots[0].slots[0].remaining).toBe(0)
  })

  it('one slot per item per resident, whatever they tap', async () => {
    const { slots } = await publishHaircuts(2)
    await world.call(stallsService, 'book', { slotId: slots[0].id }, resident('r1'))
    expect(
      await refusal(world.call(stallsService, 'book', { slotId: slots[1].id }, resident('r1'))),
    ).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('每个项目限约一个时段'),
    })
    const again = await world.call(stallsService, 'book', { slotId: slots[0].id }, resident('r1'))
    expect(again.status).toBe('booked')
    expect(world.db.count('stall_bookings', { userId: 'r1' })).toBe(1)
  })

  it('another resident’s booking answers as missing, and staff-only actions refuse residents', async () => {
    const { eventId, slots } = await publishHaircuts(2)
    const booking = await world.call(stallsService, 'book', { slotId: slots[0].id }, resident('r1'))
    expect(
      (
        await refusal(
          world.call(stallsService, 'cancel', { bookingId: booking.id }, resident('r2')),
        )
      ).code,
    ).toBe('NOT_FOUND')
    expect(
      (await refusal(world.call(stallsService, 'stats', { eventId }, resident('r2')))).code,
    ).toBe('FORBIDDEN')
    expect(
      await refusal(world.call(stallsService, 'checkIn', { eventId, code: 'abc' }, worker())),
    ).toEqual({
      code: 'INVALID_INPUT',
      message: '签到码为 6 位数字',
    })
  })
  it('我的预约 lists what is to come soonest first', async () => {
    const publishOn = async (date: string, title: string) => {
      const { eventIds } = await world.call(
        stallsService,
        'publish',
        { ...haircuts(2), date, title },
        worker(),
      )
      const detail = await world.call(stallsService, 'detail', { eventId: eventIds[0] }, worker())
      return detail.itemsWithSlots[0].slots
    }
    const nextWeek = await publishOn(addDays(tomorrow(), 6), '下周便民服务')
    const sooner = await publishOn(tomorrow(), '明天便民服务')
    const midWeek = await publishOn(addDays(tomorrow(), 3), '周中便民服务')
    for (const slots of [nextWeek, sooner, midWeek]) {
      await world.call(
        stallsService,
        'book',
        { slotId: slots[1].id, joinWaitlist: false },
        resident('r1'),
      )
    }
    const mine = await world.call(stallsService, 'myBookings', {}, resident('r1'))
    expect(mine.map((booking) => [booking.eventTitle, booking.slotId])).toEqual([
      ['明天便民服务', sooner[1].id],
      ['周中便民服务', midWeek[1].id],
      ['下周便民服务', nextWeek[1].id],
    ])
  })
})
