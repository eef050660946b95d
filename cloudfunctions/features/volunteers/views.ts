import { maskName, maskPhone } from '../../shared/privacy'
import type { HoursEntryView, VolunteerProfileView, VolunteerTeamView } from './contract'
import type { HoursEntry, VolunteerRecord, VolunteerTeam } from './domain'

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

export function toTeamView(team: VolunteerTeam): VolunteerTeamView {
  return { id: team._id, orgId: team.orgId, orgName: team.orgName, name: team.name }
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
