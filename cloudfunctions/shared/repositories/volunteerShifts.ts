import type { Shift, ShiftSignup } from '../domain/volunteers'
import {
  COLLECTIONS,
  MAX_PAGE,
  collection,
  command,
  findAllWhere,
  findById,
  requireById,
  findByIds,
  findMany,
  insertOne,
  updateWhere,
} from './collections'

export async function insertShift(shift: Omit<Shift, '_id'>): Promise<Shift> {
  return { ...shift, _id: await insertOne(COLLECTIONS.volunteerShifts, shift) }
}

export async function requireShift(id: string): Promise<Shift> {
  return requireById<Shift>(COLLECTIONS.volunteerShifts, id, '该班次不存在')
}

/** Open shifts from the given date on, soonest first. */
export async function listOpenShifts(fromDate: string): Promise<Shift[]> {
  return findMany<Shift>(
    collection(COLLECTIONS.volunteerShifts)
      .where({ status: 'open', date: command().gte(fromDate) })
      .orderBy('date', 'asc')
      .orderBy('start', 'asc')
      .limit(MAX_PAGE),
  )
}

export async function listShiftsOfOrganizers(organizerIds: string[]): Promise<Shift[]> {
  if (organizerIds.length === 0) return []
  return findMany<Shift>(
    collection(COLLECTIONS.volunteerShifts)
      .where({ 'organizer.id': command().in(organizerIds) })
      .orderBy('date', 'desc')
      .limit(MAX_PAGE),
  )
}

export async function listShifts(ids: string[]): Promise<Shift[]> {
  return findByIds<Shift>(COLLECTIONS.volunteerShifts, ids)
}

export async function findSignup(id: string): Promise<ShiftSignup | undefined> {
  return findById<ShiftSignup>(COLLECTIONS.volunteerSignups, id)
}

/** Every active sign-up of the shifts: a shift may take up to 500 volunteers. */
export async function listSignupsOfShifts(shiftIds: string[]): Promise<ShiftSignup[]> {
  if (shiftIds.length === 0) return []
  return findAllWhere<ShiftSignup>(
    COLLECTIONS.volunteerSignups,
    { placeId: command().in(shiftIds), status: command().neq('cancelled') },
    [
      ['createdAt', 'asc'],
      ['_id', 'asc'],
    ],
  )
}

export async function listSignupsOfVolunteer(volunteerId: string): Promise<ShiftSignup[]> {
  return findMany<ShiftSignup>(
    collection(COLLECTIONS.volunteerSignups)
      .where({ userId: volunteerId, status: command().neq('cancelled') })
      .orderBy('createdAt', 'desc')
      .limit(MAX_PAGE),
  )
}

/** Records arrival once, for a booked volunteer; false if already checked in. */
export async function markCheckedIn(signupId: string, at: Date): Promise<boolean> {
  const updated = await updateWhere(
    collection(COLLECTIONS.volunteerSignups).where({
      _id: signupId,
      status: 'booked',
      checkInAt: command().exists(false),
    }),
    { checkInAt: at },
  )
  return updated === 1
}

/** Records departure once, after arrival; false if not checked in or already out. */
export async function markCheckedOut(signupId: string, at: Date): Promise<boolean> {
  const updated = await updateWhere(
    collection(COLLECTIONS.volunteerSignups).where({
      _id: signupId,
      status: 'booked',
      checkInAt: command().exists(true),
      checkOutAt: command().exists(false),
    }),
    { checkOutAt: at },
  )
  return updated === 1
}
