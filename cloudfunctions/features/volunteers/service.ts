import { createHash } from 'node:crypto'
import { recordAudit, recordAuditIn } from '../../shared/audit'
import type { Caller } from '../../shared/caller'
import { randomCode } from '../../shared/codes'
import { COLLECTIONS, transaction } from '../../shared/db'
import type { OutputsOf } from '../../shared/endpoints'
import { AppError } from '../../shared/errors'
import { defineService, publicAction } from '../../shared/handler'
import { miniProgramCode } from '../../shared/miniProgramCodes'
import { maskName } from '../../shared/privacy'
import { isMemberOf, isWorkerOf, overseesCommunity, requireMembership } from '../../shared/roles'
import { readStoredFile, storeFile, temporaryUrl } from '../../shared/storage'
import { chinaDateOf } from '../../shared/time'
import { grantRoleIn } from '../account/repository'
import type { Community } from '../directory/domain'
import { communityNames, requireCommunity } from '../directory/service'
import { requireOrganization } from '../organizations/service'
import { findShifts, listShiftsOfTeam, listSignupsOfVolunteer } from '../shifts/repository'
import { requireVerifiedVolunteer, requireVolunteer } from './access'
import { renderCertificatePdf } from './certificate'
import { volunteersInputs, type VolunteersApi } from './contract'
import { formatHours, teamMembershipIdOf, type VolunteerRecord, type VolunteerTeam } from './domain'
import {
  findCertificate,
  findTeam,
  findTeamMembership,
  findVolunteer,
  findVolunteerByCode,
  findVolunteers,
  insertTeam,
  listHoursOfVolunteer,
  listMembershipsOfUser,
  listTeamMemberships,
  listTeams,
  listVolunteersOfCommunity,
  readTeamMembershipIn,
  readVolunteerIn,
  saveCertificate,
  saveTeamMembershipIn,
  saveVolunteerIn,
  sumMinutesOfTeam,
  setCertificateFile,
  updateVolunteerIn,
} from './repository'
import { toHoursEntryView, toProfileView, toTeamDetail, toTeamView } from './views'

