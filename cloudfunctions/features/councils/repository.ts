import { COLLECTIONS, findById, type Transaction } from '../../shared/db'
import { readAll } from '../../shared/paging'
import type { Council, CouncilMeeting } from './domain'

export function findCouncil(id: string): Promise<Council | undefined> {
  return findById<Council>(COLLECTIONS.councils, id)
}

export function readCouncilIn(tx: Transaction, id: string) {
  return tx.get<Council>(COLLECTIONS.councils, id)
}

export function saveCouncilIn(tx: Transaction, council: Council) {
  return tx.set(COLLECTIONS.councils, council)
}

/** The district's councils, one per street (a handful). */
export function listCouncilsOfDistrict(districtId: string): Promise<Council[]> {
  return readAll<Council>(COLLECTIONS.councils, { districtId }, [['_id', 'asc']])
}

export function findCouncilMeeting(id: string): Promise<CouncilMeeting | undefined> {
  return findById<CouncilMeeting>(COLLECTIONS.councilMeetings, id)
}

export function readCouncilMeetingIn(tx: Transaction, id: string) {
  return tx.get<CouncilMeeting>(COLLECTIONS.councilMeetings, id)
}

export function saveCouncilMeetingIn(tx: Transaction, meeting: CouncilMeeting) {
  return tx.set(COLLECTIONS.councilMeetings, meeting)
}

export function updateCouncilMeetingIn(tx: Transaction, id: string, changes: object) {
  return tx.update(COLLECTIONS.councilMeetings, id, changes)
}

/** A street's meetings, latest quarter first. */
export function listMeetingsOfStreet(streetId: string): Promise<CouncilMeeting[]> {
  return readAll<CouncilMeeting>(COLLECTIONS.councilMeetings, { streetId }, [
    ['quarter', 'desc'],
    ['_id', 'asc'],
  ])
}
