import { randomCode } from '../../shared/codes'
import { recordAudit, recordAuditIn } from '../../shared/audit'
import { inBatches } from '../../shared/batches'
import { emptyLedger } from '../../shared/capacity/ledger'
import { cancelReservation, reserve, settle, settleAll } from '../../shared/capacity/reservations'
import { reservationIdOf } from '../../shared/capacity/reservation'
import type { Caller } from '../../shared/caller'
import { requireSafeText } from '../../shared/contentSecurity'
import { COLLECTIONS, command, transaction } from '../../shared/db'
import type { OutputsOf } from '../../shared/endpoints'
import { AppError } from '../../shared/errors'
import { defineService } from '../../shared/handler'
import { miniProgramCode } from '../../shared/miniProgramCodes'
import { DAY_BEFORE_REMINDER_HOUR, remindOnce } from '../../shared/notifications'
import { maskName, maskPhone } from '../../shared/privacy'
import { isOrgAdmin, memberOrganizationIds, workerCommunityIds } from '../../shared/roles'
import { storeFile, temporaryUrl } from '../../shared/storage'
import { addDays, chinaDateOf, chinaHourOf } from '../../shared/time'
import { requireCommunity } from '../directory/service'
import { requireOrganization } from '../organizations/service'
import {
  MAX_MINUTES_PER_DAY,
  VOLUNTEER_SKILLS,
  checkoutEntryIdOf,
  formatHours,
  type HoursEntry,
  type Organizer,
  type VolunteerRecord,
} from '../volunteers/domain'
import {
  appendHoursEntry,
  appendHoursEntryIn,
  findHoursEntry,
  findVolunteer,
  findVolunteerByCode,
  findVolunteers,
  listHoursOfOrganizer,
  listHoursOfVolunteer,
  listTeams,
} from '../volunteers/repository'
import { requireVerifiedVolunteer, requireVolunteer } from '../volunteers/access'
import { isApprovedTeamMember, requireTeam } from '../volunteers/service'
import { shiftsInputs, type AttendanceView, type ShiftsApi } from './contract'
import {
  SHIFT_SIGNUPS,
  creditedMinutes,
  fitScore,
  hasRequiredSkills,
  isWithinAttendanceWindow,
  shiftReminderOf,
  type Shift,
  type ShiftSignup,
} from './domain'
import { hoursWorkbook } from './hoursExport'
import {
  findShift,
  findSignup,
  insertShift,
  listOpenShifts,
  listOpenShiftsOn,
  listShiftsOfOrganizers,
  listSignupsOfShifts,
  markCheckedIn,
  readSignupIn,
  updateSignupIn,
} from './repository'
import { attendanceTimes, attendedMinutes, managesFor, toShiftView } from './views'

