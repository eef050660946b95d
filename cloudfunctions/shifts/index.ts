import ExcelJS from 'exceljs'
import { cancelReservation, reserve } from '../shared/capacity/repository'
import { reservationIdOf, type CapacityKind } from '../shared/capacity'
import type { OutputsOf } from '../shared/contract/endpoints'
import {
  shiftsInputs,
  type AttendanceView,
  type ShiftView,
  type ShiftsApi,
} from '../shared/contract/shifts'
import { currentUser } from '../shared/caller'
import { randomCode } from '../shared/domain/codes'
import { maskName, maskPhone } from '../shared/domain/privacy'
import { isMemberOf, workerCommunityIds } from '../shared/domain/roles'
import type { UserRecord } from '../shared/domain/types'
import {
  ATTENDANCE_GRACE_MS,
  VOLUNTEER_SKILLS,
  creditedMinutes,
  fitScore,
  formatHours,
  hasRequiredSkills,
  shiftWindow,
  type HoursEntry,
  type Organizer,
  type Shift,
  type ShiftSignup,
  type VolunteerRecord,
} from '../shared/domain/volunteers'
import { chinaDateOf } from '../shared/domain/stalls'
import { AppError } from '../shared/errors'
import { defineFunction } from '../shared/handler'
import { recordAudit } from '../shared/repositories/auditLog'
import { COLLECTIONS } from '../shared/repositories/collections'
import { requireCommunity } from '../shared/repositories/directory'
import { requireOrganization } from '../shared/repositories/organizations'
import {
  appendHoursEntry,
  listHoursOfOrganizer,
  requireHoursEntry,
} from '../shared/repositories/volunteerHours'
import {
  findSignup,
  insertShift,
  listOpenShifts,
  listShiftsOfOrganizers,
  listSignupsOfShifts,
  markCheckedIn,
  markCheckedOut,
  requireShift,
} from '../shared/repositories/volunteerShifts'
import {
  findVolunteer,
  findVolunteerByCode,
  listVolunteers,
  requireVerifiedVolunteer,
  requireVolunteer,
} from '../shared/repositories/volunteers'

/** Shifts are the capacity module's places; sign-ups its reservations, one per volunteer and shift. */
const SHIFT_CAPACITY: CapacityKind = {
  places: COLLECTIONS.volunteerShifts,
  reservations: COLLECTIONS.volunteerSignups,
  promotionNotice: () => ({
    title: '志愿岗位候补成功',
    body: '您候补的志愿服务班次已有空位，已为您报名，请按时到岗签到。',
  }),
}

