import type { Reservation } from '../capacity'

/** Residents may cancel until this long before their slot starts. */
export const CANCEL_DEADLINE_MINUTES = 120
/** Check-in opens this long before a slot starts and closes when it ends. */
export const CHECK_IN_OPENS_MINUTES = 30

const MINUTE = 60_000
/** Stall times are local times in China (UTC+8, no daylight saving). */
const CHINA_OFFSET = '+08:00'

export interface StallItem {
  id: string
  name: string
  startTime: string
  endTime: string
  slotMinutes: number
  capacityPerSlot: number
}

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
  createdAt: Date
}

/** A time slot of one item: the capacity mechanism's place. */
export interface StallSlot {
  _id: string
  eventId: string
  itemId: string
  startTime: string
  endTime: string
  startsAt: Date
  endsAt: Date
  capacity: number
  taken: number
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

export function chinaInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00${CHINA_OFFSET}`)
}

/** The calendar date in China of an instant, as YYYY-MM-DD. */
export function chinaDateOf(instant: Date): string {
  return new Date(instant.getTime() + 8 * 60 * MINUTE).toISOString().slice(0, 10)
}

export function addDays(date: string, days: number): string {
  return chinaDateOf(new Date(chinaInstant(date, '12:00').getTime() + days * 24 * 60 * MINUTE))
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

export function cancelDeadlineOf(booking: Pick<StallBooking, 'startsAt'>): Date {
  return new Date(new Date(booking.startsAt).getTime() - CANCEL_DEADLINE_MINUTES * MINUTE)
}

/** Why a booking cannot be checked in at `now`, or undefined when it can. */
export function checkInTimingProblem(
  booking: Pick<StallBooking, 'startsAt' | 'endsAt' | 'startTime'>,
  now: Date,
): string | undefined {
  const opens = new Date(booking.startsAt).getTime() - CHECK_IN_OPENS_MINUTES * MINUTE
  if (now.getTime() < opens) {
    return `还没到签到时间：该预约 ${booking.startTime} 开始，开始前 ${CHECK_IN_OPENS_MINUTES} 分钟起可以签到`
  }
  if (now.getTime() > new Date(booking.endsAt).getTime()) return '该预约的时段已结束，无法签到'
  return undefined
}

/** Every slot of every item of a dated event, empty. */
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
      capacity: item.capacityPerSlot,
      taken: 0,
    })),
  )
}