export const shiftsService = defineService<typeof shiftsInputs, OutputsOf<ShiftsApi>>(
  shiftsInputs,
  {
    async publish(input, caller) {
      const organizer = await requireOrganizerStaff(caller, input.organizer)
      const community = await requireCommunity(input.communityId)
      if (input.date < chinaDateOf(new Date())) {
        throw new AppError('INVALID_INPUT', '不能发布已过去日期的班次')
      }
      const team = input.teamId ? await requireTeam(input.teamId) : undefined
      if (team && (organizer.kind !== 'org' || team.orgId !== organizer.id)) {
        throw new AppError('FORBIDDEN', '只能为本组织的志愿服务队发布班次')
      }
      await requireSafeText(caller._id, 'profile', {
        岗位名称: input.title,
        岗位说明: input.description,
        地点: input.place,
      })
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
        capacity: emptyLedger(input.capacity),
        requiredSkills: [...new Set(input.requiredSkills)],
        ...(input.linkedId ? { linkedId: input.linkedId } : {}),
        ...(team ? { teamId: team._id, teamName: team.name } : {}),
        checkInCode: randomCode(),
        status: 'open',
        createdBy: caller._id,
        createdAt: new Date(),
      })
      return toShiftView(shift, caller)
    },

    async recommended(_input, caller) {
      const [shifts, volunteer] = await Promise.all([
        listOpenShifts(chinaDateOf(new Date())),
        findVolunteer(caller._id),
      ])
      const ranked = volunteer
        ? shifts
            .map((shift, order) => ({ shift, order, score: fitScore(volunteer, shift) }))
            .sort((a, b) => b.score - a.score || a.order - b.order)
            .map(({ shift }) => shift)
        : shifts
      return ranked.map((shift) => toShiftView(shift, caller, undefined, volunteer))
    },

    async detail({ shiftId }, caller) {
      const [signup, volunteer] = await Promise.all([
        ownSignup(shiftId, caller),
        findVolunteer(caller._id),
      ])
      return toShiftView(await requireShift(shiftId), caller, signup, volunteer)
    },

    async signUp({ shiftId, joinWaitlist }, caller) {
      const volunteer = await requireVerifiedVolunteer(caller._id)
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
      if (shift.teamId && !(await isApprovedTeamMember(shift.teamId, caller._id))) {
        throw new AppError('FORBIDDEN', `该班次仅限${shift.teamName ?? '本队'}成员报名`)
      }
      const outcome = await reserve(SHIFT_SIGNUPS, {
        placeId: shift._id,
        scopeId: shift._id,
        userId: caller._id,
        mayWait: joinWaitlist,
        details: { volunteerName: volunteer.realName },
      })
      if (outcome.kind === 'refused') throw new AppError('CONFLICT', '该班次已满员')
      return toShiftView(
        await requireShift(shiftId),
        caller,
        outcome.reservation as ShiftSignup,
        volunteer,
      )
    },

    async cancel({ shiftId }, caller) {
      const signup = await ownSignup(shiftId, caller)
      if (signup?.status !== 'booked' && signup?.status !== 'waitlisted') {
        throw new AppError('NOT_FOUND', '您没有报名该班次')
      }
      if (signup.checkInAt) throw new AppError('CONFLICT', '已签到的班次不能取消')
      // The same step refuses a sign-up checked in meanwhile.
      const unused = { checkInAt: command().exists(false) }
      if (!(await cancelReservation(SHIFT_SIGNUPS, signup._id, unused))) {
        if ((await findSignup(signup._id))?.checkInAt) {
          throw new AppError('CONFLICT', '已签到的班次不能取消')
        }
      }
      return toShiftView(await requireShift(shiftId), caller)
    },

    async managed(_input, caller) {
      const organizerIds = [...memberOrganizationIds(caller), ...workerCommunityIds(caller)]
      return (await listShiftsOfOrganizers(organizerIds)).map((shift) => toShiftView(shift, caller))
    },

    async roster({ shiftId }, caller) {
      const shift = await requireShiftStaff(caller, shiftId)
      const signups = await settleAll(SHIFT_SIGNUPS, await listSignupsOfShifts([shift._id]))
      const volunteers = new Map(
        (await findVolunteers(signups.map((signup) => signup.userId))).map((v) => [v._id, v]),
      )
      const current = await requireShift(shiftId)
      return {
        shift: toShiftView(current, caller),
        lines: signups.flatMap((signup) => {
          if (signup.status !== 'booked' && signup.status !== 'waitlisted') return []
          const volunteer = volunteers.get(signup.userId)
          return [
            {
              volunteerId: signup.userId,
              volunteerName: maskName(signup.volunteerName),
              phone: volunteer ? maskPhone(volunteer.phone) : '',
              status: signup.status,
              ...attendanceTimes(signup),
              minutes: attendedMinutes(current, signup),
            },
          ]
        }),
      }
    },

    async checkInCode({ shiftId }, caller) {
      const shift = await requireShiftStaff(caller, shiftId)
      const { scene, imageUrl } = await miniProgramCode({
        kind: 'shiftCheckIn',
        shiftId: shift._id,
        code: shift.checkInCode,
      })
      return { scene, imageUrl }
    },

    async checkIn({ shiftId, volunteerCode, at }, caller) {
      const shift = await requireShiftStaff(caller, shiftId)
      const volunteer = await volunteerWithCode(volunteerCode)
      refuseOwnEnteredTime(caller, volunteer, at)
      return checkIn(shift, volunteer, at ? attendanceTime(shift, new Date(at)) : new Date())
    },

    async checkOut({ shiftId, volunteerCode, at }, caller) {
      const shift = await requireShiftStaff(caller, shiftId)
      const volunteer = await volunteerWithCode(volunteerCode)
      refuseOwnEnteredTime(caller, volunteer, at)
      return checkOut(
        shift,
        volunteer,
        at ? attendanceTime(shift, new Date(at)) : new Date(),
        caller,
      )
    },

    async selfCheckIn({ shiftId, shiftCode }, caller) {
      const shift = await shiftWithCode(shiftId, shiftCode)
      return checkIn(shift, await requireVolunteer(caller._id), attendanceTime(shift, new Date()))
    },

    async selfCheckOut({ shiftId, shiftCode }, caller) {
      const shift = await shiftWithCode(shiftId, shiftCode)
      return checkOut(
        shift,
        await requireVolunteer(caller._id),
        attendanceTime(shift, new Date()),
        caller,
      )
    },

    async addHours({ volunteerId, shiftId, orgId, serviceDate, minutes, reason }, caller) {
      if (volunteerId === caller._id) {
        throw new AppError('FORBIDDEN', '不能为自己补记志愿时长')
      }
      const volunteer = await requireVolunteer(volunteerId)
      const credit = shiftId
        ? await shiftCredit(caller, shiftId, volunteer)
        : await organizationCredit(caller, orgId!, serviceDate!, volunteer)
      const entryId = `admin-${Date.now().toString(36)}${randomCode()}`
      await transaction(async (tx) => {
        // Every addition for the volunteer's day writes this document, so two at the same moment
        // conflict and the one run again counts the other's line before adding its own.
        const dayId = `${volunteerId}:${credit.serviceDate}`
        await tx.get(COLLECTIONS.volunteerDays, dayId)
        await tx.set(COLLECTIONS.volunteerDays, {
          _id: dayId,
          volunteerId,
          serviceDate: credit.serviceDate,
          updatedAt: new Date(),
        })
        const dayMinutes = (await listHoursOfVolunteer(volunteerId))
          .filter((entry) => entry.serviceDate === credit.serviceDate)
          .reduce((sum, entry) => sum + entry.minutes, 0)
        if (dayMinutes + minutes > MAX_MINUTES_PER_DAY) {
          throw new AppError(
            'CONFLICT',
            `该志愿者 ${credit.serviceDate} 已记 ${formatHours(dayMinutes)} 小时，一天合计不能超过 24 小时`,
          )
        }
        await appendHoursEntryIn(tx, {
          _id: entryId,
          volunteerId,
          volunteerName: volunteer.realName,
          minutes,
          source: 'admin',
          ...credit,
          recordedBy: caller._id,
          reason,
          createdAt: new Date(),
        })
        await recordAuditIn(tx, {
          actorId: caller._id,
          action: 'shifts.addHours',
          collection: COLLECTIONS.volunteerHours,
          targetId: volunteerId,
          detail: `补记 ${formatHours(minutes)} 小时：${reason}`,
          districtId: volunteer.districtId,
          streetId: volunteer.streetId,
        })
      })
      return { entryId }
    },

    async reverseHours({ entryId, reason }, caller) {
      const entry = await findHoursEntry(entryId)
      if (!entry) throw new AppError('NOT_FOUND', '该时长记录不存在')
      await requireOrganizerStaff(caller, entry.organizer)
      if (entry.volunteerId === caller._id) {
        throw new AppError('FORBIDDEN', '不能处理自己的志愿时长')
      }
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
        ...(entry.teamId ? { teamId: entry.teamId } : {}),
        serviceDate: entry.serviceDate,
        recordedBy: caller._id,
        reason,
        reverses: entry._id,
        createdAt: new Date(),
      })
      if (!added) throw new AppError('CONFLICT', '该记录已冲正过')
      return { entryId: reversalId }
    },

    async exportHours({ organizer: ref, reveal }, caller) {
      const organizer = await requireOrganizerStaff(caller, ref)
      const [shifts, entries, place] = await Promise.all([
        listShiftsOfOrganizers([organizer.id]),
        listHoursOfOrganizer(organizer.id),
        placeOfOrganizer(ref),
      ])
      const signups = await listSignupsOfShifts(shifts.map((shift) => shift._id))
      // Every export is audited; one with real names is an explicit reveal and says so.
      await recordAudit({
        actorId: caller._id,
        action: reveal ? 'shifts.exportHours.revealed' : 'shifts.exportHours',
        collection: COLLECTIONS.volunteerHours,
        targetId: organizer.id,
        detail: reveal ? '导出志愿者真实姓名与服务时长' : '导出服务时长（姓名已隐藏）',
        ...place,
      })
      const { fileName, content, rows } = await hoursWorkbook(
        organizer,
        shifts,
        signups,
        entries,
        reveal ? 'revealed' : 'masked',
      )
      // One file per organizer and kind, replaced by each export: nothing piles up in storage.
      const fileId = await storeFile(
        `exports/hours-${organizer.kind}-${organizer.id}${reveal ? '-named' : ''}.xlsx`,
        content,
      )
      return { fileName, url: await temporaryUrl(fileId), rows }
    },
  },
)