export const main = defineFunction<typeof shiftsInputs, OutputsOf<ShiftsApi>>(shiftsInputs, {
  async publish(input) {
    const user = await currentUser()
    const organizer = await requireOrganizerStaff(user, input.organizer)
    const community = await requireCommunity(input.communityId)
    if (input.date < chinaDateOf(new Date()))
      throw new AppError('INVALID_INPUT', '不能发布已过去日期的班次')
    const shift = await insertShift({
      organizer,
      districtId: community.districtId,
      communityId: community._id,
      communityName: community.name,
      title: input.title,
      description: input.description,
      date: input.date,
      start: input.start,
      end: input.end,
      place: input.place,
      capacity: input.capacity,
      taken: 0,
      requiredSkills: [...new Set(input.requiredSkills)],
      ...(input.linkedId ? { linkedId: input.linkedId } : {}),
      checkinCode: randomCode(),
      status: 'open',
      createdBy: user._id,
      createdAt: new Date(),
    })
    return toView(shift, user)
  },

  async recommended() {
    const user = await currentUser()
    const [shifts, volunteer] = await Promise.all([
      listOpenShifts(chinaDateOf(new Date())),
      findVolunteer(user._id),
    ])
    const ranked = volunteer
      ? shifts
          .map((shift, order) => ({ shift, order, score: fitScore(volunteer, shift) }))
          .sort((a, b) => b.score - a.score || a.order - b.order)
          .map(({ shift }) => shift)
      : shifts
    return ranked.map((shift) => toView(shift, user, undefined, volunteer))
  },

  async detail({ shiftId }) {
    const user = await currentUser()
    const shift = await requireShift(shiftId)
    const [signup, volunteer] = await Promise.all([
      findSignup(reservationIdOf(shift._id, user._id)),
      findVolunteer(user._id),
    ])
    return toView(shift, user, signup, volunteer)
  },

  async signUp({ shiftId, joinWaitlist }) {
    const user = await currentUser()
    const volunteer = await requireVerifiedVolunteer(user._id)
    const shift = await requireShift(shiftId)
    if (shift.status !== 'open' || shift.date < chinaDateOf(new Date())) {
      throw new AppError('CONFLICT', '该班次已结束或已取消')
    }
    if (!hasRequiredSkills(volunteer, shift)) {
      const missing = shift.requiredSkills.filter((skill) => !volunteer.skills.includes(skill))
      throw new AppError(
        'FORBIDDEN',
        `该岗位需要以下技能：${missing.map((skill) => VOLUNTEER_SKILLS[skill]).join('、')}`,
      )
    }
    const outcome = await reserve(SHIFT_CAPACITY, {
      placeId: shift._id,
      scopeId: shift._id,
      userId: user._id,
      joinWaitlist,
      details: { volunteerName: volunteer.realName },
    })
    if (outcome.kind === 'full') throw new AppError('CONFLICT', '该班次已满员')
    return toView(await requireShift(shiftId), user, outcome.reservation as ShiftSignup, volunteer)
  },

  async cancel({ shiftId }) {
    const user = await currentUser()
    const signup = await findSignup(reservationIdOf(shiftId, user._id))
    if (!signup || signup.status === 'cancelled')
      throw new AppError('NOT_FOUND', '您没有报名该班次')
    if (signup.checkInAt) throw new AppError('CONFLICT', '已签到的班次不能取消')
    await cancelReservation(SHIFT_CAPACITY, signup)
    return toView(await requireShift(shiftId), user)
  },

  async managed() {
    const user = await currentUser()
    const organizerIds = [
      ...user.roles.flatMap((role) => (role.kind === 'org_member' ? [role.orgId] : [])),
      ...workerCommunityIds(user),
    ]
    return (await listShiftsOfOrganizers(organizerIds)).map((shift) => toView(shift, user))
  },

  async roster({ shiftId }) {
    const user = await currentUser()
    const shift = await requireShiftStaff(user, shiftId)
    const signups = await listSignupsOfShifts([shift._id])
    const volunteers = new Map(
      (await listVolunteers(signups.map((signup) => signup.userId))).map((v) => [v._id, v]),
    )
    return {
      shift: toView(shift, user),
      lines: signups.flatMap((signup) => {
        if (signup.status === 'cancelled') return []
        const volunteer = volunteers.get(signup.userId)
        return [
          {
            volunteerId: signup.userId,
            volunteerName: maskName(signup.volunteerName),
            phone: volunteer ? maskPhone(volunteer.phone) : '',
            status: signup.status,
            ...attendanceTimes(signup),
            minutes: minutesOf(shift, signup),
          },
        ]
      }),
    }
  },

  async checkIn({ shiftId, volunteerCode, at }) {
    const user = await currentUser()
    const shift = await requireShiftStaff(user, shiftId)
    const volunteer = await volunteerWithCode(volunteerCode)
    return checkIn(shift, volunteer, at ? withinWindow(shift, new Date(at)) : new Date())
  },

  async checkOut({ shiftId, volunteerCode, at }) {
    const user = await currentUser()
    const shift = await requireShiftStaff(user, shiftId)
    const volunteer = await volunteerWithCode(volunteerCode)
    return checkOut(shift, volunteer, at ? withinWindow(shift, new Date(at)) : new Date(), user)
  },

  async selfCheckIn({ shiftId, shiftCode }) {
    const user = await currentUser()
    const shift = await shiftWithCode(shiftId, shiftCode)
    return checkIn(shift, await requireVolunteer(user._id), withinWindow(shift, new Date()))
  },

  async selfCheckOut({ shiftId, shiftCode }) {
    const user = await currentUser()
    const shift = await shiftWithCode(shiftId, shiftCode)
    return checkOut(shift, await requireVolunteer(user._id), withinWindow(shift, new Date()), user)
  },

  async addHours({ organizer: ref, volunteerId, serviceDate, minutes, reason }) {
    const user = await currentUser()
    const organizer = await requireOrganizerStaff(user, ref)
    const volunteer = await requireVolunteer(volunteerId)
    const entryId = `admin-${Date.now().toString(36)}${randomCode()}`
    await appendHoursEntry({
      _id: entryId,
      volunteerId,
      volunteerName: volunteer.realName,
      minutes,
      source: 'admin',
      organizer,
      serviceDate,
      recordedBy: user._id,
      reason,
      createdAt: new Date(),
    })
    return { entryId }
  },

  async reverseHours({ entryId, reason }) {
    const user = await currentUser()
    const entry = await requireHoursEntry(entryId)
    await requireOrganizerStaff(user, entry.organizer)
    if (entry.reverses) throw new AppError('CONFLICT', '冲正记录不能再次冲正')
    const reversalId = `reversal-${entry._id}`
    const added = await appendHoursEntry({
      _id: reversalId,
      volunteerId: entry.volunteerId,
      volunteerName: entry.volunteerName,
      minutes: -entry.minutes,
      source: 'admin',
      organizer: entry.organizer,
      ...(entry.shiftId ? { shiftId: entry.shiftId } : {}),
      serviceDate: entry.serviceDate,
      recordedBy: user._id,
      reason,
      reverses: entry._id,
      createdAt: new Date(),
    })
    if (!added) throw new AppError('CONFLICT', '该记录已冲正过')
    return { entryId: reversalId }
  },

  async exportHours({ organizer: ref }) {
    const user = await currentUser()
    const organizer = await requireOrganizerStaff(user, ref)
    const [shifts, entries] = await Promise.all([
      listShiftsOfOrganizers([organizer.id]),
      listHoursOfOrganizer(organizer.id),
    ])
    const signups = await listSignupsOfShifts(shifts.map((shift) => shift._id))
    const shiftById = new Map(shifts.map((shift) => [shift._id, shift]))
    const workbook = new ExcelJS.Workbook()
    const attendance = workbook.addWorksheet('报名与签到')
    attendance.addRow(['日期', '班次', '时间', '志愿者', '状态', '签到', '签退', '时长（小时）'])
    for (const signup of signups) {
      const shift = shiftById.get(signup.placeId)
      if (!shift || signup.status === 'cancelled') continue
      const times = attendanceTimes(signup)
      attendance.addRow([
        shift.date,
        shift.title,
        `${shift.start}-${shift.end}`,
        signup.volunteerName,
        signup.status === 'booked' ? '已报名' : '候补',
        times.checkInAt ?? '',
        times.checkOutAt ?? '',
        Number(formatHours(minutesOf(shift, signup))),
      ])
    }
    const perVolunteer = workbook.addWorksheet('志愿时长')
    perVolunteer.addRow(['志愿者', '时长（小时）', '记录条数'])
    const totals = new Map<string, { name: string; minutes: number; count: number }>()
    for (const entry of entries) {
      const total = totals.get(entry.volunteerId) ?? {
        name: entry.volunteerName,
        minutes: 0,
        count: 0,
      }
      total.minutes += entry.minutes
      total.count += 1
      totals.set(entry.volunteerId, total)
    }
    for (const total of [...totals.values()].sort((a, b) => b.minutes - a.minutes)) {
      perVolunteer.addRow([total.name, Number(formatHours(total.minutes)), total.count])
    }
    // The workbook carries volunteers' real names: a staff read of personal data, so audited.
    await recordAudit({
      actorId: user._id,
      action: 'shifts.exportHours',
      collection: COLLECTIONS.volunteerHours,
      targetId: organizer.id,
      detail: '导出志愿者姓名与服务时长',
    })
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
    return {
      fileName: `${organizer.name}-志愿服务时长-${chinaDateOf(new Date())}.xlsx`,
      base64: buffer.toString('base64'),
      rows: attendance.rowCount - 1,
    }
  },
})

