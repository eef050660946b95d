import {
  COLLECTIONS,
  command,
  findById,
  findByIds,
  insertOne,
  updateWhere,
  type Transaction,
} from '../../shared/db'
import { newId } from '../../shared/ids'
import { readAll, readFirst } from '../../shared/paging'
import type { Shift, ShiftSignup } from './domain'

/** Stores a new shift; its id is short, so its check-in code's scene carries it. */
export async function insertShift(shift: Omit<Shift, '_id'>): Promise<Shift> {
  const stored = { ...shift, _id: newId('sh') }
  await insertOne(COLLECTIONS.volunteerShifts, stored)
  return stored
}

export function findShift(id: string): Promise<Shift | undefined> {
  return findById<Shift>(COLLECTIONS.volunteerShifts, id)
}

export function findShifts(ids: string[]): Promise<Shift[]> {
  return findByIds<Shift>(COLLECTIONS.volunteerShifts, ids)
}

/** Open shifts from the given date on, soonest first (the first hundred). */
export function listOpenShifts(fromDate: string): Promise<Shift[]> {
  return readFirst<Shift>(
    COLLECTIONS.volunteerShifts,
    { status: 'open', date: command().gte(fromDate) },
    [
      ['date', 'asc'],
      ['start', 'asc'],
      ['_id', 'asc'],
    ],
  )
}

/** Open shifts on one date. */
export function listOpenShiftsOn(date: string): Promise<Shift[]> {
  return readAll<Shift>(COLLECTIONS.volunteerShifts, { status: 'open', date }, [['_id', 'asc']])
}

/** Every shift the organizers run, latest first. */
export function listShiftsOfOrganizers(organizerIds: string[]): Promise<Shift[]> {
  if (organizerIds.length === 0) return Promise.resolve([])
  return readAll<Shift>(
    COLLECTIONS.volunteerShifts,
    { 'organizer.id': command().in(organizerIds) },
    [
      ['date', 'desc'],
      ['_id', 'asc'],
    ],
  )
}

/** A team's shifts, latest first. */
export function listShiftsOfTeam(teamId: string): Promise<Shift[]> {
  return readAll<Shift>(COLLECTIONS.volunteerShifts, { teamId }, [
    ['date', 'desc'],
    ['_id', 'asc'],
  ])
}

export function findSignup(id: string): Promise<ShiftSignup | undefined> {
  return findById<ShiftSignup>(COLLECTIONS.volunteerSignups, id)
}

export function readSignupIn(tx: Transaction, id: string): Promise<ShiftSignup | undefined> {
  return tx.get<ShiftSignup>(COLLECTIONS.volunteerSignups, id)
}

export function updateSignupIn(tx: Transaction, id: string, changes: Partial<ShiftSignup>) {
  return tx.update(COLLECTIONS.volunteerSignups, id, changes)
}

/** Every sign-up of the shifts that still holds or waits for a place (or is being settled). */
export function listSignupsOfShifts(shiftIds: string[]): Promise<ShiftSignup[]> {
  if (shiftIds.length === 0) return Promise.resolve([])
  const _ = command()
  return readAll<ShiftSignup>(
    COLLECTIONS.volunteerSignups,
    { placeId: _.in(shiftIds), status: _.in(['requested', 'booked', 'waitlisted', 'cancelling']) },
    [
      ['createdAt', 'asc'],
      ['_id', 'asc'],
    ],
  )
}

export function listSignupsOfVolunteer(volunteerId: string): Promise<ShiftSignup[]> {
  const _ = command()
  return readAll<ShiftSignup>(
    COLLECTIONS.volunteerSignups,
    { userId: volunteerId, status: _.in(['requested', 'booked', 'waitlisted', 'cancelling']) },
    [
      ['createdAt', 'desc'],
      ['_id', 'asc'],
    ],
  )
}

/** Records arrival once, for a booked volunteer; false if already checked in. */
export async function markCheckedIn(signupId: string, at: Date): Promise<boolean> {
  const updated = await updateWhere(
    COLLECTIONS.volunteerSignups,
    { _id: signupId, status: 'booked', checkInAt: command().exists(false) },
    { checkInAt: at },
  )
  return updated === 1
}