export const volunteersService = defineService<typeof volunteersInputs, OutputsOf<VolunteersApi>>(
  volunteersInputs,
  {
    async register(input, caller) {
      const community = await requireCommunity(input.communityId)
      const checkInCode = await unusedCheckInCode()
      // The registration and the volunteer role are granted together, or not at all.
      await transaction(async (tx) => {
        const existing = await readVolunteerIn(tx, caller._id)
        // A rejected registration may be filed again, and so may one whose account was deleted.
        if (existing && existing.status !== 'rejected' && existing.status !== 'withdrawn') {
          throw new AppError('CONFLICT', '您已登记为志愿者，请勿重复登记')
        }
        const now = new Date()
        const volunteer: VolunteerRecord = {
          _id: caller._id,
          displayName: caller.displayName,
          kind: input.kind,
          districtId: community.districtId,
          streetId: community.streetId,
          communityId: community._id,
          skills: [...new Set(input.skills)],
          availability: {
            weekdays: [
              ...new Set(input.availability.weekdays),
            ].sort() as VolunteerRecord['availability']['weekdays'],
            times: [...new Set(input.availability.times)],
          },
          realName: input.realName,
          phone: input.phone,
          consentAt: now,
          status: 'pending',
          // A rejected registration filed again keeps its code, teams and first filing date.
          checkInCode: existing?.checkInCode ?? checkInCode,
          teamIds: existing?.teamIds ?? [],
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        }
        await saveVolunteerIn(tx, volunteer)
        await grantRoleIn(tx, caller._id, { kind: 'volunteer', communityId: community._id })
      })
      return profileOf(await requireVolunteer(caller._id), 'owner')
    },

    async me(_input, caller) {
      const volunteer = await findVolunteer(caller._id)
      return volunteer ? profileOf(volunteer, 'owner') : null
    },

    async listCommunity({ communityId, status }, caller) {
      requireStaffOf(caller, await requireCommunity(communityId))
      const volunteers = await listVolunteersOfCommunity(communityId, status)
      const [names, teams] = await Promise.all([communityNames(), listTeams()])
      return volunteers.map((volunteer) =>
        toProfileView(volunteer, 'staff', {
          communityName: names.get(volunteer.communityId) ?? '',
          teams,
        }),
      )
    },

    async revealContact({ volunteerId }, caller) {
      const volunteer = await requireVolunteer(volunteerId)
      requireStaffOf(caller, await requireCommunity(volunteer.communityId))
      // Audited before anything is revealed: no reveal goes unrecorded.
      await recordAudit({
        actorId: caller._id,
        action: 'volunteers.revealContact',
        collection: COLLECTIONS.volunteers,
        targetId: volunteer._id,
        detail: '查看志愿者真实姓名与手机号',
        districtId: volunteer.districtId,
        streetId: volunteer.streetId,
      })
      return { realName: volunteer.realName, phone: volunteer.phone }
    },

    async review({ volunteerId, decision, reason }, caller) {
      const volunteer = await requireVolunteer(volunteerId)
      if (!isWorkerOf(caller, volunteer.communityId)) {
        throw new AppError('FORBIDDEN', '只有志愿者所在社区的社区工作者可以审核')
      }
      if (volunteerId === caller._id) {
        throw new AppError('FORBIDDEN', '不能审核自己的志愿者登记，请由社区其他工作者审核')
      }
      if (decision === 'rejected' && !reason) throw new AppError('INVALID_INPUT', '请填写原因')
      const review = { by: caller._id, at: new Date(), ...(reason ? { reason } : {}) }
      await transaction(async (tx) => {
        const current = await readVolunteerIn(tx, volunteerId)
        if (current?.status !== 'pending') throw new AppError('CONFLICT', '该登记已审核过')
        await updateVolunteerIn(tx, volunteerId, { status: decision, review, updatedAt: review.at })
        await recordAuditIn(tx, {
          actorId: caller._id,
          action: `volunteers.review.${decision}`,
          collection: COLLECTIONS.volunteers,
          targetId: volunteerId,
          ...(reason ? { detail: reason } : {}),
          districtId: volunteer.districtId,
          streetId: volunteer.streetId,
        })
      })
      return profileOf(await requireVolunteer(volunteerId), 'staff')
    },

    async createTeam({ orgId, name, description }, caller) {
      const organization = await requireOrganization(orgId)
      requireMembership(caller, organization)
      const team = await insertTeam({
        orgId,
        orgName: organization.name,
        name,
        ...(description ? { description } : {}),
        createdBy: caller._id,
        createdAt: new Date(),
      })
      return toTeamView(team, caller)
    },

    async listTeams({ orgId }, caller) {
      const [teams, memberships] = await Promise.all([
        listTeams(orgId),
        listMembershipsOfUser(caller._id),
      ])
      return teams.map((team) => toTeamView(team, caller, memberships))
    },

    async joinTeam({ teamId }, caller) {
      const volunteer = await requireVerifiedVolunteer(caller._id)
      const team = await requireTeam(teamId)
      const id = teamMembershipIdOf(team._id, volunteer._id)
      await transaction(async (tx) => {
        const current = await readTeamMembershipIn(tx, id)
        if (current?.status === 'approved') throw new AppError('CONFLICT', '您已是该队成员')
        if (current?.status === 'pending') {
          throw new AppError('CONFLICT', '已提交申请，请等待队伍审批')
        }
        await saveTeamMembershipIn(tx, {
          _id: id,
          teamId: team._id,
          userId: volunteer._id,
          status: 'pending',
          requestedAt: new Date(),
        })
      })
      return toTeamView(team, caller, await listMembershipsOfUser(caller._id))
    },

    async team({ teamId }, caller) {
      return teamDetailOf(await requireTeam(teamId), caller)
    },

    async reviewTeamRequest({ teamId, userId, decision, reason }, caller) {
      const team = await requireTeam(teamId)
      requireMembership(caller, await requireOrganization(team.orgId))
      if (userId === caller._id) throw new AppError('FORBIDDEN', '不能审批自己的入队申请')
      const id = teamMembershipIdOf(team._id, userId)
      // The decision and the volunteer's teams change together.
      await transaction(async (tx) => {
        const current = await readTeamMembershipIn(tx, id)
        if (current?.status !== 'pending') throw new AppError('CONFLICT', '该申请已处理过')
        const volunteer = await readVolunteerIn(tx, userId)
        if (!volunteer) throw new AppError('NOT_FOUND', '该志愿者不存在')
        const now = new Date()
        await saveTeamMembershipIn(tx, {
          ...current,
          status: decision,
          decidedBy: caller._id,
          decidedAt: now,
          ...(reason ? { reason } : {}),
        })
        if (decision === 'approved' && !volunteer.teamIds.includes(team._id)) {
          await updateVolunteerIn(tx, userId, {
            teamIds: [...volunteer.teamIds, team._id],
            updatedAt: now,
          })
        }
      })
      return teamDetailOf(team, caller)
    },

    async myService(_input, caller) {
      const [signups, entries] = await Promise.all([
        listSignupsOfVolunteer(caller._id),
        listHoursOfVolunteer(caller._id),
      ])
      const shifts = await findShifts([
        ...signups.map((signup) => signup.placeId),
        ...entries.flatMap((entry) => (entry.shiftId ? [entry.shiftId] : [])),
      ])
      const shiftById = new Map(shifts.map((shift) => [shift._id, shift]))
      const byYear = new Map<number, number>()
      const byOrganizer = new Map<
        string,
        { organizerId: string; organizerName: string; year: number; minutes: number }
      >()
      for (const entry of entries) {
        const year = Number(entry.serviceDate.slice(0, 4))
        byYear.set(year, (byYear.get(year) ?? 0) + entry.minutes)
        const key = `${year}:${entry.organizer.id}`
        const total = byOrganizer.get(key) ?? {
          organizerId: entry.organizer.id,
          organizerName: entry.organizer.name,
          year,
          minutes: 0,
        }
        total.minutes += entry.minutes
        byOrganizer.set(key, total)
      }
      return {
        shifts: signups.flatMap((signup) => {
          const shift = shiftById.get(signup.placeId)
          if (!shift || (signup.status !== 'booked' && signup.status !== 'waitlisted')) return []
          return [
            {
              shiftId: shift._id,
              title: shift.title,
              date: shift.date,
              start: shift.start,
              end: shift.end,
              place: shift.place,
              organizerName: shift.organizer.name,
              status: signup.status,
              checkedIn: Boolean(signup.checkInAt),
              checkedOut: Boolean(signup.checkOutAt),
            },
          ]
        }),
        totalMinutes: entries.reduce((sum, entry) => sum + entry.minutes, 0),
        byYear: [...byYear]
          .map(([year, minutes]) => ({ year, minutes }))
          .sort((a, b) => b.year - a.year),
        byOrganizer: [...byOrganizer.values()]
          .sort((a, b) => b.year - a.year || b.minutes - a.minutes)
          .map((row) => ({ ...row, canCertify: row.minutes > 0 })),
        entries: entries.map((entry) =>
          toHoursEntryView(entry, shiftById.get(entry.shiftId ?? '')?.title),
        ),
      }
    },

    async myCode(_input, caller) {
      const volunteer = await requireVolunteer(caller._id)
      const { scene, imageUrl } = await miniProgramCode({
        kind: 'volunteer',
        code: volunteer.checkInCode,
      })
      return { scene, imageUrl }
    },

    async certificate({ organizerId, year }, caller) {
      const volunteer = await requireVolunteer(caller._id)
      const entries = (await listHoursOfVolunteer(caller._id)).filter(
        (entry) => entry.organizer.id === organizerId && entry.serviceDate.startsWith(`${year}-`),
      )
      const minutes = entries.reduce((sum, entry) => sum + entry.minutes, 0)
      if (entries.length === 0 || minutes <= 0) {
        throw new AppError('NOT_FOUND', '该年度在该组织没有志愿服务时长')
      }
      const dates = entries.map((entry) => entry.serviceDate).sort()
      const period = { from: dates[0], to: dates[dates.length - 1] }
      const organizerName = entries[0].organizer.name
      const code = createHash('sha256')
        .update([volunteer._id, organizerId, year, minutes, period.from, period.to].join('|'))
        .digest('hex')
        .slice(0, 12)
        .toUpperCase()
      await saveCertificate({
        _id: code,
        volunteerId: volunteer._id,
        volunteerName: volunteer.realName,
        organizerName,
        minutes,
        period,
        issuedAt: new Date(),
      })
      const record = await findCertificate(code)
      // The same hours make the same code: a certificate's PDF is made once and kept.
      let fileId = record?.fileId
      if (!fileId) {
        const verification = await miniProgramCode({ kind: 'certificate', code })
        const pdf = await renderCertificatePdf(
          {
            volunteerName: volunteer.realName,
            organizerName,
            hours: formatHours(minutes),
            period,
            code,
            issuedOn: chinaDateOf(new Date(record?.issuedAt ?? new Date())),
          },
          await readStoredFile(verification.fileId),
        )
        fileId = await storeFile(`certificates/${code}.pdf`, pdf)
        await setCertificateFile(code, fileId)
      }
      return {
        code,
        fileName: `志愿服务时长证明-${year}-${code}.pdf`,
        url: await temporaryUrl(fileId),
        minutes,
        organizerName,
        period,
      }
    },

    // Whoever holds a certificate (an employer, a school) may check it without an account.
    verifyCertificate: publicAction(async ({ code }: { code: string }) => {
      const certificate = await findCertificate(code)
      if (!certificate) throw new AppError('NOT_FOUND', '未找到该证明，请核对验证码')
      return {
        volunteerName: maskName(certificate.volunteerName),
        organizerName: certificate.organizerName,
        hours: formatHours(certificate.minutes),
        period: certificate.period,
        issuedAt: new Date(certificate.issuedAt).toISOString(),
      }
    }),
  },
)

