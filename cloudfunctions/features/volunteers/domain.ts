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
  withdrawn: '已注销',
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
  /** The code staff type in (or scan) to check this volunteer in and out. */
  checkInCode: string
  teamIds: string[]
  createdAt: Date
  updatedAt: Date
}

/** An organization's volunteer team (志愿服务队), e.g. 妇女维权志愿小分队. */
export interface VolunteerTeam {
  _id: string
  orgId: string
  orgName: string
  name: string
  description?: string
  createdBy: string
  createdAt: Date
}

export const TEAM_MEMBERSHIP_STATUSES = {
  pending: '待审批',
  approved: '已加入',
  rejected: '未通过',
} as const
export type TeamMembershipStatus = keyof typeof TEAM_MEMBERSHIP_STATUSES

/** A volunteer's request to join a team, approved by the team's organization (`<team>:<user>`). */
export interface TeamMembership {
  _id: string
  teamId: string
  userId: string
  status: TeamMembershipStatus
  requestedAt: Date
  decidedBy?: string
  decidedAt?: Date
  reason?: string
}

export function teamMembershipIdOf(teamId: string, userId: string): string {
  return `${teamId}:${userId}`
}

/** Who runs a shift or credits hours: an organization (its members) or a community (its workers). */
export type Organizer =
  { kind: 'org'; id: string; name: string } | { kind: 'community'; id: string; name: string }

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
  /** The team whose shift it was: a team's hours are the sum of its lines. */
  teamId?: string
  /** YYYY-MM-DD (China time) of the service. */
  serviceDate: string
  /** Who recorded it: the staff who checked out, or the admin who added it. */
  recordedBy: string
  reason?: string
  reverses?: string
  createdAt: Date
}

/** What a certificate of hours states; its id is the verification code printed on it. */
export interface CertificateRecord {
  _id: string
  volunteerId: string
  volunteerName: string
  organizerName: string
  minutes: number
  period: { from: string; to: string }
  issuedAt: Date
  /** The certificate as a PDF in cloud storage, once made. */
  fileId?: string
}

/** The hours ledger line a shift's check-out records; one per volunteer and shift. */
export function checkoutEntryIdOf(shiftId: string, volunteerId: string): string {
  return `checkin-${shiftId}-${volunteerId}`
}

/** A ledger line may carry at most a day; so may all of a volunteer's lines of one date. */
export const MAX_MINUTES_PER_DAY = 24 * 60

/** Hours as people read them: 150 minutes → "2.5". */
export function formatHours(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100)
}
