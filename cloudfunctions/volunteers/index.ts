import { createHash } from 'node:crypto'
import type { OutputsOf } from '../shared/contract/endpoints'
import {
  volunteersInputs,
  type HoursEntryView,
  type VolunteerProfileView,
  type VolunteersApi,
} from '../shared/contract/volunteers'
import { currentUser } from '../shared/caller'
import { renderCertificateSvg } from '../shared/domain/certificate'
import { randomCode } from '../shared/domain/codes'
import { maskName, maskPhone } from '../shared/domain/privacy'
import { overseesCommunity, requireMembership, workerCommunityIds } from '../shared/domain/roles'
import type { Community, UserRecord } from '../shared/domain/types'
import {
  formatHours,
  type HoursEntry,
  type VolunteerRecord,
  type VolunteerTeam,
} from '../shared/domain/volunteers'
import { chinaDateOf } from '../shared/domain/stalls'
import { AppError } from '../shared/errors'
import { defineFunction } from '../shared/handler'
import { recordAudit } from '../shared/repositories/auditLog'
import { COLLECTIONS } from '../shared/repositories/collections'
import { loadDistrictTree, requireCommunity } from '../shared/repositories/directory'
import { requireOrganization } from '../shared/repositories/organizations'
import { addRole } from '../shared/repositories/users'
import { findCertificate, saveCertificate } from '../shared/repositories/volunteerCertificates'
import { listHoursOfVolunteer } from '../shared/repositories/volunteerHours'
import { listShifts, listSignupsOfVolunteer } from '../shared/repositories/volunteerShifts'
import {
  decideRegistration,
  findTeam,
  findVolunteer,
  findVolunteerByCode,
  insertTeam,
  insertVolunteer,
  joinTeam,
  listTeams,
  listVolunteersOfCommunity,
  requireVerifiedVolunteer,
  requireVolunteer,
  resubmitRejected,
} from '../shared/repositories/volunteers'

