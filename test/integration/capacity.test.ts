import {
  emptyLedger,
  problemsOf,
  type CapacityLedger,
} from '../../cloudfunctions/shared/capacity/ledger'
import {
  cancelReservation,
  reconcilePlace,
  reserve,
  settle,
} from '../../cloudfunctions/shared/capacity/reservations'
import {
  reservationIdOf,
  type Reservation,
  type ReservationKind,
} from '../../cloudfunctions/shared/capacity/reservation'
import { COLLECTIONS } from '../../cloudfunctions/shared/db'
import type { LocalDatabase } from '../../localcloud/database'
import { openEmbeddedDatabase } from './localCloudClient'

// The shared capacity mechanism, called in-process on the local cloud's embedded database.
describe('capacity: places, a first-in-line waitlist and step machines that survive a crash', () => {
  let local: LocalDatabase
  let cleanUp: () => Promise<void>
  const kind: ReservationKind = {
    places: COLLECTIONS.stallSlots,
    reservations: COLLECTIONS.stallBookings,
    promotionNotice: () => ({
      title: '候补成功',
      body: '您已从候补转为预约成功',
      message: {
        template: 'waitlistPromoted',
        values: { item: '理发', time: '2026年11月28日 09:00', place: '社区广场' },
        page: 'packages/stalls/pages/mine/index',
      },
    }),
  }
  const placeId = 'slot-1'
  const scopeId = 'event-1-haircut'

  beforeEach(async () => {
    ;({ database: local, cleanUp } = await openEmbeddedDatabase({ throwOnNotFound: false }))
  })
  afterEach(async () => {
    await cleanUp()
  })

  const createPlace = (limit: number, id = placeId) =>
    local.insertMany(kind.places, [{ _id: id, capacity: emptyLedger(limit) }])
  const ledgerOf = (id = placeId) =>
    local.findOne<{ capacity: CapacityLedger }>(kind.places, { _id: id })!.capacity
  const withStatus = (status: Reservation['status']) =>
    local.find<Reservation>(kind.reservations, { status }).map((r) => r.userId)
  const book = (userId: string, mayWait = true, place = placeId, scope = scopeId) =>
    reserve(kind, { placeId: place, scopeId: scope, userId, mayWait, details: {} })
  const cancel = (userId: string, scope = scopeId) =>
    cancelReservation(kind, reservationIdOf(scope, userId))

  /** The ledger agrees with the reservations: holders are the booked, the line the waiting. */
  function expectConsistent(id = placeId) {
    const ledger = ledgerOf(id)
    expect(problemsOf(ledger)).toEqual([])
    const booked = local.find<Reservation>(kind.reservations, { placeId: id, status: 'booked' })
    const waiting = local.find<Reservation>(kind.reservations, {
      placeId: id,
      status: 'waitlisted',
    })
    expect(ledger.holders.map((h) => h.id).sort()).toEqual(booked.map((r) => r._id).sort())
    expect(ledger.queue.map((h) => h.id).sort()).toEqual(waiting.map((r) => r._id).sort())
    return ledger
  }

  it('200 people at once for 5 places: 5 booked, 195 in line in arrival order', async () => {
    createPlace(5)
    const outcomes = await Promise.all(Array.from({ length: 200 }, (_, i) => book(`user-${i}`)))
    expect(outcomes.filter((o) => o.kind === 'booked')).toHaveLength(5)
    expect(outcomes.filter((o) => o.kind === 'waitlisted')).toHaveLength(195)
    const ledger = expectConsistent()
    expect(ledger.taken).toBe(5)
    expect(ledger.waiting).toBe(195)
  })

  it('a full place refuses those who will not wait and keeps nothing for them', async () => {
    createPlace(1)
    expect((await book('first', false)).kind).toBe('booked')
    expect((await book('second', false)).kind).toBe('refused')
    expect(ledgerOf().waiting).toBe(0)
    expectConsistent()
  })

  it('ten simultaneous retries of one booking book once', async () => {
    createPlace(3)
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => book('same-user')))
    expect(outcomes.filter((o) => o.kind === 'booked')).toHaveLength(1)
    expect(outcomes.filter((o) => o.kind === 'existing')).toHaveLength(9)
    expect(expectConsistent().taken).toBe(1)
  })

  it('a cancellation seats the first in line in the same step and tells them once', async () => {
    createPlace(1)
    await book('holder')
    await book('first-in-line')
    await book('second-in-line')
    expect(await cancel('holder')).toBe(true)
    expect(withStatus('booked')).toEqual(['first-in-line'])
    expect(ledgerOf().queue.map((h) => h.id)).toEqual([reservationIdOf(scopeId, 'second-in-line')])
    const notices = local.find(COLLECTIONS.notifications, {})
    expect(notices).toMatchObject([{ userId: 'first-in-line', title: '候补成功' }])
    // Cancelling again is a no-op: nobody else moves up, nobody is told twice.
    expect(await cancel('holder')).toBe(false)
    expect(withStatus('booked')).toEqual(['first-in-line'])
    expect(local.count(COLLECTIONS.notifications, {})).toBe(1)
    expectConsistent()
  })

  it('racing cancellations promote strictly in joining order and never exceed the limit', async () => {
    createPlace(4)
    for (let i = 0; i < 4; i += 1) await book(`holder-${i}`)
    for (let i = 0; i < 6; i += 1) await book(`waiting-${i}`)
    await Promise.all(Array.from({ length: 4 }, (_, i) => cancel(`holder-${i}`)))
    expect(withStatus('booked').sort()).toEqual([
      'waiting-0',
      'waiting-1',
      'waiting-2',
      'waiting-3',
    ])
    expect(withStatus('waitlisted').sort()).toEqual(['waiting-4', 'waiting-5'])
    expect(expectConsistent().taken).toBe(4)
  })

  it('someone in line who cancels while being promoted never leaves a place unusable', async () => {
    // The old bug: a cancel read the booking as waiting, it was promoted meanwhile, and the place
    // it then held was never freed.
    for (let round = 0; round < 20; round += 1) {
      const place = `slot-race-${round}`
      const scope = `scope-race-${round}`
      createPlace(1, place)
      await book('holder', true, place, scope)
      await book('waiter', true, place, scope)
      await book('next', true, place, scope)
      await Promise.all([cancel('holder', scope), cancel('waiter', scope)])
      const ledger = expectConsistent(place)
      expect(ledger.holders.map((h) => h.id)).toEqual([reservationIdOf(scope, 'next')])
    }
  })

  it('a newcomer never takes the place of someone waiting, even mid-cancellation', async () => {
    createPlace(2)
    await book('a')
    await book('b')
    for (let i = 0; i < 5; i += 1) await book(`line-${i}`)
    const newcomers = Array.from({ length: 20 }, (_, i) => book(`newcomer-${i}`))
    await Promise.all([cancel('a'), cancel('b'), ...newcomers])
    expect(withStatus('booked').sort()).toEqual(['line-0', 'line-1'])
    const line = ledgerOf().queue.map((h) => h.id)
    expect(line.slice(0, 3)).toEqual(
      ['line-2', 'line-3', 'line-4'].map((user) => reservationIdOf(scopeId, user)),
    )
    expectConsistent()
  })

  it('someone who cancelled can book again', async () => {
    createPlace(2)
    await book('again')
    await cancel('again')
    expect((await book('again')).kind).toBe('booked')
    expect(expectConsistent().taken).toBe(1)
  })

  it('a request cut short after the place was taken is completed by the next read', async () => {
    createPlace(2)
    const id = reservationIdOf(scopeId, 'crashed')
    const requestedAt = new Date()
    // The crash happened after the ledger took the place and before the booking said so.
    local.updateMany(
      kind.places,
      { _id: placeId },
      {
        $set: {
          capacity: {
            ...emptyLedger(2),
            taken: 1,
            holders: [{ id, units: 1 }],
            rev: 1,
          },
        },
      },
    )
    local.insertMany(kind.reservations, [
      {
        _id: id,
        placeId,
        scopeId,
        userId: 'crashed',
        status: 'requested',
        mayWait: false,
        requestedAt,
        createdAt: requestedAt,
      },
    ])
    const settled = await settle(kind, local.findOne<Reservation>(kind.reservations, { _id: id })!)
    expect(settled.status).toBe('booked')
    expect(expectConsistent().taken).toBe(1)
  })

  it('a cancellation cut short between the ledger and the bookings is repaired and audited', async () => {
    createPlace(1)
    await book('holder')
    await book('waiter')
    const holderId = reservationIdOf(scopeId, 'holder')
    const waiterId = reservationIdOf(scopeId, 'waiter')
    // The ledger released the holder and seated the waiter; then the process died.
    local.updateMany(
      kind.places,
      { _id: placeId },
      {
        $set: {
          capacity: {
            ...emptyLedger(1),
            taken: 1,
            holders: [{ id: waiterId, units: 1 }],
            rev: 9,
          },
        },
      },
    )
    local.updateMany(kind.reservations, { _id: holderId }, { $set: { status: 'cancelling' } })
    const repairs = await reconcilePlace(kind, placeId, { now: new Date(), settleFresh: true })
    expect(repairs.map((repair) => repair.problem).sort()).toEqual([
      'cancellation not settled',
      'seated but recorded as waiting',
    ])
    expect(withStatus('booked')).toEqual(['waiter'])
    expect(withStatus('cancelled')).toEqual(['holder'])
    expect(local.find(COLLECTIONS.notifications, {})).toMatchObject([{ userId: 'waiter' }])
    expect(local.count(COLLECTIONS.auditLogs, { actorId: 'system:repair' })).toBe(2)
    expectConsistent()
    // A second pass finds nothing left to do.
    expect(await reconcilePlace(kind, placeId, { now: new Date(), settleFresh: true })).toEqual([])
  })

  it('a place listed for someone without a booking is freed for the first in line', async () => {
    createPlace(1)
    local.updateMany(
      kind.places,
      { _id: placeId },
      {
        $set: {
          capacity: {
            ...emptyLedger(1),
            taken: 1,
            holders: [{ id: 'ghost', units: 1 }],
            rev: 1,
          },
        },
      },
    )
    await book('waiter')
    expect(withStatus('waitlisted')).toEqual(['waiter'])
    const repairs = await reconcilePlace(kind, placeId, { now: new Date(), settleFresh: true })
    expect(repairs.map((repair) => repair.problem)).toEqual(['listed without a reservation'])
    expect(withStatus('booked')).toEqual(['waiter'])
    expectConsistent()
  })
})