function canManage(user: UserRecord, organizer: Pick<Organizer, 'kind' | 'id'>): boolean {
  return organizer.kind === 'org'
    ? isMemberOf(user, organizer.id)
    : workerCommunityIds(user).includes(organizer.id)
}

/** The organizer the caller acts for: a member of the organization, or a worker of the community. */
async function requireOrganizerStaff(
  user: UserRecord,
  ref: Pick<Organizer, 'kind' | 'id'>,
): Promise<Organizer> {
  const scope =
    ref.kind === 'org' ? await requireOrganization(ref.id) : await requireCommunity(ref.id)
  if (!canManage(user, ref)) {
    throw new AppError('FORBIDDEN', `您不是${scope.name}的工作人员，不能管理其志愿服务`)
  }
  return { kind: ref.kind, id: scope._id, name: scope.name }
}

async function requireShiftStaff(user: UserRecord, shiftId: string): Promise<Shift> {
  const shift = await requireShift(shiftId)
  await requireOrganizerStaff(user, shift.organizer)
  return shift
}

async function volunteerWithCode(code: string): Promise<VolunteerRecord> {
  const volunteer = await findVolunteerByCode(code)
  if (!volunteer) throw new AppError('NOT_FOUND', '签到码无效，请核对志愿者的签到码')
  return volunteer
}

async function shiftWithCode(shiftId: string, code: string): Promise<Shift> {
  const shift = await requireShift(shiftId)
  if (shift.checkinCode !== code) throw new AppError('FORBIDDEN', '班次签到码不正确')
  return shift
}

