import type { Reservation } from '../capacity'
import { chinaInstant } from './stalls'

/** 双报到: who registers as a community volunteer. */
export const VOLUNTEER_KINDS = {
  party_member: '在职党员',
  merchant_owner: '商户/业主',
  resident: '居民',
  student: '大学生',
} as const
export type VolunteerKind = keyof typeof VOLUNTEER_KINDS

/** The fixed skill tags volunteers pick from and shifts may require. */
export const VOLUNTEER_SKILLS = {
  hospital_guide: '医院导诊',
  elderly_company: '助老陪伴',
  child_tutoring: '儿童托管辅导',
  first_aid: '急救常识',
  repair: '家电维修',
  haircut: '义务理发',
  legal_advice: '法律咨询',
  psychological_support: '心理疏导',
  photography: '摄影摄像',
  event_support: '活动保障',
  environmental: '环保宣传',
  sign_language: '手语',
} as const
export type VolunteerSkill = keyof typeof VOLUNTEER_SKILLS

export const TIMES_OF_DAY = { morning: '上午', afternoon: '下午', evening: '晚上' } as const
export type TimeOfDay = keyof typeof TIMES_OF_DAY

export const VOLUNTEER_STATUSES = {
  pending: '待审核',
  verified: '已认证',
  rejected: '未通过',
} as const
export type VolunteerStatus = keyof typeof VOLUNTEER_STATUSES

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

export interface Availability {
  weekdays: Weekday[]
  times: TimeOfDay[]
}

/** One registration per user (_id = the user's id). Real name and phone only with consent. */
export interface VolunteerRecord {
  _id: string
  displayName: string
  kind: VolunteerKind
  districtId: string
  streetId: string
  communityId: string
  skills: VolunteerSkill[]
  availability: Availability
  realName: string
  phone: string
  consentAt: Date
  status: VolunteerStatus
  review?: { by: string; at: Date; reason?: string }
  /** The code staff type in to check this volunteer in and out. */
  checkinCode: string
  teamIds: string[]
  createdAt: Date
  updatedAt: Date
}

/** An organization's volunteer team (志愿服务队). */
export interface VolunteerTeam {
  _id: string
  orgId: string
  orgName: string
  name: string
  createdBy: string
  createdAt: Date
}

/** Who runs a shift: an organization (for its members) or a community (for its workers). */
export type Organizer =
  { kind: 'org'; id: string; name: string } | { kind: 'community'; id: string; name: string }

/** A volunteer shift (岗位/班次); it is the capacity module's place (capacity, taken). */
export interface Shift {
  _id: string
  organizer: Organizer
  districtId: string
  communityId: string
  communityName: string
  title: string
  description: string
  /** Local (Asia/Shanghai) date and times: YYYY-MM-DD, HH:mm. */
  date: string
  start: string
  end: string
  place: string
  capacity: number
  taken: number
  requiredSkills: VolunteerSkill[]
  /** An event, stall or project this shift serves. */
  linkedId?: string
  /** Volunteers type it in to check themselves in and out. */
  checkinCode: string
  status: 'open' | 'cancelled'
  createdBy: string
  createdAt: Date
}

/** A volunteer's sign-up for a shift (the capacity module's reservation) and its attendance. */
export interface ShiftSignup extends Reservation {
  volunteerName: string
  checkInAt?: Date
  checkOutAt?: Date
}

/**
 * A line of the hours ledger. Lines are only ever added: a correction is a new line with the
 * opposite minutes that names the line it reverses.
 */
export interface HoursEntry {
  _id: string
  volunteerId: string
  volunteerName: string
  minutes: number
  source: 'checkin' | 'admin'
  organizer: Organizer
  shiftId?: string
  /** YYYY-MM-DD (Asia/Shanghai) of the service. */
  serviceDate: string
  /** Who recorded it: the staff who checked out, or the admin who added it. */
  recordedBy: string
  reason?: string
  reverses?: string
  createdAt: Date
}

const QUARTER_HOUR_MS = 15 * 60_000
/** How far outside its scheduled window a shift's attendance still counts. */
export const ATTENDANCE_GRACE_MS = 30 * 60_000

export function shiftWindow(shift: Pick<Shift, 'date' | 'start' | 'end'>): {
  from: Date
  to: Date
} {
  return { from: chinaInstant(shift.date, shift.start), to: chinaInstant(shift.date, shift.end) }
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

/** Hours as people read them: 150 minutes → "2.5". */
export function formatHours(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100)
}