/** Sign-ups are reminded this many at a time. */
const REMINDER_BATCH = 20

/**
 * The shifts function's hourly timer: from the reminder hour on, every volunteer booked on one of
 * tomorrow's shifts is reminded once (in the app, and as a message where they subscribed).
 */
export async function shiftsOnTimer(): Promise<{ reminded: number }> {
  const now = new Date()
  if (chinaHourOf(now) < DAY_BEFORE_REMINDER_HOUR) return { reminded: 0 }
  const shifts = await listOpenShiftsOn(addDays(chinaDateOf(now), 1))
  const shiftById = new Map(shifts.map((shift) => [shift._id, shift]))
  const booked = (await listSignupsOfShifts([...shiftById.keys()])).filter(
    (signup) => signup.status === 'booked',
  )
  const sent = await inBatches(booked, REMINDER_BATCH, (signup) =>
    remindOnce(signup, shiftReminderOf(shiftById.get(signup.placeId)!)),
  )
  return { reminded: sent.filter(Boolean).length }
}

async function requireShift(id: string): Promise<Shift> {
  const shift = await findShift(id)
  if (!shift) throw new AppError('NOT_FOUND', '该班次不存在')
  return shift
}

/** The caller's own sign-up for the shift, with any unfinished step completed. */
async function ownSignup(shiftId: string, caller: Caller): Promise<ShiftSignup | undefined> {
  const signup = await findSignup(reservationIdOf(shiftId, caller._id))
  return signup && settle(SHIFT_SIGNUPS, signup)
}