/** Check-in and check-out count only around the shift: its window widened by the grace period. */
function withinWindow(shift: Shift, at: Date): Date {
  const window = shiftWindow(shift)
  if (
    at.getTime() < window.from.getTime() - ATTENDANCE_GRACE_MS ||
    at.getTime() > window.to.getTime() + ATTENDANCE_GRACE_MS
  ) {
    throw new AppError('CONFLICT', '不在该班次的签到时间内（开始前 30 分钟至结束后 30 分钟）')
  }
  return at
}

async function bookedSignup(shift: Shift, volunteer: VolunteerRecord): Promise<ShiftSignup> {
  const signup = await findSignup(reservationIdOf(shift._id, volunteer._id))
  if (signup?.status !== 'booked') throw new AppError('NOT_FOUND', '该志愿者没有报名此班次')
  return signup
}

async function checkIn(
  shift: Shift,
  volunteer: VolunteerRecord,
  at: Date,
): Promise<AttendanceView> {
  const signup = await bookedSignup(shift, volunteer)
  if (!(await markCheckedIn(signup._id, at))) throw new AppError('CONFLICT', '该志愿者已签到')
  return { volunteerName: maskName(volunteer.realName), checkInAt: at.toISOString() }
}

/** Closes the attendance and books its hours; the ledger line's id makes a retry harmless. */
async function checkOut(
  shift: Shift,
  volunteer: VolunteerRecord,
  at: Date,
  recordedBy: UserRecord,
): Promise<AttendanceView> {
  const signup = await bookedSignup(shift, volunteer)
  if (!signup.checkInAt) throw new AppError('CONFLICT', '该志愿者尚未签到')
  if (at.getTime() < new Date(signup.checkInAt).getTime()) {
    throw new AppError('INVALID_INPUT', '签退时间不能早于签到时间')
  }
  if (!(await markCheckedOut(signup._id, at))) throw new AppError('CONFLICT', '该志愿者已签退')
  const minutes = creditedMinutes(shift, new Date(signup.checkInAt), at)
  const entry: HoursEntry = {
    _id: `checkin-${shift._id}-${volunteer._id}`,
    volunteerId: volunteer._id,
    volunteerName: volunteer.realName,
    minutes,
    source: 'checkin',
    organizer: shift.organizer,
    shiftId: shift._id,
    serviceDate: shift.date,
    recordedBy: recordedBy._id,
    createdAt: new Date(),
  }
  await appendHoursEntry(entry)
  return {
    volunteerName: maskName(volunteer.realName),
    checkInAt: new Date(signup.checkInAt).toISOString(),
    checkOutAt: at.toISOString(),
    minutes,
  }
}

function attendanceTimes(signup: ShiftSignup): { checkInAt?: string; checkOutAt?: string } {
  return {
    ...(signup.checkInAt ? { checkInAt: new Date(signup.checkInAt).toISOString() } : {}),
    ...(signup.checkOutAt ? { checkOutAt: new Date(signup.checkOutAt).toISOString() } : {}),
  }
}

function minutesOf(shift: Shift, signup: ShiftSignup): number {
  return signup.checkInAt && signup.checkOutAt
    ? creditedMinutes(shift, new Date(signup.checkInAt), new Date(signup.checkOutAt))
    : 0
}

function toView(
  shift: Shift,
  user: UserRecord,
  signup?: ShiftSignup,
  volunteer?: VolunteerRecord,
): ShiftView {
  const manages = canManage(user, shift.organizer)
  const active = signup && signup.status !== 'cancelled' ? signup : undefined
  return {
    id: shift._id,
    title: shift.title,
    description: shift.description,
    organizerKind: shift.organizer.kind,
    organizerId: shift.organizer.id,
    organizerName: shift.organizer.name,
    communityId: shift.communityId,
    communityName: shift.communityName,
    date: shift.date,
    start: shift.start,
    end: shift.end,
    place: shift.place,
    capacity: shift.capacity,
    taken: shift.taken,
    requiredSkills: shift.requiredSkills,
    ...(shift.linkedId ? { linkedId: shift.linkedId } : {}),
    ...(manages ? { checkinCode: shift.checkinCode } : {}),
    canManage: manages,
    ...(active && active.status !== 'cancelled'
      ? {
          mySignup: {
            status: active.status,
            checkedIn: Boolean(active.checkInAt),
            checkedOut: Boolean(active.checkOutAt),
          },
        }
      : {}),
    ...(volunteer ? { skillsMatch: hasRequiredSkills(volunteer, shift) } : {}),
  }
}
