import { useChinaNoonClock } from './clock'
import { callAs, signIn, useTestCloud } from './localCloudClient'
import { chinaClockIn, createResidents } from './stallsHelpers'
import { TOMORROW, createVerifiedVolunteers } from './volunteersHelpers'

// Booked and waiting people cancel while others book and join, through the HTTP gateway. What a
// user would notice afterwards: a free place while people wait, a count that disagrees with the
// bookings, or someone who joined the line later seated before someone who joined earlier.

const PEOPLE = 300
const FIRST_WAVE = 100
const CANCELLERS = 90
const PLACES = 20

interface Attempt {
  person: number
  place: string
  sentAt: number
  answeredAt: number
  outcome: 'booked' | 'waitlisted' | string
}

/** The strict order a user can observe: A's answer came before B's request left. */
const before = (a: Attempt, b: Attempt) => a.answeredAt < b.sentAt

/**
 * Checks one place after the race: nobody waits while a place is free, the place's count equals
 * the people holding it, and nobody was seated ahead of someone who joined the line earlier.
 */
function expectFirstInLine(
  place: string,
  attempts: Attempt[],
  finalStatus: Map<number, string>,
  shown: { capacity: number; held: number },
) {
  const booked = [...finalStatus].filter(([, status]) => status === 'booked').map(([p]) => p)
  const waiting = [...finalStatus].filter(([, status]) => status === 'waitlisted').map(([p]) => p)
  expect(booked.length).toBeLessThanOrEqual(shown.capacity)
  if (waiting.length > 0) expect(booked.length).toBe(shown.capacity)
  expect(shown.held).toBe(booked.length)

  const joined = attempts.filter((a) => a.place === place && a.outcome === 'waitlisted')
  const stillWaiting = new Set(waiting)
  const overtaken: string[] = []
  for (const waiter of joined.filter((a) => stillWaiting.has(a.person))) {
    for (const other of attempts.filter((a) => a.place === place && before(waiter, a))) {
      const seated = finalStatus.get(other.person) === 'booked'
      if (seated) overtaken.push(`${other.person} (${other.outcome}) before ${waiter.person}`)
    }
  }
  expect(overtaken).toEqual([])
}