/** The organizer the caller acts for: a member of the organization, or a worker of the community. */
async function requireOrganizerStaff(
  caller: Caller,
  ref: Pick<Organizer, 'kind' | 'id'>,
): Promise<Organizer> {
  const scope =
    ref.kind === 'org' ? await requireOrganization(ref.id) : await requireCommunity(ref.id)
  if (!managesFor(caller, ref)) {
    throw new AppError('FORBIDDEN', `您不是${scope.name}的工作人员，不能管理其志愿服务`)
  }
  return { kind: ref.kind, id: scope._id, name: scope.name }
}

async function requireShiftStaff(caller: Caller, shiftId: string): Promise<Shift> {
  const shift = await requireShift(shiftId)
  await requireOrganizerStaff(caller, shift.organizer)
  return shift
}

/** Staff enter times from the paper sheet for others; their own attendance runs on the clock. */
function refuseOwnEnteredTime(caller: Caller, volunteer: VolunteerRecord, at: string | undefined) {
  if (at && volunteer._id === caller._id) {
    throw new AppError('FORBIDDEN', '不能为自己补记签到签退时间，请用班次签到码自助签到')
  }
}

/** A line for a shift: by its organizer, for a volunteer who was signed up for it. */
async function shiftCredit(caller: Caller, shiftId: string, volunteer: VolunteerRecord) {
  const shift = await requireShiftStaff(caller, shiftId)
  const signup = await findSignup(reservationIdOf(shift._id, volunteer._id))
  if (signup?.status !== 'booked') {
    throw new AppError('FORBIDDEN', '该志愿者没有报名此班次，不能为其补记时长')
  }
  return {
    organizer: shift.organizer,
    shiftId: shift._id,
    ...(shift.teamId ? { teamId: shift.teamId } : {}),
    serviceDate: shift.date,
  }
}

