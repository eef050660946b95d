import { emptyLedger, type CapacityLedger } from '../../shared/capacity/ledger'
import type { Reservation, ReservationKind } from '../../shared/capacity/reservation'
import { COLLECTIONS } from '../../shared/collections'
import { messageTime, type SubscriptionMessage } from '../../shared/messageTemplates'
import { chinaInstant } from '../../shared/time'

/** Residents may cancel until this long before their slot starts. */
export const CANCEL_DEADLINE_MINUTES = 120
/** Check-in opens this long before a slot starts and closes when it ends. */
export const CHECK_IN_OPENS_MINUTES = 30
export const MAX_SLOTS_PER_EVENT = 300

const MINUTE_MS = 60_000

export interface StallItem {
  id: string
  name: string
  startTime: string
  endTime: string
  slotMinutes: number
  capacityPerSlot: number
}

/**
 * A service event (服务集市) on one day. It is `publishing` while its slots are being written and
 * `published` once all are there; only published events are shown.
 */
export interface StallEvent {
  _id: string
  /** The first occurrence's id; weekly repeats share it. */
  seriesId: string
  title: string
  place: string
  districtId: string
  streetId: string
  communityId: string
  orgId?: string
  organizerId: string
  organizerName: string
  /** YYYY-MM-DD, China time. */
  date: string
  items: StallItem[]
  status: 'publishing' | 'published'
  /** Carried by the event's check-in code (posted at the stall): residents scan it to check in. */
  checkInKey?: string
  createdAt: Date
}

/** A time slot of one item: a place of the shared capacity mechanism. */
export interface StallSlot {
  _id: string
  eventId: string
  itemId: string
  startTime: string
  endTime: string
  startsAt: Date
  endsAt: Date
  capacity: CapacityLedger
}

export interface StallBooking extends Reservation {
  eventId: string
  itemId: string
  itemName: string
  eventTitle: string
  place: string
  date: string
  startTime: string
  endTime: string
  startsAt: Date
  endsAt: Date
  residentName: string
  checkInCode: string
  checkedInAt?: Date
  noShow?: boolean
  rating?: number
  comment?: string
  ratedAt?: Date
}

/** What a booking of a slot carries beside the reservation's own fields. */
export function bookingDetailsOf(
  event: Pick<StallEvent, '_id' | 'title' | 'place' | 'date'>,
  item: Pick<StallItem, 'id' | 'name'>,
  slot: Pick<StallSlot, 'startTime' | 'endTime' | 'startsAt' | 'endsAt'>,
  resident: { residentName: string; checkInCode: string },
) {
  return {
    eventId: event._id,
    itemId: item.id,
    itemName: item.name,
    eventTitle: event.title,
    place: event.place,
    date: event.date,
    startTime: slot.startTime,
    endTime: slot.endTime,
    startsAt: new Date(slot.startsAt),
    endsAt: new Date(slot.endsAt),
    ...resident,
  }
}

/** Where a resident's messages about bookings open. */
const MY_BOOKINGS_PAGE = 'packages/stalls/pages/mine/index'

/** Stall slots as places of the shared capacity mechanism, bookings as its reservations. */
export const STALL_BOOKINGS: ReservationKind = {
  places: COLLECTIONS.stallSlots,
  reservations: COLLECTIONS.stallBookings,
  promotionNotice: (reservation) => {
    const booking = reservation as StallBooking
    return {
      title: '候补成功，已为您预约',
      body: `${booking.eventTitle}·${booking.itemName} ${booking.date} ${booking.startTime}-${booking.endTime}，地点：${booking.place}。请按时到场，出示签到码。`,
      message: {
        template: 'waitlistPromoted',
        values: {
          item: `${booking.eventTitle}·${booking.itemName}`,
          time: messageTime(new Date(booking.startsAt)),
          place: booking.place,
        },
        page: MY_BOOKINGS_PAGE,
      },
    }
  },
}

/** The day-before reminder of a booking: in the app, and as a message where subscribed. */
export function reminderOf(booking: StallBooking): {
  title: string
  body: string
  message: SubscriptionMessage
} {
  return {
    title: '服务活动提醒',
    body: `您预约的${booking.eventTitle}·${booking.itemName}在明天 ${booking.startTime}-${booking.endTime}，地点：${booking.place}。请带好签到码准时到场。`,
    message: {
      template: 'bookingReminder',
      values: {
        item: `${booking.eventTitle}·${booking.itemName}`,
        time: messageTime(new Date(booking.startsAt)),
        place: booking.place,
        note: '请带好签到码准时到场',
      },
      page: MY_BOOKINGS_PAGE,
    },
  }
}

