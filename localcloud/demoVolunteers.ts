import {
  creditedMinutes,
  type Shift,
  type ShiftSignup,
} from '../cloudfunctions/features/shifts/domain'
import type {
  HoursEntry,
  Organizer,
  VolunteerRecord,
} from '../cloudfunctions/features/volunteers/domain'
import { emptyLedger } from '../cloudfunctions/shared/capacity/ledger'
import { reservationIdOf } from '../cloudfunctions/shared/capacity/reservation'
import { addDays, chinaDateOf, chinaInstant } from '../cloudfunctions/shared/time'

// DOMAIN.md: a hospital-guide project (18,000+ shifts), party members on duty, student
// volunteers for a summer day-care class. Dates are relative to the first start.

const MAYI: Organizer = { kind: 'org', id: 'mayi', name: '蚂蚁力量儿童义工团' }
const DAHUA: Organizer = { kind: 'community', id: 'dahua', name: '大华社区' }

const CHEN: VolunteerRecord = {
  _id: 'demo-volunteer-chen',
  displayName: '陈同学',
  kind: 'student',
  districtId: 'jimo',
  streetId: 'beian',
  communityId: 'xinhui',
  skills: ['child_tutoring', 'hospital_guide', 'event_support'],
  availability: { weekdays: [6, 7], times: ['morning', 'afternoon'] },
  realName: '陈晓雨',
  phone: '13700001234',
  consentAt: new Date('2026-11-20T09:00:00+08:00'),
  status: 'verified',
  review: { by: 'demo-worker-dahua', at: new Date('2026-11-20T10:00:00+08:00') },
  checkInCode: 'CHEN88',
  teamIds: [],
  createdAt: new Date('2026-11-20T09:00:00+08:00'),
  updatedAt: new Date('2026-11-20T10:00:00+08:00'),
}

// 李师傅 registered in 即发阳光城社区, which has no community worker yet: his registration waits
// until the district appoints one (an invitation in the product).
const LI: VolunteerRecord = {
  _id: 'demo-resident-li',
  displayName: '李师傅',
  kind: 'merchant_owner',
  districtId: 'jimo',
  streetId: 'tongji',
  communityId: 'jifa-yangguangcheng',
  skills: ['repair', 'event_support'],
  availability: { weekdays: [6, 7], times: ['morning'] },
  realName: '李建军',
  phone: '13905321234',
  consentAt: new Date('2026-11-21T09:00:00+08:00'),
  status: 'pending',
  checkInCode: 'LIJJ66',
  teamIds: [],
  createdAt: new Date('2026-11-21T09:00:00+08:00'),
  updatedAt: new Date('2026-11-21T09:00:00+08:00'),
}

export function demoVolunteerData(now: Date) {
  const today = chinaDateOf(now)
  const shift = (
    _id: string,
    organizer: Organizer,
    communityId: string,
    communityName: string,
    {
      capacity,
      ...fields
    }: Pick<
      Shift,
      'title' | 'description' | 'start' | 'end' | 'place' | 'requiredSkills' | 'checkInCode'
    > & { capacity: number },
    inDays: number,
  ): Shift => ({
    _id,
    organizer,
    districtId: 'jimo',
    communityId,
    communityName,
    date: addDays(today, inDays),
    capacity: emptyLedger(capacity),
    status: 'open',
    createdBy: organizer.kind === 'org' ? 'demo-org-mayi' : 'demo-worker-dahua',
    createdAt: now,
    ...fields,
  })
  const guide = {
    title: '医院导诊',
    description: '在区人民医院门诊大厅引导患者取号、分诊、自助缴费，协助老人就医。',
    place: '即墨区人民医院门诊大厅',
    capacity: 6,
    requiredSkills: ['hospital_guide' as const],
  }
  const past = shift(
    'demo-shift-guide-past',
    MAYI,
    'gucheng',
    '古城社区',
    { ...guide, start: '08:00', end: '11:30', checkInCode: 'GUIDE0' },
    -7,
  )
  const signupId = reservationIdOf(past._id, CHEN._id)
  const shifts: Shift[] = [
    {
      ...past,
      capacity: {
        ...past.capacity,
        taken: 1,
        holders: [{ id: signupId, units: 1 }],
        rev: 1,
      },
    },
    shift(
      'demo-shift-guide-1',
      MAYI,
      'gucheng',
      '古城社区',
      { ...guide, start: '08:00', end: '11:30', checkInCode: 'GUIDE1' },
      2,
    ),
    shift(
      'demo-shift-guide-2',
      MAYI,
      'gucheng',
      '古城社区',
      { ...guide, start: '14:00', end: '17:00', checkInCode: 'GUIDE2' },
      3,
    ),
    shift(
      'demo-shift-party',
      DAHUA,
      'dahua',
      '大华社区',
      {
        title: '党员先锋岗·文明劝导',
        description: '在职党员到社区报到值守：小区出入口文明劝导、电动车规范停放。',
        start: '18:30',
        end: '20:30',
        place: '大华社区东门',
        capacity: 8,
        requiredSkills: [],
        checkInCode: 'PARTY1',
      },
      1,
    ),
    shift(
      'demo-shift-tutor',
      MAYI,
      'xinhui',
      '新惠社区',
      {
        title: '暑期公益托管班助教',
        description: '陪伴社区儿童完成作业，组织阅读和手工活动。',
        start: '09:00',
        end: '11:30',
        place: '新惠社区党群服务中心',
        capacity: 4,
        requiredSkills: ['child_tutoring'],
        checkInCode: 'TUTOR1',
      },
      4,
    ),
  ]
  const window = { from: chinaInstant(past.date, '07:55'), to: chinaInstant(past.date, '11:40') }
  const signup: ShiftSignup = {
    _id: signupId,
    placeId: past._id,
    scopeId: past._id,
    userId: CHEN._id,
    status: 'booked',
    mayWait: false,
    requestedAt: now,
    bookedAt: now,
    createdAt: now,
    volunteerName: CHEN.realName,
    checkInAt: window.from,
    checkOutAt: window.to,
  }
  const hours: HoursEntry = {
    _id: `checkin-${past._id}-${CHEN._id}`,
    volunteerId: CHEN._id,
    volunteerName: CHEN.realName,
    minutes: creditedMinutes(past, window.from, window.to),
    source: 'checkin',
    organizer: MAYI,
    shiftId: past._id,
    serviceDate: past.date,
    recordedBy: 'demo-org-mayi',
    createdAt: now,
  }
  return { volunteers: [CHEN, LI], shifts, signups: [signup], hours: [hours] }
}
