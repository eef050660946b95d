import {
  checkAndRepair,
  maintenanceService,
} from '../../cloudfunctions/features/maintenance/service'
import {
  slotsOf,
  type StallEvent,
  type StallSlot,
} from '../../cloudfunctions/features/stalls/domain'
import type { CapacityLedger } from '../../cloudfunctions/shared/capacity/ledger'
import { addDays, chinaDateOf } from '../../cloudfunctions/shared/time'
import { refusal, useWorld } from './world'

describe('maintenance service: the invariant check and its repairs', () => {
  const world = useWorld()
  const now = () => new Date()
  const event = (): StallEvent => ({
    _id: 'ev1',
    seriesId: 'ev1',
    title: '便民服务',
    place: '东一社区',
    districtId: 'd1',
    streetId: 's1',
    communityId: 'c1',
    organizerId: 'worker-c1',
    organizerName: '社工',
    date: addDays(chinaDateOf(new Date()), 2),
    items: [
      {
        id: 'item1',
        name: '理发',
        startTime: '09:00',
        endTime: '10:00',
        slotMinutes: 30,
        capacityPerSlot: 2,
      },
    ],
    status: 'publishing',
    createdAt: new Date(),
  })

  it('finishes a publish cut short, and a second run finds nothing', async () => {
    world.db.insertMany('stall_events', [event()])
    world.db.insertMany('stall_slots', [slotsOf(event())[0]])
    const report = await checkAndRepair({ now: now(), full: true, settleFresh: true })
    expect(report.repairs).toEqual([
      { kind: 'stall_event', targetId: 'ev1', problem: 'publish not finished' },
    ])
    expect(world.db.count('stall_slots', { eventId: 'ev1' })).toBe(2)
    expect(world.db.findOne('stall_events', { _id: 'ev1' })).toMatchObject({ status: 'published' })
    expect((await checkAndRepair({ now: now(), full: true, settleFresh: true })).repairs).toEqual(
      [],
    )
  })

  it('the timer leaves a fresh publish alone: a live request may still be writing it', async () => {
    world.db.insertMany('stall_events', [event()])
    expect((await checkAndRepair({ now: now(), full: false, settleFresh: false })).repairs).toEqual(
      [],
    )
    expect(world.db.findOne('stall_events', { _id: 'ev1' })).toMatchObject({ status: 'publishing' })
  })

  it('the timer completes a cancellation cut short and leaves a fresh request to its caller', async () => {
    const slot = slotsOf(event())[0]
    const at = new Date()
    const reservation = (userId: string, status: string) => ({
      _id: `ev1-item1:${userId}`,
      placeId: slot._id,
      scopeId: 'ev1-item1',
      userId,
      status,
      mayWait: true,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      requestedAt: at,
      createdAt: at,
    })
    world.db.insertMany('stall_slots', [
      {
        ...slot,
        capacity: {
          limit: 1,
          taken: 1,
          waiting: 1,
          holders: [{ id: 'ev1-item1:leaving', units: 1 }],
          queue: [{ id: 'ev1-item1:waiting', units: 1 }],
          rev: 2,
        },
      },
    ])
    world.db.insertMany('stall_bookings', [
      reservation('leaving', 'cancelling'),
      reservation('waiting', 'waitlisted'),
      reservation('arriving', 'requested'),
    ])
    const report = await checkAndRepair({ now: now(), full: false, settleFresh: false })
    expect(report.repairs.map((repair) => repair.problem)).toEqual(['cancellation not settled'])
    const statusOf = (userId: string) =>
      world.db.findOne<{ status: string }>('stall_bookings', { userId })?.status
    expect([statusOf('leaving'), statusOf('waiting'), statusOf('arriving')]).toEqual([
      'cancelled',
      'booked',
      'requested',
    ])
    expect(world.db.find('notifications', { userId: 'waiting' })).toHaveLength(1)
  })

  it('brings an older shape up to date: a slot counter becomes a ledger of its bookings', async () => {
    const slot = {
      ...slotsOf(event())[0],
      capacity: 2,
      taken: 2,
    } as unknown as StallSlot
    const booking = (userId: string, status: string, at: string) => ({
      _id: `ev1-item1:${userId}`,
      placeId: slot._id,
      scopeId: 'ev1-item1',
      userId,
      status,
      ...(status === 'booked' ? { bookedAt: new Date(at) } : { waitlistedAt: new Date(at) }),
      createdAt: new Date(at),
    })
    world.db.insertMany('stall_events', [{ ...event(), status: undefined }])
    world.db.insertMany('stall_slots', [slot])
    world.db.insertMany('stall_bookings', [
      booking('b', 'booked', '2026-11-20T10:00:00Z'),
      booking('a', 'booked', '2026-11-20T09:00:00Z'),
      booking('w', 'waitlisted', '2026-11-20T11:00:00Z'),
    ])
    const report = await checkAndRepair({ now: now(), full: true, settleFresh: true })
    expect(report.migrated).toBeGreaterThanOrEqual(5)
    const ledger = world.db.findOne<{ capacity: CapacityLedger }>('stall_slots', {
      _id: slot._id,
    })!.capacity
    expect(ledger.holders.map((h) => h.id)).toEqual(['ev1-item1:a', 'ev1-item1:b'])
    expect(ledger.queue.map((h) => h.id)).toEqual(['ev1-item1:w'])
    expect([ledger.limit, ledger.taken, ledger.waiting]).toEqual([2, 2, 1])
    expect(report.repairs).toEqual([])
  })

  it('gives free-text lines written before the pickers the service kind their words name, once', async () => {
    world.db.insertMany('community_needs', [
      {
        _id: 'old-need',
        domain: 'harmonious_management',
        title: '卫生死角清理',
        description: '',
        unit: '次',
      },
    ])
    world.db.insertMany('resource_offerings', [
      {
        _id: 'old-offer',
        domains: ['civic_culture'],
        title: '生态环保志愿服务',
        description: '',
        unit: '场',
      },
    ])
    const first = await checkAndRepair({ now: now(), full: true, settleFresh: true })
    expect(first.migrated).toBeGreaterThanOrEqual(2)
    const kindOf = (name: string, _id: string) =>
      world.db.findOne<{ kind?: string }>(name, { _id })?.kind
    expect([
      kindOf('community_needs', 'old-need'),
      kindOf('resource_offerings', 'old-offer'),
    ]).toEqual(['environment', 'environment'])
    const again = await checkAndRepair({ now: now(), full: true, settleFresh: true })
    expect(again.migrated).toBe(0)
  })

  it('only a district admin runs it on demand', async () => {
    const worker = world.person('worker-c1', [{ kind: 'community_worker', communityId: 'c1' }])
    expect((await refusal(world.call(maintenanceService, 'repair', {}, worker))).code).toBe(
      'FORBIDDEN',
    )
    const admin = world.person('admin', [{ kind: 'district_admin', districtId: 'd1' }])
    expect(await world.call(maintenanceService, 'repair', { full: true }, admin)).toEqual({
      migrated: 0,
      repairs: [],
    })
  })
})
