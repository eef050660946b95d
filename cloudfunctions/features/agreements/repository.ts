import { COLLECTIONS, command, findById, type Transaction } from '../../shared/db'
import { readAll, readPage } from '../../shared/paging'
import type { CoBuildProject, ProjectProgress } from '../projects/domain'
import type { HoursEntry } from '../volunteers/domain'
import type { Agreement } from './domain'

export function findAgreement(id: string): Promise<Agreement | undefined> {
  return findById<Agreement>(COLLECTIONS.agreements, id)
}

export function readAgreementIn(tx: Transaction, id: string) {
  return tx.get<Agreement>(COLLECTIONS.agreements, id)
}

export function saveAgreementIn(tx: Transaction, agreement: Agreement) {
  return tx.set(COLLECTIONS.agreements, agreement)
}

export function updateAgreementIn(tx: Transaction, id: string, changes: object) {
  return tx.update(COLLECTIONS.agreements, id, changes)
}

/** A page of agreements, newest first. */
export function readAgreementsPage(filter: object, page: number, pageSize: number) {
  return readPage<Agreement>(
    COLLECTIONS.agreements,
    filter,
    [
      ['createdAt', 'desc'],
      ['_id', 'desc'],
    ],
    page,
    pageSize,
  )
}

/** Projects matching the filter (a street's, a community's, an organization's there). */
export function listProjectsWhere(filter: object): Promise<CoBuildProject[]> {
  return readAll<CoBuildProject>(COLLECTIONS.projects, filter, [['_id', 'asc']])
}

export function listProgressOfProjects(projectIds: string[]): Promise<ProjectProgress[]> {
  if (projectIds.length === 0) return Promise.resolve([])
  return readAll<ProjectProgress>(
    COLLECTIONS.projectProgress,
    { projectId: command().in(projectIds) },
    [['_id', 'asc']],
  )
}

/** Hours recorded by some organizers (an organization, or a street's communities). */
export function listHoursOfOrganizers(organizerIds: string[]): Promise<HoursEntry[]> {
  if (organizerIds.length === 0) return Promise.resolve([])
  return readAll<HoursEntry>(
    COLLECTIONS.volunteerHours,
    { 'organizer.id': command().in(organizerIds) },
    [['_id', 'asc']],
  )
}
