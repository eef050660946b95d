import type { CapacityKind } from '../capacity'
import type { StallBooking, StallEvent, StallSlot } from '../domain/stalls'
import {
  COLLECTIONS,
  collection,
  command,
  countOf,
  findAll,
  findById,
  findMany,
  insertOne,
  updateWhere,
} from './collections'

/** Stall slots as places of the shared capacity mechanism. */
export const STALL_CAPACITY: CapacityKind = {
  places: COLLECTIONS.stallSlots,
  reservations: COLLECTIONS.stallBookings,
  promotionNotice: (reservation) => {
    const booking = reservation as StallBooking
    return {
      title: '候补成功，已为您预约',
      body: `${booking.eventTitle}·${booking.itemName} ${booking.date} ${booking.startTime}-${booking.endTime}，地点：${booking.place}。请按时到场，出示签到码。`,
    }
  },
}

export const EVENTS_LIST_LIMIT = 30

export async function insertEventWithSlots(event: StallEvent, slots: StallSlot[]): Promise<void> {
  await insertOne(COLLECTIONS.stallEvents, event)
  await Promise.all(slots.map((slot) => insertOne(COLLECTIONS.stallSlots, slot)))
}

export async function findEvent(id: string): Promise<StallEvent | undefined> {
  return findById<StallEvent>(COLLECTIONS.stallEvents, id)
}

export async function findSlot(id: string): Promise<StallSlot | undefined> {
  return findById<StallSlot>(COLLECTIONS.stallSlots, id)
}

/** Events from `fromDate` on, soonest first. */
export async function listEvents(filter: {
  fromDate: string
  communityId?: string
  date?: string
}): Promise<StallEvent[]> {
  const _ = command()
  return findMany<StallEvent>(
    collection(COLLECTIONS.stallEvents)
      .where({
        date: filter.date ?? _.gte(filter.fromDate),
        ...(filter.communityId ? { communityId: filter.communityId } : {}),
      })
      .orderBy('date', 'asc')
      .limit(EVENTS_LIST_LIMIT),
  )
}

export async function listSlotsOfEvents(eventIds: string[]): Promise<StallSlot[]> {
  if (eventIds.length === 0) return []
  const _ = command()
  return findAll<StallSlot>(
    collection(COLLECTIONS.stallSlots)
      .where({ eventId: _.in(eventIds) })
      .orderBy('startsAt', 'asc'),
  )
}

export async function findBooking(id: string): Promise<StallBooking | undefined> {
  return findById<StallBooking>(COLLECTIONS.stallBookings, id)
}

export async function listBookingsOfResident(
  userId: string,
  eventId?: string,
): Promise<StallBooking[]> {
  return findAll<StallBooking>(
    collection(COLLECTIONS.stallBookings)
      .where(eventId ? { userId, eventId } : { userId })
      .orderBy('startsAt', 'desc'),
  )
}

export async function listBookingsOfEvent(eventId: string): Promise<StallBooking[]> {
  return findAll<StallBooking>(collection(COLLECTIONS.stallBookings).where({ eventId }))
}

export async function findBookingsByCode(code: string): Promise<StallBooking[]> {
  return findMany<StallBooking>(
    collection(COLLECTIONS.stallBookings).where({ checkInCode: code }).limit(10),
  )
}

export async function isCodeTaken(eventId: string, code: string): Promise<boolean> {
  return (
    (await countOf(collection(COLLECTIONS.stallBookings).where({ eventId, checkInCode: code }))) > 0
  )
}

/** How many wait ahead of this waitlisted booking on its slot. */
export async function countWaitlistAhead(booking: StallBooking): Promise<number> {
  const _ = command()
  return countOf(
    collection(COLLECTIONS.stallBookings).where({
      placeId: booking.placeId,
      status: 'waitlisted',
      waitlistedAt: _.lt(booking.waitlistedAt),
    }),
  )
}

/** Marks a booked, unused booking checked in; false when it was already used (or cancelled). */
export async function markCheckedIn(id: string, at: Date): Promise<boolean> {
  const _ = command()
  const updated = await updateWhere(
    collection(COLLECTIONS.stallBookings).where({
      _id: id,
      status: 'booked',
      checkedInAt: _.exists(false),
      noShow: _.neq(true),
    }),
    { checkedInAt: at },
  )
  return updated === 1
}

/** Records every booked, unused booking of the event whose slot ended before `now` as a no-show. */
export async function markNoShowsOf(eventId: string, now: Date): Promise<number> {
  const _ = command()
  return updateWhere(
    collection(COLLECTIONS.stallBookings).where({
      eventId,
      status: 'booked',
      checkedInAt: _.exists(false),
      noShow: _.neq(true),
      endsAt: _.lt(now),
    }),
    { noShow: true },
  )
}

/** Saves a rating once, and only on a checked-in booking. */
export async function saveRating(
  id: string,
  rating: { rating: number; comment?: string },
): Promise<boolean> {
  const _ = command()
  const updated = await updateWhere(
    collection(COLLECTIONS.stallBookings).where({
      _id: id,
      checkedInAt: _.exists(true),
      rating: _.exists(false),
    }),
    { ...rating, ratedAt: new Date() },
  )
  return updated === 1
}

export async function listBookedOnDate(date: string): Promise<StallBooking[]> {
  return findAll<StallBooking>(
    collection(COLLECTIONS.stallBookings).where({ date, status: 'booked' }),
  )
}
