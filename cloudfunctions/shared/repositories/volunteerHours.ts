import type { HoursEntry } from '../domain/volunteers'
import { AppError } from '../errors'
import { COLLECTIONS, findAllWhere, findById, insertIfAbsent } from './collections'

// The hours ledger is append-only: this module offers no update and no delete, on purpose.

/**
 * Adds a ledger line under a deterministic id, so a retried check-out or a repeated reversal
 * cannot add it twice. Answers false when the line exists already.
 */
export async function appendHoursEntry(entry: HoursEntry): Promise<boolean> {
  return insertIfAbsent(COLLECTIONS.volunteerHours, entry)
}

export async function findHoursEntry(id: string): Promise<HoursEntry | undefined> {
  return findById<HoursEntry>(COLLECTIONS.volunteerHours, id)
}

export async function requireHoursEntry(id: string): Promise<HoursEntry> {
  const entry = await findHoursEntry(id)
  if (!entry) throw new AppError('NOT_FOUND', '该时长记录不存在')
  return entry
}

/** A volunteer's ledger, newest first; reading it whole keeps totals exact. */
export async function listHoursOfVolunteer(volunteerId: string): Promise<HoursEntry[]> {
  return readAllWhere({ volunteerId })
}

export async function listHoursOfOrganizer(organizerId: string): Promise<HoursEntry[]> {
  return readAllWhere({ 'organizer.id': organizerId })
}

async function readAllWhere(filter: object): Promise<HoursEntry[]> {
  return findAllWhere<HoursEntry>(COLLECTIONS.volunteerHours, filter, [
    ['createdAt', 'desc'],
    ['_id', 'asc'],
  ])
}
