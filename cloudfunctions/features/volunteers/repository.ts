import {
  COLLECTIONS,
  command,
  findById,
  findByIds,
  insertIfAbsent,
  insertOne,
  updateWhere,
  type Transaction,
} from '../../shared/db'
import { readAll, readFirst } from '../../shared/paging'
import type {
  CertificateRecord,
  HoursEntry,
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

export async function addTeamToVolunteer(volunteerId: string, teamId: string): Promise<void> {
  await updateWhere(
    COLLECTIONS.volunteers,
    { _id: volunteerId },
    { teamIds: command().addToSet(teamId), updatedAt: new Date() },
  )
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
