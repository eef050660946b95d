import {
  COLLECTIONS,
  command,
  countWhere,
  findById,
  insertIfAbsent,
  updateWhere,
} from '../../shared/db'
import { readAll, readFirst } from '../../shared/paging'
import type { StallBooking, StallEvent, StallSlot } from './domain'

export function findEvent(id: string): Promise<StallEvent | undefined> {
  return findById<StallEvent>(COLLECTIONS.stallEvents, id)
}

/** A slot's ledger without its lists of people: what counts and views of places need. */
const SLOT_COUNTS = { 'capacity.holders': false, 'capacity.queue': false }

/** A slot; `withLists` when the people holding or waiting are needed (a place in line). */
export function findSlot(id: string, withLists = false): Promise<StallSlot | undefined> {
  return findById<StallSlot>(COLLECTIONS.stallSlots, id, withLists ? undefined : SLOT_COUNTS)
}

export function findBooking(id: string): Promise<StallBooking | undefined> {
  return findById<StallBooking>(COLLECTIONS.stallBookings, id)
}

/** Stores an event once (a retried publish finds it there). */
export function insertEvent(event: StallEvent): Promise<boolean> {
  return insertIfAbsent(COLLECTIONS.stallEvents, event)
}

/** Stores a slot once; slot ids follow from the event's, so a resumed publish skips the done ones. */
export function insertSlot(slot: StallSlot): Promise<boolean> {
  return insertIfAbsent(COLLECTIONS.stallSlots, slot)
}

export async function markEventPublished(id: string): Promise<void> {
  await updateWhere(
    COLLECTIONS.stallEvents,
    { _id: id, status: 'publishing' },
    { status: 'published' },
  )
}

export function listEventsStillPublishing(): Promise<StallEvent[]> {
  return readAll<StallEvent>(COLLECTIONS.stallEvents, { status: 'publishing' }, [['_id', 'asc']])
}

/** Published events from `fromDate` on (or on one date), soonest first. */
export function listPublishedEvents(filter: {
  fromDate: string
  communityId?: string
  date?: string
  limit: number
}): Promise<StallEvent[]> {
  return readFirst<StallEvent>(
    COLLECTIONS.stallEvents,
    {
      status: 'published',
      date: filter.date ?? command().gte(filter.fromDate),
      ...(filter.communityId ? { communityId: filter.communityId } : {}),
    },
    [
      ['date', 'asc'],
      ['_id', 'asc'],
    ],
    filter.limit,
  )
}

/** The events' slots with their counts (not the people on their lists). */
export function listSlotsOfEvents(eventIds: string[]): Promise<StallSlot[]> {
  if (eventIds.length === 0) return Promise.resolve([])
  return readAll<StallSlot>(
    COLLECTIONS.stallSlots,
    { eventId: command().in(eventIds) },
    [
      ['startsAt', 'asc'],
      ['_id', 'asc'],
    ],
    SLOT_COUNTS,
  )
}

/** A resident's bookings (of one event, or all), latest slot first; refused requests are not kept. */
export function listBookingsOfResident(userId: string, eventId?: string): Promise<StallBooking[]> {
  return readAll<StallBooking>(
    COLLECTIONS.stallBookings,
    { userId, status: command().neq('refused'), ...(eventId ? { eventId } : {}) },
    [
      ['startsAt', 'desc'],
      ['_id', 'asc'],
    ],
  )
}

export function listBookingsOfEvent(eventId: string): Promise<StallBooking[]> {
  return readAll<StallBooking>(
    COLLECTIONS.stallBookings,
    { eventId, status: command().neq('refused') },
    [['_id', 'asc']],
  )
}

export function listBookingsWithCode(code: string): Promise<StallBooking[]> {
  return readFirst<StallBooking>(
    COLLECTIONS.stallBookings,
    { checkInCode: code, status: command().neq('refused') },
    [['_id', 'asc']],
    10,
  )
}

export async function isCodeTaken(eventId: string, code: string): Promise<boolean> {
  return (await countWhere(COLLECTIONS.stallBookings, { eventId, checkInCode: code })) > 0
}

/** Marks a booked, unused booking checked in; false when it was already used (or cancelled). */
export async function markCheckedIn(id: string, at: Date): Promise<boolean> {
  const _ = command()
  const updated = await updateWhere(
    COLLECTIONS.stallBookings,
    { _id: id, status: 'booked', checkedInAt: _.exists(false), noShow: _.neq(true) },
    { checkedInAt: at },
  )
  return updated === 1
}

/** Marks booked, unused bookings whose slot ended before `now` as no-shows (of one event, or all). */
export function markNoShows(now: Date, eventId?: string): Promise<number> {
  const _ = command()
  return updateWhere(
    COLLECTIONS.stallBookings,
    {
      status: 'booked',
      endsAt: _.lt(now),
      checkedInAt: _.exists(false),
      noShow: _.neq(true),
      ...(eventId ? { eventId } : {}),
    },
    { noShow: true },
  )
}

/** Gives an event its check-in key, once; answers the key it holds. */
export async function keepCheckInKey(eventId: string, key: string): Promise<string | undefined> {
  const _ = command()
  await updateWhere(
    COLLECTIONS.stallEvents,
    { _id: eventId, checkInKey: _.exists(false) },
    { checkInKey: key },
  )
  return (await findEvent(eventId))?.checkInKey
}

/** Saves a rating once, and only on a checked-in booking. */
export async function saveRating(
  id: string,
  rating: { rating: number; comment?: string },
): Promise<boolean> {
  const _ = command()
  const updated = await updateWhere(
    COLLECTIONS.stallBookings,
    { _id: id, checkedInAt: _.exists(true), rating: _.exists(false) },
    { ...rating, ratedAt: new Date() },
  )
  return updated === 1
}

export function listBookedOnDate(date: string): Promise<StallBooking[]> {
  return readAll<StallBooking>(COLLECTIONS.stallBookings, { date, status: 'booked' }, [
    ['_id', 'asc'],
  ])
}
