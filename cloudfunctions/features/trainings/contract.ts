import { z } from 'zod'
import { keysOf } from '../../shared/categories'
import type { Endpoints } from '../../shared/endpoints'
import {
  calendarDate,
  clockTime,
  oneOf,
  recordId,
  text,
  wholeNumber,
} from '../../shared/validation'
import { TRAINING_TOPICS, type TrainingTopic } from './domain'

export const trainingsInputs = {
  publish: z
    .object({
      hostOrgId: recordId('主办组织'),
      title: text('培训名称', { min: 2, max: 40 }),
      topic: oneOf('培训类别', keysOf(TRAINING_TOPICS)),
      description: text('培训内容', { max: 300 }),
      date: calendarDate,
      start: clockTime('开始时间'),
      end: clockTime('结束时间'),
      place: text('地点', { max: 50 }),
      capacity: wholeNumber('名额', { min: 1, max: 1000 }),
    })
    .strict()
    .refine((training) => training.start < training.end, { message: '结束时间须晚于开始时间' }),
  list: z
    .object({
      when: oneOf('时间范围', ['upcoming', 'past'] as const).default('upcoming'),
      hostOrgId: recordId('主办组织').optional(),
    })
    .strict(),
  detail: z.object({ trainingId: recordId('培训') }).strict(),
  signUp: z
    .object({
      trainingId: recordId('培训'),
      /** The organization the trainee comes for, one of their own. */
      orgId: recordId('所在组织').optional(),
      joinWaitlist: z.boolean({ invalid_type_error: '候补选项无效' }).default(true),
    })
    .strict(),
  cancel: z.object({ trainingId: recordId('培训') }).strict(),
  mine: z.object({}).strict(),
  checkIn: z
    .object({
      trainingId: recordId('培训'),
      code: z
        .string({ required_error: '请输入签到码', invalid_type_error: '签到码格式不正确' })
        .trim()
        .regex(/^\d{6}$/, '签到码为 6 位数字'),
    })
    .strict(),
  attendance: z.object({ trainingId: recordId('培训') }).strict(),
  /** Sessions, people and organizations trained by a host, over all its trainings. */
  report: z.object({ hostOrgId: recordId('主办组织') }).strict(),
}

export interface TrainingSummaryView {
  id: string
  title: string
  topic: TrainingTopic
  hostOrgId: string
  hostOrgName: string
  date: string
  start: string
  end: string
  place: string
  capacity: number
  taken: number
  waiting: number
  /** A session held before the product: its head count from the paper sheet. */
  recordedAttendance?: number
}

export interface MyTrainingSignupView {
  status: 'booked' | 'waitlisted'
  waitlistPosition?: number
  orgName?: string
  /** Shown while booked and not yet used. */
  checkInCode?: string
  checkedIn: boolean
  canCancel: boolean
}

export interface TrainingDetailView extends TrainingSummaryView {
  description: string
  mySignup?: MyTrainingSignupView
  /** The organizations the caller may sign up for. */
  myOrganizations: { id: string; name: string }[]
  /** Check trainees in and see the attendance. */
  canManage: boolean
}

export interface MyTrainingView extends TrainingSummaryView {
  signup: MyTrainingSignupView
}

export interface AttendanceLineView {
  name: string
  orgName?: string
  status: 'booked' | 'waitlisted'
  checkedInAt?: string
}

export interface OrganizationAttendanceView {
  orgName: string
  signedUp: number
  attended: number
}

export interface TrainingAttendanceView {
  training: TrainingSummaryView
  people: AttendanceLineView[]
  organizations: OrganizationAttendanceView[]
  signedUp: number
  attended: number
}

export interface TrainingReportView {
  hostOrgName: string
  sessions: number
  /** 人次: check-ins over all sessions, and head counts of sessions held before the product. */
  attended: number
  /** Different people checked in at least once. */
  people: number
  organizations: OrganizationAttendanceView[]
  byTopic: { topic: TrainingTopic; sessions: number; attended: number }[]
}

export type TrainingsApi = Endpoints<
  typeof trainingsInputs,
  {
    publish: TrainingDetailView
    list: TrainingSummaryView[]
    detail: TrainingDetailView
    signUp: TrainingDetailView
    cancel: TrainingDetailView
    mine: MyTrainingView[]
    checkIn: { traineeName: string; orgName?: string }
    attendance: TrainingAttendanceView
    report: TrainingReportView
  }
>