export async function requireTeam(teamId: string): Promise<VolunteerTeam> {
  const team = await findTeam(teamId)
  if (!team) throw new AppError('NOT_FOUND', '该志愿服务队不存在')
  return team
}

export async function isApprovedTeamMember(teamId: string, userId: string): Promise<boolean> {
  return (await findTeamMembership(teamMembershipIdOf(teamId, userId)))?.status === 'approved'
}

/** A team with its members, its shifts and its hours; requests only for those who manage it. */
async function teamDetailOf(team: VolunteerTeam, caller: Caller) {
  const manages = isMemberOf(caller, team.orgId)
  const [members, requests, shifts, totalMinutes, mine] = await Promise.all([
    listTeamMemberships(team._id, 'approved'),
    manages ? listTeamMemberships(team._id, 'pending') : Promise.resolve([]),
    listShiftsOfTeam(team._id),
    sumMinutesOfTeam(team._id),
    listMembershipsOfUser(caller._id),
  ])
  const volunteers = await findVolunteers([...members, ...requests].map((member) => member.userId))
  return toTeamDetail(team, caller, {
    mine,
    members,
    requests,
    volunteers,
    shifts,
    totalMinutes,
  })
}

/** A check-in code no other volunteer holds. */
async function unusedCheckInCode(): Promise<string> {
  for (;;) {
    const code = randomCode()
    if (!(await findVolunteerByCode(code))) return code
  }
}

function requireStaffOf(caller: Caller, community: Community): void {
  if (!overseesCommunity(caller, community)) {
    throw new AppError('FORBIDDEN', `您不是${community.name}的工作人员，无法查看该社区的志愿者`)
  }
}

async function profileOf(volunteer: VolunteerRecord, viewer: 'owner' | 'staff') {
  const [names, teams] = await Promise.all([communityNames(), listTeams()])
  return toProfileView(volunteer, viewer, {
    communityName: names.get(volunteer.communityId) ?? '',
    teams,
  })
}
