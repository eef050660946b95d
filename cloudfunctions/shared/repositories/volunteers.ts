import type { VolunteerRecord, VolunteerStatus, VolunteerTeam } from '../domain/volunteers'
import { AppError } from '../errors'
import {
  COLLECTIONS,
  MAX_PAGE,
  collection,
  command,
  findById,
  findByIds,
  findMany,
  insertIfAbsent,
  insertOne,
  updateWhere,
} from './collections'

export async function findVolunteer(userId: string): Promise<VolunteerRecord | undefined> {
  return findById<VolunteerRecord>(COLLECTIONS.volunteers, userId)
}

export async function requireVolunteer(userId: string): Promise<VolunteerRecord> {
  const volunteer = await findVolunteer(userId)
  if (!volunteer) throw new AppError('NOT_FOUND', '该志愿者不存在')
  return volunteer
}

/** The caller's registration, which must have passed the community's review. */
export async function requireVerifiedVolunteer(userId: string): Promise<VolunteerRecord> {
  const volunteer = await findVolunteer(userId)
  if (volunteer?.status !== 'verified') {
    throw new AppError('FORBIDDEN', '请先登记为志愿者并通过社区审核')
  }
  return volunteer
}

export async function findVolunteerByCode(code: string): Promise<VolunteerRecord | undefined> {
  const [found] = await findMany<VolunteerRecord>(
    collection(COLLECTIONS.volunteers).where({ checkinCode: code }).limit(1),
  )
  return found
}

/** Stores a first registration; answers false if one exists already. */
export async function insertVolunteer(volunteer: VolunteerRecord): Promise<boolean> {
  return insertIfAbsent(COLLECTIONS.volunteers, volunteer)
}

/** A rejected registration may be filed again; it goes back to review. */
export async function resubmitRejected(volunteer: VolunteerRecord): Promise<boolean> {
  const { _id, createdAt: _createdAt, checkinCode: _code, teamIds: _teams, ...fields } = volunteer
  const updated = await updateWhere(
    collection(COLLECTIONS.volunteers).where({ _id, status: 'rejected' }),
    { ...fields, review: command().remove() },
  )
  return updated === 1
}

/** Decides a pending registration; false when it was no longer pending. */
export async function decideRegistration(
  volunteerId: string,
  status: Exclude<VolunteerStatus, 'pending'>,
  review: VolunteerRecord['review'],
): Promise<boolean> {
  const updated = await updateWhere(
    collection(COLLECTIONS.volunteers).where({ _id: volunteerId, status: 'pending' }),
    { status, review, updatedAt: new Date() },
  )
  return updated === 1
}

export async function listVolunteersOfCommunity(
  communityId: string,
  status: VolunteerStatus | undefined,
): Promise<VolunteerRecord[]> {
  return findMany<VolunteerRecord>(
    collection(COLLECTIONS.volunteers)
      .where(status ? { communityId, status } : { communityId })
      .orderBy('createdAt', 'desc')
      .limit(MAX_PAGE),
  )
}

export async function listVolunteers(ids: string[]): Promise<VolunteerRecord[]> {
  return findByIds<VolunteerRecord>(COLLECTIONS.volunteers, ids)
}

export async function insertTeam(team: Omit<VolunteerTeam, '_id'>): Promise<VolunteerTeam> {
  return { ...team, _id: await insertOne(COLLECTIONS.volunteerTeams, team) }
}

export async function findTeam(id: string): Promise<VolunteerTeam | undefined> {
  return findById<VolunteerTeam>(COLLECTIONS.volunteerTeams, id)
}

export async function listTeams(orgId: string | undefined): Promise<VolunteerTeam[]> {
  return findMany<VolunteerTeam>(
    collection(COLLECTIONS.volunteerTeams)
      .where(orgId ? { orgId } : {})
      .orderBy('createdAt', 'asc')
      .limit(MAX_PAGE),
  )
}

export async function joinTeam(volunteerId: string, teamId: string): Promise<void> {
  await updateWhere(collection(COLLECTIONS.volunteers).where({ _id: volunteerId }), {
    teamIds: command().addToSet(teamId),
    updatedAt: new Date(),
  })
}
