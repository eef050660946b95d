import type { CapacityKind, Reservation } from '../../cloudfunctions/shared/capacity'
import { cancelReservation, reserve } from '../../cloudfunctions/shared/capacity/repository'
import { COLLECTIONS } from '../../cloudfunctions/shared/repositories/collections'
import type { LocalDatabase } from '../../localcloud/database'
import { openEmbeddedDatabase } from './localCloudClient'

// The shared capacity mechanism, called in-process on the local cloud's embedded database.
describe('capacity and waitlist', () => {
  let local: LocalDatabase
  let cleanUp: () => Promise<void>
  const kind: CapacityKind = {
    places: COLLECTIONS.stallSlots,
    reservations: COLLECTIONS.stallBookings,
    promotionNotice: () => ({ title: '候补成功', body: '您已从候补转为预约成功' }),
  }
  const placeId = 'slot-1'
  const scopeId = 'event-1.haircut'

  beforeEach(async () => {
    ;({ database: local, cleanUp } = await openEmbeddedDatabase())
  })
  afterEach(async () => {
    await cleanUp()
  })

  function createPlace(capacity: number) {
    local.insertMany(kind.places, [{ _id: placeId, capacity, taken: 0 }])
  }
  function takenOf() {
    return local.findOne(kind.places, { _id: placeId })?.taken
  }
  function reservations(status: Reservation['status']) {
    return local.find<Reservation>(kind.reservations, { status })
  }
  const book = (userId: string, joinWaitlist = true) =>
    reserve(kind, { placeId, scopeId, userId, joinWaitlist })

  it('200 people at once for 5 places: 5 booked, 195 in line, taken stays 5', async () => {
    createPlace(5)
    const outcomes = await Promise.all(Array.from({ length: 200 }, (_, i) => book(`user-${i}`)))
    expect(outcomes.filter((o) => o.kind === 'booked')).toHaveLength(5)
    expect(outcomes.filter((o) => o.kind === 'waitlisted')).toHaveLength(195)
    expect(takenOf()).toBe(5)
    expect(reservations('booked')).toHaveLength(5)
  })

  it('a full place refuses those who do not want to wait', async () => {
    createPlace(1)
    expect((await book('first', false)).kind).toBe('booked')
    expect((await book('second', false)).kind).toBe('full')
    expect(reservations('waitlisted')).toHaveLength(0)
  })

  it('ten simultaneous retries of one booking book once', async () => {
    createPlace(3)
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => book('same-user')))
    expect(outcomes.filter((o) => o.kind === 'booked')).toHaveLength(1)
    expect(outcomes.filter((o) => o.kind === 'existing')).toHaveLength(9)
    expect(takenOf()).toBe(1)
    expect(reservations('booked')).toHaveLength(1)
  })

  it('a cancellation seats the first in line and notifies them', async () => {
    createPlace(1)
    const holder = await book('holder')
    await book('first-in-line')
    await book('second-in-line')
    if (holder.kind !== 'booked') throw new Error('expected a booking')
    expect(await cancelReservation(kind, holder.reservation)).toBe(true)
    const booked = reservations('booked')
    expect(booked.map((r) => r.userId)).toEqual(['first-in-line'])
    expect(takenOf()).toBe(1)
    const notices = local.find(COLLECTIONS.notifications)
    expect(notices).toMatchObject([{ userId: 'first-in-line', title: '候补成功' }])
    // Cancelling again is a no-op: nobody else moves up.
    expect(await cancelReservation(kind, holder.reservation)).toBe(false)
    expect(reservations('booked').map((r) => r.userId)).toEqual(['first-in-line'])
  })

  it('racing cancellations promote distinct people in order and never exceed capacity', async () => {
    createPlace(4)
    const holders = []
    for (let i = 0; i < 4; i += 1) holders.push(await book(`holder-${i}`))
    for (let i = 0; i < 6; i += 1) await book(`waiting-${i}`)
    await Promise.all(
      holders.map((h) => (h.kind === 'booked' ? cancelReservation(kind, h.reservation) : null)),
    )
    const booked = reservations('booked')
      .map((r) => r.userId)
      .sort()
    expect(booked).toEqual(['waiting-0', 'waiting-1', 'waiting-2', 'waiting-3'])
    expect(takenOf()).toBe(4)
    expect(reservations('waitlisted')).toHaveLength(2)
  })

  it('someone who cancelled can book again', async () => {
    createPlace(2)
    const first = await book('again')
    if (first.kind !== 'booked') throw new Error('expected a booking')
    await cancelReservation(kind, first.reservation)
    const second = await book('again')
    expect(second.kind).toBe('booked')
    expect(takenOf()).toBe(1)
  })
})
