import { useChinaNoonClock } from './clock'
import * as sdk from 'wx-server-sdk'
import { startTestCloud } from './localCloudClient'
import { bookAllAtOnce, createResidents, publishEventStartingIn } from './stallsHelpers'

const RESIDENTS = 1000
const PLACES = 30

describe('booking under contention', () => {
  useChinaNoonClock()
  let env: Awaited<ReturnType<typeof startTestCloud>>
  let tokens: string[]
  beforeAll(async () => {
    env = await startTestCloud()
    tokens = await createResidents(env.cloud, env.dataDir, RESIDENTS, 'crowd')
  })
  afterAll(async () => {
    await env.cleanUp()
  })

  it(`${RESIDENTS} simultaneous bookings for ${PLACES} places give exactly ${PLACES} bookings`, async () => {
    const { slotId } = await publishEventStartingIn(env.cloud, 24 * 60, PLACES)
    const results = await bookAllAtOnce(env.cloud, tokens, slotId)
    const count = (outcome: string) => results.filter((result) => result.outcome === outcome).length
    expect(count('booked')).toBe(PLACES)
    // The rest are in line (those who accepted a waitlist) or told the slot is full: nothing else.
    expect(count('waitlisted') + count('CONFLICT')).toBe(RESIDENTS - PLACES)
    expect(count('CONFLICT')).toBeGreaterThan(0)

    const { database } = env.cloud
    expect(
      database.findOne<{ capacity: { taken: number } }>('stall_slots', { _id: slotId })?.capacity
        .taken,
    ).toBe(PLACES)
    expect(database.count('stall_bookings', { placeId: slotId, status: 'booked' })).toBe(PLACES)
    expect(database.count('stall_bookings', { placeId: slotId, status: 'waitlisted' })).toBe(
      count('waitlisted'),
    )
  }, 60_000)

  it('control: a naive read-then-write booking on the same database overbooks', async () => {
    const { slotId } = await publishEventStartingIn(env.cloud, 24 * 60, PLACES)
    sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV as unknown as string })
    const db = sdk.database()
    // The mistake the capacity mechanism avoids: check the count, then write it back.
    async function naiveBook(userId: string): Promise<boolean> {
      const { data: slot } = (await db.collection('stall_slots').doc(slotId).get()) as unknown as {
        data: { taken: number; capacity: number }
      }
      if (slot.taken >= slot.capacity) return false
      await db
        .collection('stall_slots')
        .doc(slotId)
        .update({ data: { taken: slot.taken + 1 } })
      await db
        .collection('stall_bookings')
        .add({ data: { placeId: slotId, userId, status: 'booked' } })
      return true
    }
    const booked = await Promise.all(
      Array.from({ length: RESIDENTS }, (_, index) => naiveBook(`crowd-${index}`)),
    )
    const stored = env.cloud.database.count('stall_bookings', { placeId: slotId, status: 'booked' })
    expect(booked.filter(Boolean).length).toBe(stored)
    expect(stored).toBeGreaterThan(PLACES)
  }, 60_000)
})