/** A line outside a shift: by an admin of an organization whose team the volunteer is in. */
async function organizationCredit(
  caller: Caller,
  orgId: string,
  serviceDate: string,
  volunteer: VolunteerRecord,
) {
  const organization = await requireOrganization(orgId)
  if (!isOrgAdmin(caller, orgId)) {
    throw new AppError('FORBIDDEN', `只有${organization.name}的管理员可以补记本组织的志愿时长`)
  }
  const teams = await listTeams(orgId)
  if (!teams.some((team) => volunteer.teamIds.includes(team._id))) {
    throw new AppError('FORBIDDEN', `该志愿者不是${organization.name}志愿服务队的成员`)
  }
  if (serviceDate > chinaDateOf(new Date())) {
    throw new AppError('INVALID_INPUT', '服务日期不能晚于今天')
  }
  const organizer: Organizer = { kind: 'org', id: organization._id, name: organization.name }
  return { organizer, serviceDate }
}

/** The district (and street) an organizer belongs to, for its audit lines. */
async function placeOfOrganizer(ref: Pick<Organizer, 'kind' | 'id'>) {
  if (ref.kind === 'org') {
    const organization = await requireOrganization(ref.id)
    return {
      districtId: organization.districtId,
      ...(organization.streetId ? { streetId: organization.streetId } : {}),
    }
  }
  const community = await requireCommunity(ref.id)
  return { districtId: community.districtId, streetId: community.streetId }
}

async function volunteerWithCode(code: string): Promise<VolunteerRecord> {
  const volunteer = await findVolunteerByCode(code)
  if (!volunteer) throw new AppError('NOT_FOUND', '签到码无效，请核对志愿者的签到码')
  return volunteer
}

async function shiftWithCode(shiftId: string, code: string): Promise<Shift> {
  const shift = await requireShift(shiftId)
  if (shift.checkInCode !== code) throw new AppError('FORBIDDEN', '班次签到码不正确')
  return shift
}

/** Check-in and check-out count only around the shift: its window widened by the grace period. */
function attendanceTime(shift: Shift, at: Date): Date {
  if (!isWithinAttendanceWindow(shift, at)) {
    throw new AppError('CONFLICT', '不在该班次的签到时间内（开始前 30 分钟至结束后 30 分钟）')
  }
  return at
}

async function bookedSignup(shift: Shift, volunteer: VolunteerRecord): Promise<ShiftSignup> {
  const signup = await findSignup(reservationIdOf(shift._id, volunteer._id))
  const current = signup && (await settle(SHIFT_SIGNUPS, signup))
  if (current?.status !== 'booked') throw new AppError('NOT_FOUND', '该志愿者没有报名此班次')
  return current
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

/** Closes the attendance and books its hours in one transaction: both are recorded, or neither. */
async function checkOut(
  shift: Shift,
  volunteer: VolunteerRecord,
  at: Date,
  recordedBy: Caller,
): Promise<AttendanceView> {
  const signup = await bookedSignup(shift, volunteer)
  const { minutes, checkInAt } = await transaction(async (tx) => {
    const current = await readSignupIn(tx, signup._id)
    if (!current?.checkInAt) throw new AppError('CONFLICT', '该志愿者尚未签到')
    if (current.checkOutAt) throw new AppError('CONFLICT', '该志愿者已签退')
    const checkInAt = new Date(current.checkInAt)
    if (at.getTime() < checkInAt.getTime()) {
      throw new AppError('INVALID_INPUT', '签退时间不能早于签到时间')
    }
    const credited = creditedMinutes(shift, checkInAt, at)
    await updateSignupIn(tx, signup._id, { checkOutAt: at })
    const entry: HoursEntry = {
      _id: checkoutEntryIdOf(shift._id, volunteer._id),
      volunteerId: volunteer._id,
      volunteerName: volunteer.realName,
      minutes: credited,
      source: 'checkin',
      organizer: shift.organizer,
      shiftId: shift._id,
      ...(shift.teamId ? { teamId: shift.teamId } : {}),
      serviceDate: shift.date,
      recordedBy: recordedBy._id,
      createdAt: new Date(),
    }
    await appendHoursEntryIn(tx, entry)
    if (recordedBy._id !== volunteer._id) {
      await recordAuditIn(tx, {
        actorId: recordedBy._id,
        action: 'shifts.checkOut',
        collection: COLLECTIONS.volunteerHours,
        targetId: entry._id,
      })
    }
    return { minutes: credited, checkInAt }
  })
  return {
    volunteerName: maskName(volunteer.realName),
    checkInAt: checkInAt.toISOString(),
    checkOutAt: at.toISOString(),
    minutes,
  }
}
