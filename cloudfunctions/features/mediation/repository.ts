import { COLLECTIONS, findById, type Transaction } from '../../shared/db'
import { readAll, readPage } from '../../shared/paging'
import type { CaseAssignment, MediationCase, MediationTeam } from './domain'

const NEWEST_FIRST = [
  ['createdAt', 'desc'],
  ['_id', 'desc'],
] as const

export function findCase(id: string): Promise<MediationCase | undefined> {
  return findById<MediationCase>(COLLECTIONS.mediationCases, id)
}

export function readCaseIn(tx: Transaction, id: string) {
  return tx.get<MediationCase>(COLLECTIONS.mediationCases, id)
}

export function saveCaseIn(tx: Transaction, item: MediationCase) {
  return tx.set(COLLECTIONS.mediationCases, item)
}

export function updateCaseIn(tx: Transaction, id: string, changes: object) {
  return tx.update(COLLECTIONS.mediationCases, id, changes)
}

export function readCasesPage(filter: object, page: number, pageSize: number) {
  return readPage<MediationCase>(COLLECTIONS.mediationCases, filter, NEWEST_FIRST, page, pageSize)
}

/** Every case matching the filter (for figures: a street's or district's cases). */
export function listCases(filter: object): Promise<MediationCase[]> {
  return readAll<MediationCase>(COLLECTIONS.mediationCases, filter, [['_id', 'asc']])
}

export function readAssignmentsPage(userId: string, page: number, pageSize: number) {
  return readPage<CaseAssignment>(
    COLLECTIONS.mediationAssignments,
    { userId },
    NEWEST_FIRST,
    page,
    pageSize,
  )
}

export function saveAssignmentIn(tx: Transaction, assignment: CaseAssignment) {
  return tx.set(COLLECTIONS.mediationAssignments, assignment)
}

export function removeAssignmentIn(tx: Transaction, id: string) {
  return tx.remove(COLLECTIONS.mediationAssignments, id)
}

export function findTeam(communityId: string): Promise<MediationTeam | undefined> {
  return findById<MediationTeam>(COLLECTIONS.mediationTeams, communityId)
}

export function readTeamIn(tx: Transaction, communityId: string) {
  return tx.get<MediationTeam>(COLLECTIONS.mediationTeams, communityId)
}

export function saveTeamIn(tx: Transaction, team: MediationTeam) {
  return tx.set(COLLECTIONS.mediationTeams, team)
}
