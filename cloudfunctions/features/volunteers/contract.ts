import { z } from 'zod'
import { keysOf } from '../../shared/categories'
import type { Endpoints } from '../../shared/endpoints'
import type { CodeImageView } from '../../shared/scenes'
import type { FileView } from '../../shared/storage'
import { mobilePhone, oneOf, recordId, text } from '../../shared/validation'
import {
  TIMES_OF_DAY,
  VOLUNTEER_KINDS,
  VOLUNTEER_SKILLS,
  VOLUNTEER_STATUSES,
  type Availability,
  type TeamMembershipStatus,
  type VolunteerKind,
  type VolunteerSkill,
  type VolunteerStatus,
} from './domain'

export const skillList = z
  .array(oneOf('技能', keysOf(VOLUNTEER_SKILLS)), { invalid_type_error: '技能格式不正确' })
  .max(keysOf(VOLUNTEER_SKILLS).length, '技能选择过多')

const yearNumber = z
  .number({ required_error: '请选择年份', invalid_type_error: '年份无效' })
  .int('年份无效')
  .min(2000, '年份无效')
  .max(2100, '年份无效')

export const volunteersInputs = {
  register: z
    .object({
      kind: oneOf('志愿者类型', keysOf(VOLUNTEER_KINDS)),
      communityId: recordId('社区'),
      skills: skillList.min(1, '请至少选择一项技能'),
      availability: z
        .object({
          weekdays: z
            .array(z.number().int().min(1).max(7), { invalid_type_error: '服务时间格式不正确' })
            .min(1, '请选择可服务的日子')
            .max(7, '服务时间格式不正确'),
          times: z
            .array(oneOf('服务时段', keysOf(TIMES_OF_DAY)))
            .min(1, '请选择可服务的时段')
            .max(3, '服务时间格式不正确'),
        })
        .strict(),
      realName: text('真实姓名', { min: 2, max: 20 }),
      phone: mobilePhone('手机号'),
      consent: z.literal(true, {
        errorMap: () => ({ message: '请阅读并同意个人信息收集说明' }),
      }),
    })
    .strict(),
  me: z.object({}).strict(),
  listCommunity: z
    .object({
      communityId: recordId('社区'),
      status: oneOf('状态', keysOf(VOLUNTEER_STATUSES)).optional(),
    })
    .strict(),
  revealContact: z.object({ volunteerId: recordId('志愿者') }).strict(),
  review: z
    .object({
      volunteerId: recordId('志愿者'),
      decision: oneOf('审核结果', ['verified', 'rejected'] as const),
      reason: text('原因', { max: 100 }).optional(),
    })
    .strict(),
  createTeam: z
    .object({
      orgId: recordId('组织'),
      name: text('队伍名称', { min: 2, max: 30 }),
      description: text('队伍简介', { max: 100 }).optional(),
    })
    .strict(),
  listTeams: z.object({ orgId: recordId('组织').optional() }).strict(),
  /** Asks to join; the team's organization approves. */
  joinTeam: z.object({ teamId: recordId('志愿服务队') }).strict(),
  team: z.object({ teamId: recordId('志愿服务队') }).strict(),
  reviewTeamRequest: z
    .object({
      teamId: recordId('志愿服务队'),
      userId: recordId('志愿者'),
      decision: oneOf('审批结果', ['approved', 'rejected'] as const),
      reason: text('原因', { max: 100 }).optional(),
    })
    .strict(),
  myService: z.object({}).strict(),
  /** The volunteer's own code, which staff scan to check them in. */
  myCode: z.object({}).strict(),
  certificate: z.object({ organizerId: recordId('组织'), year: yearNumber }).strict(),
  verifyCertificate: z
    .object({ code: z.string().regex(/^[A-F0-9]{12}$/, '验证码格式不正确') })
    .strict(),
}

export interface VolunteerProfileView {
  id: string
  kind: VolunteerKind
  communityId: string
  communityName: string
  skills: VolunteerSkill[]
  availability: Availability
  /** The owner sees their own; staff see it masked unless revealed (which is audited). */
  realName: string
  phone: string
  status: VolunteerStatus
  reviewReason?: string
  /** Only for the volunteer: what staff type in (or scan) to check them in. */
  checkInCode?: string
  teams: { id: string; name: string; orgName: string }[]
  consentAt: string
}

export interface VolunteerTeamView {
  id: string
  orgId: string
  orgName: string
  name: string
  description?: string
  /** The caller's request or membership, if any. */
  myStatus?: TeamMembershipStatus
  /** The caller belongs to the team's organization: approves requests, publishes its shifts. */
  canManage: boolean
}

export interface TeamMemberView {
  userId: string
  /** Masked unless it is the caller. */
  name: string
  status: TeamMembershipStatus
  requestedAt: string
}

export interface TeamShiftView {
  id: string
  title: string
  date: string
  start: string
  end: string
  taken: number
  capacity: number
}

export interface TeamDetailView extends VolunteerTeamView {
  members: TeamMemberView[]
  /** Requests waiting for approval, for those who manage the team. */
  requests: TeamMemberView[]
  shifts: TeamShiftView[]
  /** Σ of the hours lines of the team's shifts. */
  totalMinutes: number
}

export interface OrganizerHours {
  organizerId: string
  organizerName: string
  minutes: number
}

export interface HoursEntryView {
  id: string
  minutes: number
  source: 'checkin' | 'admin'
  organizerName: string
  serviceDate: string
  shiftTitle?: string
  reason?: string
  reverses?: string
}

export interface MyShiftView {
  shiftId: string
  title: string
  date: string
  start: string
  end: string
  place: string
  organizerName: string
  status: 'booked' | 'waitlisted'
  checkedIn: boolean
  checkedOut: boolean
}

export interface MyServiceView {
  shifts: MyShiftView[]
  totalMinutes: number
  byYear: { year: number; minutes: number }[]
  /** canCertify: a certificate is offered only for hours there are (none for 0 minutes). */
  byOrganizer: (OrganizerHours & { year: number; canCertify: boolean })[]
  entries: HoursEntryView[]
}

export interface CertificateView extends FileView {
  code: string
  minutes: number
  organizerName: string
  period: { from: string; to: string }
}

export interface CertificateCheckView {
  volunteerName: string
  organizerName: string
  hours: string
  period: { from: string; to: string }
  issuedAt: string
}

export type VolunteersApi = Endpoints<
  typeof volunteersInputs,
  {
    register: VolunteerProfileView
    me: VolunteerProfileView | null
    listCommunity: VolunteerProfileView[]
    revealContact: { realName: string; phone: string }
    review: VolunteerProfileView
    createTeam: VolunteerTeamView
    listTeams: VolunteerTeamView[]
    joinTeam: VolunteerTeamView
    team: TeamDetailView
    reviewTeamRequest: TeamDetailView
    myService: MyServiceView
    myCode: CodeImageView
    certificate: CertificateView
    verifyCertificate: CertificateCheckView
  }
>