export const main = defineFunction<typeof volunteersInputs, OutputsOf<VolunteersApi>>(
  volunteersInputs,
  {
    async register(input) {
      const user = await currentUser()
      const community = await requireCommunity(input.communityId)
      const now = new Date()
      const volunteer: VolunteerRecord = {
        _id: user._id,
        displayName: user.displayName,
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
        checkinCode: await unusedCheckinCode(),
        teamIds: [],
        createdAt: now,
        updatedAt: now,
      }
      const stored = (await insertVolunteer(volunteer)) || (await resubmitRejected(volunteer))
      if (!stored) throw new AppError('CONFLICT', '您已登记为志愿者，请勿重复登记')
      await addRole(user._id, { kind: 'volunteer', communityId: community._id })
      return toProfile(await requireVolunteer(user._id), 'owner')
    },

    async me() {
      const user = await currentUser()
      const volunteer = await findVolunteer(user._id)
      return volunteer ? toProfile(volunteer, 'owner') : null
    },

    async listCommunity({ communityId, status }) {
      const user = await currentUser()
      const community = await requireCommunity(communityId)
      requireStaffOf(user, community)
      const volunteers = await listVolunteersOfCommunity(communityId, status)
      return Promise.all(volunteers.map((volunteer) => toProfile(volunteer, 'staff')))
    },

    async revealContact({ volunteerId }) {
      const user = await currentUser()
      const volunteer = await requireVolunteer(volunteerId)
      requireStaffOf(user, await requireCommunity(volunteer.communityId))
      await recordAudit({
        actorId: user._id,
        action: 'volunteers.revealContact',
        collection: COLLECTIONS.volunteers,
        targetId: volunteer._id,
        detail: '查看志愿者真实姓名与手机号',
      })
      return { realName: volunteer.realName, phone: volunteer.phone }
    },

    async review({ volunteerId, decision, reason }) {
      const user = await currentUser()
      const volunteer = await requireVolunteer(volunteerId)
      if (!workerCommunityIds(user).includes(volunteer.communityId)) {
        throw new AppError('FORBIDDEN', '只有志愿者所在社区的社区工作者可以审核')
      }
      if (decision === 'rejected' && !reason) throw new AppError('INVALID_INPUT', '请填写原因')
      const decided = await decideRegistration(volunteerId, decision, {
        by: user._id,
        at: new Date(),
        ...(reason ? { reason } : {}),
      })
      if (!decided) throw new AppError('CONFLICT', '该登记已审核过')
      await recordAudit({
        actorId: user._id,
        action: `volunteers.review.${decision}`,
        collection: COLLECTIONS.volunteers,
        targetId: volunteerId,
        ...(reason ? { detail: reason } : {}),
      })
      return toProfile(await requireVolunteer(volunteerId), 'staff')
    },

    async createTeam({ orgId, name }) {
      const user = await currentUser()
      const organization = await requireOrganization(orgId)
      requireMembership(user, organization)
      const team = await insertTeam({
        orgId,
        orgName: organization.name,
        name,
        createdBy: user._id,
        createdAt: new Date(),
      })
      return toTeamView(team)
    },

    async listTeams({ orgId }) {
      await currentUser()
      return (await listTeams(orgId)).map(toTeamView)
    },

    async joinTeam({ teamId }) {
      const user = await currentUser()
      const volunteer = await requireVerifiedVolunteer(user._id)
      const team = await findTeam(teamId)
      if (!team) throw new AppError('NOT_FOUND', '该志愿服务队不存在')
      await joinTeam(volunteer._id, team._id)
      return toProfile(await requireVolunteer(volunteer._id), 'owner')
    },

    async myService() {
      const user = await currentUser()
      const [signups, entries] = await Promise.all([
        listSignupsOfVolunteer(user._id),
        listHoursOfVolunteer(user._id),
      ])
      const shifts = await listShifts([
        ...new Set([
          ...signups.map((signup) => signup.placeId),
          ...entries.flatMap((e) => (e.shiftId ? [e.shiftId] : [])),
        ]),
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
          if (!shift || signup.status === 'cancelled') return []
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
        byOrganizer: [...byOrganizer.values()].sort(
          (a, b) => b.year - a.year || b.minutes - a.minutes,
        ),
        entries: entries.map((entry) =>
          toEntryView(entry, shiftById.get(entry.shiftId ?? '')?.title),
        ),
      }
    },

    async certificate({ organizerId, year }) {
      const user = await currentUser()
      const volunteer = await requireVolunteer(user._id)
      const entries = (await listHoursOfVolunteer(user._id)).filter(
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
      const issuedAt = new Date()
      await saveCertificate({
        _id: code,
        volunteerId: volunteer._id,
        volunteerName: volunteer.realName,
        organizerName,
        minutes,
        period,
        issuedAt,
      })
      const issued = (await findCertificate(code))?.issuedAt ?? issuedAt
      return {
        code,
        fileName: `志愿服务时长证明-${year}-${code}.svg`,
        svg: renderCertificateSvg({
          volunteerName: volunteer.realName,
          organizerName,
          hours: formatHours(minutes),
          period,
          code,
          issuedOn: chinaDateOf(new Date(issued)),
        }),
        minutes,
        organizerName,
        period,
      }
    },

    async verifyCertificate({ code }) {
      await currentUser()
      const certificate = await findCertificate(code)
      if (!certificate) throw new AppError('NOT_FOUND', '未找到该证明，请核对验证码')
      return {
        volunteerName: maskName(certificate.volunteerName),
        organizerName: certificate.organizerName,
        hours: formatHours(certificate.minutes),
        period: certificate.period,
        issuedAt: new Date(certificate.issuedAt).toISOString(),
      }
    },
  },
)

/** A check-in code no other volunteer holds. */
async function unusedCheckinCode(): Promise<string> {
  for (;;) {
    const code = randomCode()
    if (!(await findVolunteerByCode(code))) return code
  }
}

function requireStaffOf(user: UserRecord, community: Community): void {
  if (!overseesCommunity(user, community)) {
    throw new AppError('FORBIDDEN', `您不是${community.name}的工作人员，无法查看该社区的志愿者`)
  }
}

async function toProfile(
  volunteer: VolunteerRecord,
  viewer: 'owner' | 'staff',
): Promise<VolunteerProfileView> {
  const [{ communities }, teams] = await Promise.all([loadDistrictTree(), listTeams(undefined)])
  const owner = viewer === 'owner'
  return {
    id: volunteer._id,
    kind: volunteer.kind,
    communityId: volunteer.communityId,
    communityName: communities.find((item) => item._id === volunteer.communityId)?.name ?? '',
    skills: volunteer.skills,
    availability: volunteer.availability,
    realName: owner ? volunteer.realName : maskName(volunteer.realName),
    phone: owner ? volunteer.phone : maskPhone(volunteer.phone),
    status: volunteer.status,
    ...(volunteer.review?.reason ? { reviewReason: volunteer.review.reason } : {}),
    ...(owner ? { checkinCode: volunteer.checkinCode } : {}),
    teams: teams
      .filter((team) => volunteer.teamIds.includes(team._id))
      .map((team) => ({ id: team._id, name: team.name, orgName: team.orgName })),
    consentAt: new Date(volunteer.consentAt).toISOString(),
  }
}

function toTeamView(team: VolunteerTeam) {
  return { id: team._id, orgId: team.orgId, orgName: team.orgName, name: team.name }
}

function toEntryView(entry: HoursEntry, shiftTitle: string | undefined): HoursEntryView {
  return {
    id: entry._id,
    minutes: entry.minutes,
    source: entry.source,
    organizerName: entry.organizer.name,
    serviceDate: entry.serviceDate,
    ...(shiftTitle ? { shiftTitle } : {}),
    ...(entry.reason ? { reason: entry.reason } : {}),
    ...(entry.reverses ? { reverses: entry.reverses } : {}),
  }
}