/**
 * Of a resident's bookings at one event, the one a scan of the event's code checks in: usable and
 * open for check-in now, the soonest first. Answers why none can be, when none can.
 */
export function bookingToCheckIn(
  bookings: StallBooking[],
  now: Date,
): { booking: StallBooking } | { problem: string } {
  const usable = bookings
    .filter(isUsable)
    .sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime())
  const open = usable.find((booking) => !checkInTimingProblem(booking, now))
  if (open) return { booking: open }
  if (usable.length === 0) return { problem: '您在本场活动没有待签到的预约' }
  return { problem: checkInTimingProblem(usable[0], now) ?? '现在不能签到' }
}

/** One booking per resident per item of an event: the booking's scope. */
export function bookingScopeOf(eventId: string, itemId: string): string {
  return `${eventId}-${itemId}`
}

/** Splits an item's opening hours into slots; a last slot that would overrun is left out. */
export function slotTimesOf(item: Pick<StallItem, 'startTime' | 'endTime' | 'slotMinutes'>) {
  const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3))
  const clock = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
  const slots: { startTime: string; endTime: string }[] = []
  for (
    let start = minutesOf(item.startTime);
    start + item.slotMinutes <= minutesOf(item.endTime);
    start += item.slotMinutes
  ) {
    slots.push({ startTime: clock(start), endTime: clock(start + item.slotMinutes) })
  }
  return slots
}

/** Every slot of every item of a dated event, empty. Slot ids follow from the event's. */
export function slotsOf(event: Pick<StallEvent, '_id' | 'date' | 'items'>): StallSlot[] {
  return event.items.flatMap((item) =>
    slotTimesOf(item).map(({ startTime, endTime }) => ({
      _id: `${event._id}-${item.id}-${startTime.replace(':', '')}`,
      eventId: event._id,
      itemId: item.id,
      startTime,
      endTime,
      startsAt: chinaInstant(event.date, startTime),
      endsAt: chinaInstant(event.date, endTime),
      capacity: emptyLedger(item.capacityPerSlot),
    })),
  )
}

export function cancelDeadlineOf(booking: Pick<StallBooking, 'startsAt'>): Date {
  return new Date(new Date(booking.startsAt).getTime() - CANCEL_DEADLINE_MINUTES * MINUTE_MS)
}

/** Why a booking cannot be checked in at `now`, or undefined when it can. */
export function checkInTimingProblem(
  booking: Pick<StallBooking, 'startsAt' | 'endsAt' | 'startTime'>,
  now: Date,
): string | undefined {
  const opens = new Date(booking.startsAt).getTime() - CHECK_IN_OPENS_MINUTES * MINUTE_MS
  if (now.getTime() < opens) {
    return `还没到签到时间：该预约 ${booking.startTime} 开始，开始前 ${CHECK_IN_OPENS_MINUTES} 分钟起可以签到`
  }
  if (now.getTime() > new Date(booking.endsAt).getTime()) return '该预约的时段已结束，无法签到'
  return undefined
}

/** Why a booking cannot be cancelled at `now` (undefined: it can). */
export function cancelProblem(booking: StallBooking, now: Date): string | undefined {
  if (booking.checkedInAt) return '已签到的预约不能取消'
  if (booking.status === 'booked' && now > cancelDeadlineOf(booking)) {
    return `距开始已不足 ${CANCEL_DEADLINE_MINUTES / 60} 小时，不能再取消预约`
  }
  return undefined
}

/** A booked, unused booking: its code may still be shown and checked in. */
/** 我的预约's order: what is still to come, soonest first, then what is past, latest first. */
export function inReadingOrder<B extends Pick<StallBooking, 'startsAt'>>(
  bookings: B[],
  now: Date,
): B[] {
  const at = (booking: B) => new Date(booking.startsAt).getTime()
  const upcoming = bookings.filter((booking) => at(booking) >= now.getTime())
  const past = bookings.filter((booking) => at(booking) < now.getTime())
  return [...upcoming.sort((a, b) => at(a) - at(b)), ...past.sort((a, b) => at(b) - at(a))]
}

export function isUsable(booking: StallBooking): boolean {
  return booking.status === 'booked' && !booking.checkedInAt && !booking.noShow
}
