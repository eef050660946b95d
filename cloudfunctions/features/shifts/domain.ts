import type { CapacityLedger } from '../../shared/capacity/ledger'
import type { Reservation, ReservationKind } from '../../shared/capacity/reservation'
import { COLLECTIONS } from '../../shared/collections'
import { messageTime, type SubscriptionMessage } from '../../shared/messageTemplates'
import { chinaInstant } from '../../shared/time'
import type {
  Organizer,
  TimeOfDay,
  VolunteerRecord,
  VolunteerSkill,
  Weekday,
} from '../volunteers/domain'

/** A volunteer shift (岗位/班次): a place of the shared capacity mechanism. */
export interface Shift {
  _id: string
  organizer: Organizer
  districtId: string
  communityId: string
  communityName: string
  title: string
  description: string
  /** China date and times: YYYY-MM-DD, HH:mm. */
  date: string
  start: string
  end: string
  place: string
  capacity: CapacityLedger
  requiredSkills: VolunteerSkill[]
  /** An event, stall or project this shift serves. */
  linkedId?: string
  /** A team's shift: only its approved members sign up. */
  teamId?: string
  teamName?: string
  /** Volunteers type it in (or scan it) to check themselves in and out. */
  checkInCode: string
  status: 'open' | 'cancelled'
  createdBy: string
  createdAt: Date
}

/** A volunteer's sign-up for a shift (the capacity mechanism's reservation) and its attendance. */
export interface ShiftSignup extends Reservation {
  volunteerName: string
  checkInAt?: Date
  checkOutAt?: Date
}

/** The page a volunteer's messages about a shift open. */
function shiftPageOf(shift: Pick<Shift, '_id'>): string {
  return `packages/volunteers/pages/shift/index?shiftId=${shift._id}`
}

/** Shifts are the places, sign-ups the reservations: one per volunteer and shift. */
export const SHIFT_SIGNUPS: ReservationKind = {
  places: COLLECTIONS.volunteerShifts,
  reservations: COLLECTIONS.volunteerSignups,
  promotionNotice: (_signup, place) => {
    const shift = place as Shift
    return {
      title: '志愿岗位候补成功',
      body: `您候补的志愿服务班次「${shift.title}」（${shift.date} ${shift.start}-${shift.end}）已有空位，已为您报名，请按时到岗签到。`,
      message: {
        template: 'waitlistPromoted',
        values: {
          item: shift.title,
          time: messageTime(shiftWindow(shift).from),
          place: shift.place,
        },
        page: shiftPageOf(shift),
      },
    }
  },
}

/** The day-before reminder of a shift: in the app, and as a message where subscribed. */
export function shiftReminderOf(shift: Shift): {
  title: string
  body: string
  message: SubscriptionMessage
} {
  return {
    title: '志愿服务提醒',
    body: `您报名的「${shift.title}」在明天 ${shift.start}-${shift.end}，地点：${shift.place}。请按时到岗签到。`,
    message: {
      template: 'shiftReminder',
      values: {
        shift: shift.title,
        time: messageTime(shiftWindow(shift).from),
        place: shift.place,
        note: '请按时到岗，扫码签到',
      },
      page: shiftPageOf(shift),
    },
  }
}

const QUARTER_HOUR_MS = 15 * 60_000
/** How far outside its scheduled window a shift's attendance still counts. */
export const ATTENDANCE_GRACE_MS = 30 * 60_000

export function shiftWindow(shift: Pick<Shift, 'date' | 'start' | 'end'>) {
  return { from: chinaInstant(shift.date, shift.start), to: chinaInstant(shift.date, shift.end) }
}

/** Whether an attendance time falls in the shift's window widened by the grace period. */
export function isWithinAttendanceWindow(shift: Pick<Shift, 'date' | 'start' | 'end'>, at: Date) {
  const window = shiftWindow(shift)
  return (
    at.getTime() >= window.from.getTime() - ATTENDANCE_GRACE_MS &&
    at.getTime() <= window.to.getTime() + ATTENDANCE_GRACE_MS
  )
}

/**
 * The rounding rule: the minutes between check-in and check-out, counted only inside the
 * shift's scheduled window widened by 30 minutes on each side, rounded down to the quarter hour.
 */
export function creditedMinutes(
  shift: Pick<Shift, 'date' | 'start' | 'end'>,
  checkInAt: Date,
  checkOutAt: Date,
): number {
  const window = shiftWindow(shift)
  const from = Math.max(checkInAt.getTime(), window.from.getTime() - ATTENDANCE_GRACE_MS)
  const to = Math.min(checkOutAt.getTime(), window.to.getTime() + ATTENDANCE_GRACE_MS)
  if (to <= from) return 0
  return (Math.floor((to - from) / QUARTER_HOUR_MS) * QUARTER_HOUR_MS) / 60_000
}

export function weekdayOf(date: string): Weekday {
  const day = chinaInstant(date, '12:00').getUTCDay()
  return (day === 0 ? 7 : day) as Weekday
}

export function timeOfDayOf(start: string): TimeOfDay {
  const hour = Number(start.slice(0, 2))
  return hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening'
}

export function hasRequiredSkills(
  volunteer: Pick<VolunteerRecord, 'skills'>,
  shift: Pick<Shift, 'requiredSkills'>,
) {
  return shift.requiredSkills.every((skill) => volunteer.skills.includes(skill))
}

/**
 * How well an open shift fits a volunteer, for ordering recommendations: having the required
 * skills weighs most, then the volunteer's own community, then their availability.
 */
export function fitScore(
  volunteer: Pick<VolunteerRecord, 'skills' | 'communityId' | 'availability'>,
  shift: Pick<Shift, 'requiredSkills' | 'communityId' | 'date' | 'start'>,
): number {
  const skills = hasRequiredSkills(volunteer, shift) ? 4 : 0
  const community = volunteer.communityId === shift.communityId ? 2 : 0
  const available =
    volunteer.availability.weekdays.includes(weekdayOf(shift.date)) &&
    volunteer.availability.times.includes(timeOfDayOf(shift.start))
      ? 1
      : 0
  return skills + community + available
}
