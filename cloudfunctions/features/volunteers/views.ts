import type { Caller } from '../../shared/caller'
import { maskName, maskPhone } from '../../shared/privacy'
import { isMemberOf } from '../../shared/roles'
import type { Shift } from '../shifts/domain'
import type {
  HoursEntryView,
  TeamDetailView,
  TeamMemberView,
  VolunteerProfileView,
  VolunteerTeamView,
} from './contract'
import type { HoursEntry, TeamMembership, VolunteerRecord, VolunteerTeam } from './domain'

/** The owner sees their registration whole; staff see name and phone masked. */
export function toProfileView(
  volunteer: VolunteerRecord,
  viewer: 'owner' | 'staff',
  context: { communityName: string; teams: VolunteerTeam[] },
): VolunteerProfileView {
  const owner = viewer === 'owner'
  return {
    id: volunteer._id,
    kind: volunteer.kind,
    communityId: volunteer.communityId,
    communityName: context.communityName,
    skills: volunteer.skills,
    availability: volunteer.availability,
    realName: owner ? volunteer.realName : maskName(volunteer.realName),
    phone: owner ? volunteer.phone : maskPhone(volunteer.phone),
    status: volunteer.status,
    ...(volunteer.review?.reason ? { reviewReason: volunteer.review.reason } : {}),
    ...(owner ? { checkInCode: volunteer.checkInCode } : {}),
    teams: context.teams
      .filter((team) => volunteer.teamIds.includes(team._id))
      .map((team) => ({ id: team._id, name: team.name, orgName: team.orgName })),
    consentAt: new Date(volunteer.consentAt).toISOString(),
  }
}

/** A team as the caller sees it: their own request or membership, and whether they run it. */
export function toTeamView(
  team: VolunteerTeam,
  caller: Caller,
  callersMemberships: TeamMembership[] = [],
): VolunteerTeamView {
  const mine = callersMemberships.find((membership) => membership.teamId === team._id)
  return {
    id: team._id,
    orgId: team.orgId,
    orgName: team.orgName,
    name: team.name,
    ...(team.description ? { description: team.description } : {}),
    ...(mine ? { myStatus: mine.status } : {}),
    canManage: isMemberOf(caller, team.orgId),
  }
}

export function toTeamDetail(
  team: VolunteerTeam,
  caller: Caller,
  context: {
    mine: TeamMembership[]
    members: TeamMembership[]
    requests: TeamMembership[]
    volunteers: VolunteerRecord[]
    shifts: Shift[]
    totalMinutes: number
  },
): TeamDetailView {
  const names = new Map(context.volunteers.map((volunteer) => [volunteer._id, volunteer.realName]))
  const member = (membership: TeamMembership): TeamMemberView => {
    const name = names.get(membership.userId) ?? ''
    return {
      userId: membership.userId,
      name: membership.userId === caller._id ? name : maskName(name),
      status: membership.status,
      requestedAt: new Date(membership.requestedAt).toISOString(),
    }
  }
  return {
    ...toTeamView(team, caller, context.mine),
    members: context.members.map(member),
    requests: context.requests.map(member),
    shifts: context.shifts.map((shift) => ({
      id: shift._id,
      title: shift.title,
      date: shift.date,
      start: shift.start,
      end: shift.end,
      taken: shift.capacity.taken,
      capacity: shift.capacity.limit,
    })),
    totalMinutes: context.totalMinutes,
  }
}

export function toHoursEntryView(
  entry: HoursEntry,
  shiftTitle: string | undefined,
): HoursEntryView {
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
