import {
  COLLECTIONS,
  findById,
  findByIds,
  insertIfAbsent,
  insertOne,
  sumWhere,
  updateWhere,
  type Transaction,
} from '../../shared/db'
import { readAll, readFirst } from '../../shared/paging'
import type {
  CertificateRecord,
  HoursEntry,
  TeamMembership,
  TeamMembershipStatus,
  VolunteerRecord,
  VolunteerStatus,
  VolunteerTeam,
} from './domain'

export function findVolunteer(userId: string): Promise<VolunteerRecord | undefined> {
  return findById<VolunteerRecord>(COLLECTIONS.volunteers, userId)
}

export async function findVolunteerByCode(code: string): Promise<VolunteerRecord | undefined> {
  const [found] = await readFirst<VolunteerRecord>(
    COLLECTIONS.volunteers,
    { checkInCode: code },
    [['_id', 'asc']],
    1,
  )
  return found
}

export function findVolunteers(ids: string[]): Promise<VolunteerRecord[]> {
  return findByIds<VolunteerRecord>(COLLECTIONS.volunteers, ids)
}

export function readVolunteerIn(tx: Transaction, userId: string) {
  return tx.get<VolunteerRecord>(COLLECTIONS.volunteers, userId)
}

export function saveVolunteerIn(tx: Transaction, volunteer: VolunteerRecord) {
  return tx.set(COLLECTIONS.volunteers, volunteer)
}

export function updateVolunteerIn(
  tx: Transaction,
  volunteerId: string,
  changes: Partial<VolunteerRecord>,
) {
  return tx.update(COLLECTIONS.volunteers, volunteerId, changes)
}

export function listVolunteersOfCommunity(
  communityId: string,
  status: VolunteerStatus | undefined,
): Promise<VolunteerRecord[]> {
  return readAll<VolunteerRecord>(
    COLLECTIONS.volunteers,
    status ? { communityId, status } : { communityId },
    [
      ['createdAt', 'desc'],
      ['_id', 'asc'],
    ],
  )
}

export async function insertTeam(team: Omit<VolunteerTeam, '_id'>): Promise<VolunteerTeam> {
  return { ...team, _id: await insertOne(COLLECTIONS.volunteerTeams, team) }
}

export function findTeam(id: string): Promise<VolunteerTeam | undefined> {
  return findById<VolunteerTeam>(COLLECTIONS.volunteerTeams, id)
}

export function listTeams(orgId?: string): Promise<VolunteerTeam[]> {
  return readAll<VolunteerTeam>(COLLECTIONS.volunteerTeams, orgId ? { orgId } : {}, [
    ['createdAt', 'asc'],
    ['_id', 'asc'],
  ])
}

export function findTeamMembership(id: string): Promise<TeamMembership | undefined> {
  return findById<TeamMembership>(COLLECTIONS.teamMembers, id)
}

export function readTeamMembershipIn(tx: Transaction, id: string) {
  return tx.get<TeamMembership>(COLLECTIONS.teamMembers, id)
}

export function saveTeamMembershipIn(tx: Transaction, membership: TeamMembership) {
  return tx.set(COLLECTIONS.teamMembers, membership)
}

export function listTeamMemberships(
  teamId: string,
  status: TeamMembershipStatus,
): Promise<TeamMembership[]> {
  return readAll<TeamMembership>(COLLECTIONS.teamMembers, { teamId, status }, [['_id', 'asc']])
}

export function listMembershipsOfUser(userId: string): Promise<TeamMembership[]> {
  return readAll<TeamMembership>(COLLECTIONS.teamMembers, { userId }, [['_id', 'asc']])
}

/** A team's hours: the sum of the ledger lines its shifts recorded (reversals included). */
export function sumMinutesOfTeam(teamId: string): Promise<number> {
  return sumWhere(COLLECTIONS.volunteerHours, { teamId }, 'minutes')
}

// The hours ledger is append-only: this module offers no update and no delete of its lines.

/** Adds a ledger line under its deterministic id; false when the line exists already. */
export function appendHoursEntry(entry: HoursEntry): Promise<boolean> {
  return insertIfAbsent(COLLECTIONS.volunteerHours, entry)
}

export function appendHoursEntryIn(tx: Transaction, entry: HoursEntry): Promise<void> {
  return tx.set(COLLECTIONS.volunteerHours, entry)
}

export function findHoursEntry(id: string): Promise<HoursEntry | undefined> {
  return findById<HoursEntry>(COLLECTIONS.volunteerHours, id)
}

/** A volunteer's whole ledger, newest first; reading it whole keeps totals exact. */
export function listHoursOfVolunteer(volunteerId: string): Promise<HoursEntry[]> {
  return readAll<HoursEntry>(COLLECTIONS.volunteerHours, { volunteerId }, [
    ['createdAt', 'desc'],
    ['_id', 'asc'],
  ])
}

export function listHoursOfOrganizer(organizerId: string): Promise<HoursEntry[]> {
  return readAll<HoursEntry>(COLLECTIONS.volunteerHours, { 'organizer.id': organizerId }, [
    ['createdAt', 'desc'],
    ['_id', 'asc'],
  ])
}

/** Keeps an issued certificate so its code can be verified; the same content keeps its code. */
export async function saveCertificate(certificate: CertificateRecord): Promise<void> {
  await insertIfAbsent(COLLECTIONS.volunteerCertificates, certificate)
}

export function findCertificate(code: string): Promise<CertificateRecord | undefined> {
  return findById<CertificateRecord>(COLLECTIONS.volunteerCertificates, code)
}

export async function setCertificateFile(code: string, fileId: string): Promise<void> {
  await updateWhere(COLLECTIONS.volunteerCertificates, { _id: code }, { fileId })
}