describe('a first-in-line waitlist under a burst of bookings and cancellations', () => {
  useChinaNoonClock()
  const env = useTestCloud()

  it('stall slots: places held = bookings, no free place while people wait, strict order', async () => {
    const worker = await signIn(env.cloud, 'demo-worker-dahua')
    // Two one-hour slots starting in 5 hours, so cancelling is allowed throughout.
    const start = chinaClockIn(5 * 60)
    const end = chinaClockIn(7 * 60)
    const published = await callAs(env.cloud, worker, 'stalls', 'publish', {
      title: '候补压力测试',
      place: '大华社区党群服务中心',
      communityId: 'dahua',
      date: start.date,
      items: [
        {
          name: '公益理发',
          startTime: start.time,
          endTime: end.time,
          slotMinutes: 60,
          capacityPerSlot: PLACES,
        },
      ],
    })
    if (!published.ok) throw new Error(published.error.message)
    const eventId = published.data.eventIds[0]
    const detailOf = async () => {
      const detail = await callAs(env.cloud, worker, 'stalls', 'detail', { eventId })
      if (!detail.ok) throw new Error(detail.error.message)
      return detail.data.itemsWithSlots[0].slots
    }
    const slots = (await detailOf()).map((slot) => slot.id)
    const tokens = await createResidents(env.cloud, env.dataDir, PEOPLE, 'race')
    const attempts: Attempt[] = []
    const bookings = new Map<number, string>()
    const book = async (person: number) => {
      const place = slots[person % 2]
      const sentAt = performance.now()
      const result = await callAs(env.cloud, tokens[person], 'stalls', 'book', {
        slotId: place,
        joinWaitlist: true,
      })
      const answeredAt = performance.now()
      if (result.ok) bookings.set(person, result.data.id)
      attempts.push({
        person,
        place,
        sentAt,
        answeredAt,
        outcome: result.ok ? result.data.status : result.error.code,
      })
    }
    const cancel = async (person: number) => {
      const bookingId = bookings.get(person)
      if (!bookingId) return
      const result = await callAs(env.cloud, tokens[person], 'stalls', 'cancel', { bookingId })
      expect(result.ok).toBe(true)
    }

    await Promise.all(Array.from({ length: FIRST_WAVE }, (_, person) => book(person)))
    await Promise.all([
      ...Array.from({ length: CANCELLERS }, (_, person) => cancel(person)),
      ...Array.from({ length: PEOPLE - FIRST_WAVE }, (_, index) => book(FIRST_WAVE + index)),
    ])

    const finalStatus = new Map<string, Map<number, string>>(slots.map((slot) => [slot, new Map()]))
    await Promise.all(
      tokens.map(async (token, person) => {
        const mine = await callAs(env.cloud, token, 'stalls', 'myBookings', {})
        if (!mine.ok) throw new Error(mine.error.message)
        for (const booking of mine.data) {
          if (booking.status === 'cancelled') continue
          finalStatus.get(slots[person % 2])!.set(person, booking.status)
        }
      }),
    )
    const shown = await detailOf()
    for (const slot of shown) {
      // What the slot shows as taken: its capacity less the places it offers.
      const held = slot.capacity - slot.remaining
      expectFirstInLine(slot.id, attempts, finalStatus.get(slot.id)!, {
        capacity: slot.capacity,
        held,
      })
    }
  }, 120_000)

  it('volunteer shifts: places held = sign-ups, no free place while people wait, strict order', async () => {
    const member = await signIn(env.cloud, 'demo-org-mayi')
    const shiftIds: string[] = []
    for (const start of ['09:00', '14:00']) {
      const published = await callAs(env.cloud, member, 'shifts', 'publish', {
        organizer: { kind: 'org', id: 'mayi' },
        communityId: 'dahua',
        title: `导诊 ${start}`,
        description: '在区人民医院门诊大厅引导患者挂号、就诊',
        date: TOMORROW,
        start,
        end: start === '09:00' ? '11:00' : '16:00',
        place: '即墨区人民医院门诊大厅',
        capacity: PLACES,
        requiredSkills: ['hospital_guide'],
      })
      if (!published.ok) throw new Error(published.error.message)
      shiftIds.push(published.data.id)
    }
    const tokens = await createVerifiedVolunteers(env.cloud, env.dataDir, PEOPLE, 'race')
    const attempts: Attempt[] = []
    const signUp = async (person: number) => {
      const place = shiftIds[person % 2]
      const sentAt = performance.now()
      const result = await callAs(env.cloud, tokens[person], 'shifts', 'signUp', {
        shiftId: place,
        joinWaitlist: true,
      })
      const answeredAt = performance.now()
      attempts.push({
        person,
        place,
        sentAt,
        answeredAt,
        outcome: result.ok ? (result.data.mySignup?.status ?? 'none') : result.error.code,
      })
    }
    const cancel = async (person: number) => {
      const result = await callAs(env.cloud, tokens[person], 'shifts', 'cancel', {
        shiftId: shiftIds[person % 2],
      })
      expect(result.ok).toBe(true)
    }

    await Promise.all(Array.from({ length: FIRST_WAVE }, (_, person) => signUp(person)))
    await Promise.all([
      ...Array.from({ length: CANCELLERS }, (_, person) => cancel(person)),
      ...Array.from({ length: PEOPLE - FIRST_WAVE }, (_, index) => signUp(FIRST_WAVE + index)),
    ])

    for (const [index, shiftId] of shiftIds.entries()) {
      const statuses = new Map<number, string>()
      let shown = { capacity: 0, held: 0 }
      await Promise.all(
        tokens.map(async (token, person) => {
          if (person % 2 !== index) return
          const detail = await callAs(env.cloud, token, 'shifts', 'detail', { shiftId })
          if (!detail.ok) throw new Error(detail.error.message)
          if (detail.data.mySignup) statuses.set(person, detail.data.mySignup.status)
          shown = { capacity: detail.data.capacity, held: detail.data.taken }
        }),
      )
      expectFirstInLine(shiftId, attempts, statuses, shown)
    }
  }, 120_000)
})
