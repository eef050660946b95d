import { queuePositionOf, remainingOf, type CapacityLedger } from '../../shared/capacity/ledger'
import type {
  BookingStatus,
  BookingView,
  ServiceItemView,
  SlotView,
  StallEventSummary,
  StallStatsView,
} from './contract'
import {
  cancelDeadlineOf,
  cancelProblem,
  isUsable,
  type StallBooking,
  type StallEvent,
  type StallItem,
  type StallSlot,
} from './domain'

/** Places a new booking can take: none while people wait, whatever the count says. */
function bookableOf(ledger: CapacityLedger): number {
  return ledger.waiting > 0 ? 0 : remainingOf(ledger)
}

export function toSlotView(slot: StallSlot): SlotView {
  return {
    id: slot._id,
    startTime: slot.startTime,
    endTime: slot.endTime,
    capacity: slot.capacity.limit,
    remaining: bookableOf(slot.capacity),
  }
}

export function toItemView(item: StallItem, slotsOfEvent: StallSlot[]): ServiceItemView {
  const own = slotsOfEvent.filter((slot) => slot.itemId === item.id)
  return {
    id: item.id,
    name: item.name,
    startTime: item.startTime,
    endTime: item.endTime,
    capacity: own.reduce((sum, slot) => sum + slot.capacity.limit, 0),
    remaining: own.reduce((sum, slot) => sum + bookableOf(slot.capacity), 0),
  }
}

export function toEventSummary(
  event: StallEvent,
  slots: StallSlot[],
  communityName: string,
): StallEventSummary {
  const own = slots.filter((slot) => slot.eventId === event._id)
  return {
    id: event._id,
    title: event.title,
    place: event.place,
    date: event.date,
    communityId: event.communityId,
    communityName,
    organizerName: event.organizerName,
    items: event.items.map((item) => toItemView(item, own)),
  }
}

/** A booking as its resident sees it; `slot` gives a waiting booking its place in line. */
export function toBookingView(booking: StallBooking, now: Date, slot?: StallSlot): BookingView {
  const status: BookingStatus =
    booking.status === 'booked' || booking.status === 'waitlisted' ? booking.status : 'cancelled'
  const position =
    slot && status === 'waitlisted' ? queuePositionOf(slot.capacity, booking._id) : undefined
  return {
    id: booking._id,
    eventId: booking.eventId,
    slotId: booking.placeId,
    eventTitle: booking.eventTitle,
    place: booking.place,
    date: booking.date,
    itemName: booking.itemName,
    startTime: booking.startTime,
    endTime: booking.endTime,
    status,
    ...(position ? { waitlistPosition: position } : {}),
    ...(isUsable(booking) ? { checkInCode: booking.checkInCode } : {}),
    checkedIn: Boolean(booking.checkedInAt),
    noShow: Boolean(booking.noShow),
    ...(booking.rating ? { rating: booking.rating } : {}),
    ...(booking.comment ? { comment: booking.comment } : {}),
    cancelDeadline: cancelDeadlineOf(booking).toISOString(),
    canCancel: status !== 'cancelled' && !cancelProblem(booking, now),
    canRate: Boolean(booking.checkedInAt) && !booking.rating,
  }
}

export function toStatsView(event: StallEvent, bookings: StallBooking[]): StallStatsView {
  const summarize = (subset: StallBooking[]) => {
    const rated = subset.flatMap((booking) => (booking.rating ? [booking.rating] : []))
    return {
      served: subset.filter((booking) => booking.checkedInAt).length,
      booked: subset.filter((booking) => booking.status === 'booked').length,
      ratings: rated.length,
      averageRating:
        rated.length === 0
          ? null
          : Math.round((rated.reduce((sum, value) => sum + value, 0) / rated.length) * 10) / 10,
    }
  }
  const { ratings, ...overall } = summarize(bookings)
  return {
    eventId: event._id,
    title: event.title,
    date: event.date,
    ...overall,
    ratings,
    waitlisted: bookings.filter((booking) => booking.status === 'waitlisted').length,
    noShows: bookings.filter((booking) => booking.noShow).length,
    items: event.items.map((item) => {
      const { served, booked, averageRating } = summarize(
        bookings.filter((booking) => booking.itemId === item.id),
      )
      return { name: item.name, served, booked, averageRating }
    }),
  }
}
