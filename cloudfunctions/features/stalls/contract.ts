import { z } from 'zod'
import type { Endpoints } from '../../shared/endpoints'
import type { CodeImageView } from '../../shared/scenes'
import { calendarDate, clockTime, recordId, text, stars } from '../../shared/validation'

/** Booking ids join the item and the resident (`<event>-<item>:<openid>`). */
const bookingId = z
  .string({ required_error: '请选择预约', invalid_type_error: '预约无效' })
  .regex(/^[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_-]{1,64}$/, '预约无效')

const serviceItem = z
  .object({
    name: text('服务项目名称', { max: 20 }),
    startTime: clockTime('开始时间'),
    endTime: clockTime('结束时间'),
    slotMinutes: z
      .number({ invalid_type_error: '每个时段的时长无效' })
      .int('每个时段的时长无效')
      .min(5, '每个时段至少 5 分钟')
      .max(240, '每个时段最多 240 分钟'),
    capacityPerSlot: z
      .number({ invalid_type_error: '每个时段的名额无效' })
      .int('每个时段的名额无效')
      .min(1, '每个时段至少 1 个名额')
      .max(500, '每个时段最多 500 个名额'),
  })
  .strict()
  .refine((item) => item.startTime < item.endTime, '结束时间须晚于开始时间')

export const stallsInputs = {
  publish: z
    .object({
      title: text('活动名称', { min: 2, max: 40 }),
      place: text('活动地点', { min: 2, max: 60 }),
      communityId: recordId('社区'),
      orgId: recordId('组织').optional(),
      date: calendarDate,
      /** 1 = a single day; n = the same day for n weeks in a row (每周举办). */
      weeks: z
        .number({ invalid_type_error: '重复周数无效' })
        .int('重复周数无效')
        .min(1, '重复周数无效')
        .max(12, '最多连续 12 周')
        .default(1),
      items: z
        .array(serviceItem, { invalid_type_error: '请添加服务项目' })
        .min(1, '请至少添加一个服务项目')
        .max(20, '最多 20 个服务项目'),
    })
    .strict(),
  list: z
    .object({
      communityId: recordId('社区').optional(),
      date: calendarDate.optional(),
      itemName: text('服务项目', { max: 20 }).optional(),
    })
    .strict(),
  detail: z.object({ eventId: recordId('活动') }).strict(),
  book: z
    .object({
      slotId: recordId('时段'),
      /** When the slot is full: join its waitlist (true) or be told it is full (false). */
      joinWaitlist: z.boolean({ invalid_type_error: '候补选项无效' }).default(false),
    })
    .strict(),
  myBookings: z.object({}).strict(),
  cancel: z.object({ bookingId }).strict(),
  checkIn: z
    .object({
      eventId: recordId('活动'),
      code: z
        .string({ required_error: '请输入签到码', invalid_type_error: '签到码格式不正确' })
        .trim()
        .regex(/^\d{6}$/, '签到码为 6 位数字'),
    })
    .strict(),
  /** The event's check-in code, posted at the stall for residents to scan. */
  checkInCode: z.object({ eventId: recordId('活动') }).strict(),
  /** A resident checks in by scanning the event's code (its key proves they are there). */
  selfCheckIn: z
    .object({
      eventId: recordId('活动'),
      key: z
        .string({ required_error: '请扫描活动现场的签到码', invalid_type_error: '签到码无效' })
        .regex(/^[A-Z0-9]{6}$/, '签到码无效，请扫描活动现场的签到码'),
    })
    .strict(),
  markNoShows: z.object({ eventId: recordId('活动') }).strict(),
  rate: z
    .object({
      bookingId,
      rating: stars('评分'),
      comment: text('评价', { max: 200 }).optional(),
    })
    .strict(),
  stats: z.object({ eventId: recordId('活动') }).strict(),
}

export type BookingStatus = 'booked' | 'waitlisted' | 'cancelled'

export interface SlotView {
  id: string
  startTime: string
  endTime: string
  capacity: number
  remaining: number
}

export interface ServiceItemView {
  id: string
  name: string
  startTime: string
  endTime: string
  capacity: number
  remaining: number
}

export interface StallEventSummary {
  id: string
  title: string
  place: string
  date: string
  communityId: string
  communityName: string
  organizerName: string
  items: ServiceItemView[]
}

export interface BookingView {
  id: string
  eventId: string
  /** The slot it holds or waits for: the event page marks it. */
  slotId: string
  eventTitle: string
  place: string
  date: string
  itemName: string
  startTime: string
  endTime: string
  status: BookingStatus
  /** 1 = next in line; only while waitlisted. */
  waitlistPosition?: number
  /** Shown to its resident only while booked and not yet used. */
  checkInCode?: string
  checkedIn: boolean
  noShow: boolean
  rating?: number
  comment?: string
  /** Cancelling is possible until this moment (2 hours before the slot). */
  cancelDeadline: string
  canCancel: boolean
  canRate: boolean
}

export interface StallEventDetail extends StallEventSummary {
  itemsWithSlots: (ServiceItemView & { slots: SlotView[] })[]
  myBookings: BookingView[]
  /** The caller may check residents in and see the stats. */
  canManage: boolean
}

export interface CheckInView {
  bookingId: string
  residentName: string
  itemName: string
  startTime: string
  endTime: string
}

export interface StallStatsView {
  eventId: string
  title: string
  date: string
  /** 人次: residents checked in. */
  served: number
  booked: number
  waitlisted: number
  noShows: number
  ratings: number
  averageRating: number | null
  items: { name: string; served: number; booked: number; averageRating: number | null }[]
}

export type StallsApi = Endpoints<
  typeof stallsInputs,
  {
    publish: { eventIds: string[] }
    list: StallEventSummary[]
    detail: StallEventDetail
    book: BookingView
    myBookings: BookingView[]
    cancel: BookingView
    checkIn: CheckInView
    checkInCode: CodeImageView
    selfCheckIn: CheckInView
    markNoShows: { marked: number }
    rate: BookingView
    stats: StallStatsView
  }
>
