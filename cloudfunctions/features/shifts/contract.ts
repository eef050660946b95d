import { z } from 'zod'
import type { Endpoints } from '../../shared/endpoints'
import type { CodeImageView } from '../../shared/scenes'
import type { FileView } from '../../shared/storage'
import {
  calendarDate,
  clockTime,
  oneOf,
  recordId,
  text,
  wholeNumber,
} from '../../shared/validation'
import { skillList } from '../volunteers/contract'
import type { Organizer, VolunteerSkill } from '../volunteers/domain'

const organizerRef = z
  .object({ kind: oneOf('发布方类型', ['org', 'community'] as const), id: recordId('发布方') })
  .strict()
const code = (label: string) =>
  z
    .string({ required_error: `请输入${label}`, invalid_type_error: `${label}格式不正确` })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{6}$/, `${label}为 6 位字母或数字`)
/** A time staff enter from the paper sign-in sheet (ISO 8601); otherwise the server's clock. */
const enteredTime = z
  .string({ invalid_type_error: '时间格式不正确' })
  .datetime({ offset: true, message: '时间格式不正确' })
  .optional()

export const shiftsInputs = {
  publish: z
    .object({
      organizer: organizerRef,
      communityId: recordId('服务社区'),
      title: text('岗位名称', { min: 2, max: 30 }),
      description: text('岗位说明', { max: 300 }),
      date: calendarDate,
      start: clockTime('开始时间'),
      end: clockTime('结束时间'),
      place: text('地点', { max: 50 }),
      capacity: wholeNumber('招募人数', { min: 1, max: 500 }),
      requiredSkills: skillList,
      linkedId: recordId('关联活动').optional(),
      /** A team's shift: only the team's approved members sign up, its hours count for the team. */
      teamId: recordId('志愿服务队').optional(),
    })
    .strict()
    .refine((shift) => shift.start < shift.end, { message: '结束时间须晚于开始时间' }),
  recommended: z.object({}).strict(),
  detail: z.object({ shiftId: recordId('班次') }).strict(),
  signUp: z.object({ shiftId: recordId('班次'), joinWaitlist: z.boolean().default(true) }).strict(),
  cancel: z.object({ shiftId: recordId('班次') }).strict(),
  managed: z.object({}).strict(),
  roster: z.object({ shiftId: recordId('班次') }).strict(),
  /** The shift's check-in code, shown where it runs for volunteers to scan. */
  checkInCode: z.object({ shiftId: recordId('班次') }).strict(),
  checkIn: z
    .object({ shiftId: recordId('班次'), volunteerCode: code('志愿者签到码'), at: enteredTime })
    .strict(),
  checkOut: z
    .object({ shiftId: recordId('班次'), volunteerCode: code('志愿者签到码'), at: enteredTime })
    .strict(),
  selfCheckIn: z.object({ shiftId: recordId('班次'), shiftCode: code('班次签到码') }).strict(),
  selfCheckOut: z.object({ shiftId: recordId('班次'), shiftCode: code('班次签到码') }).strict(),
  /**
   * A line added by hand: for a shift the volunteer was signed up for (by its organizer), or for
   * service to an organization whose team the volunteer is in (by that organization's admin).
   */
  addHours: z
    .object({
      volunteerId: recordId('志愿者'),
      shiftId: recordId('班次').optional(),
      orgId: recordId('组织').optional(),
      /** For service outside a shift; a shift's line is dated on the shift's day. */
      serviceDate: calendarDate.optional(),
      minutes: z
        .number({ required_error: '请填写时长', invalid_type_error: '时长无效' })
        .int('时长须为整数分钟')
        .min(15, '时长至少 15 分钟')
        .max(24 * 60, '单条时长不能超过一天（24 小时）'),
      reason: text('原因', { min: 2, max: 100 }),
    })
    .strict()
    .superRefine((input, context) => {
      if (Boolean(input.shiftId) === Boolean(input.orgId)) {
        context.addIssue({ code: 'custom', message: '请选择补记时长的班次或组织（二选一）' })
      } else if (input.orgId && !input.serviceDate) {
        context.addIssue({ code: 'custom', message: '请选择服务日期' })
      }
    }),
  reverseHours: z
    .object({ entryId: recordId('时长记录'), reason: text('原因', { min: 2, max: 100 }) })
    .strict(),
  exportHours: z
    .object({
      organizer: organizerRef,
      /** Real names in the workbook: an explicit reveal, audited as such; masked otherwise. */
      reveal: z.boolean({ invalid_type_error: '导出选项无效' }).default(false),
    })
    .strict(),
}

export interface ShiftView {
  id: string
  title: string
  description: string
  organizerKind: Organizer['kind']
  organizerId: string
  organizerName: string
  communityId: string
  communityName: string
  date: string
  start: string
  end: string
  place: string
  capacity: number
  /** Places held; the rest are open unless people wait. */
  taken: number
  waiting: number
  requiredSkills: VolunteerSkill[]
  linkedId?: string
  teamId?: string
  teamName?: string
  /** Set when the caller may run the shift (check-in, roster). */
  checkInCode?: string
  canManage: boolean
  /** The caller's sign-up, if any; `waitlistPosition` 1 = next in line. */
  mySignup?: {
    status: 'booked' | 'waitlisted'
    waitlistPosition?: number
    checkedIn: boolean
    checkedOut: boolean
  }
  /** For recommendations: whether the caller has the skills it requires. */
  skillsMatch?: boolean
}

export interface RosterLine {
  volunteerId: string
  volunteerName: string
  phone: string
  status: 'booked' | 'waitlisted'
  checkInAt?: string
  checkOutAt?: string
  minutes: number
}

export interface RosterView {
  shift: ShiftView
  lines: RosterLine[]
}

export interface AttendanceView {
  volunteerName: string
  checkInAt?: string
  checkOutAt?: string
  /** Credited minutes, once checked out. */
  minutes?: number
}

export type ShiftsApi = Endpoints<
  typeof shiftsInputs,
  {
    publish: ShiftView
    recommended: ShiftView[]
    detail: ShiftView
    signUp: ShiftView
    cancel: ShiftView
    managed: ShiftView[]
    roster: RosterView
    checkInCode: CodeImageView
    checkIn: AttendanceView
    checkOut: AttendanceView
    selfCheckIn: AttendanceView
    selfCheckOut: AttendanceView
    addHours: { entryId: string }
    reverseHours: { entryId: string }
    exportHours: FileView & { rows: number }
  }
>
