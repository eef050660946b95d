import { COLLECTIONS, command, findById, type Transaction } from '../../shared/db'
import { readAll } from '../../shared/paging'
import type { PersonalNeed } from '../needs/domain'
import type { CoBuildProject, ProjectProgress, ProjectRating } from './domain'

export function findProject(id: string): Promise<CoBuildProject | undefined> {
  return findById<CoBuildProject>(COLLECTIONS.projects, id)
}

export function readProjectIn(tx: Transaction, id: string) {
  return tx.get<CoBuildProject>(COLLECTIONS.projects, id)
}

export function saveProjectIn(tx: Transaction, project: CoBuildProject) {
  return tx.set(COLLECTIONS.projects, project)
}

export function updateProjectIn(tx: Transaction, id: string, changes: object) {
  return tx.update(COLLECTIONS.projects, id, changes)
}

/** Projects of some communities, newest first; a street has hundreds at most. */
export function listProjectsOfCommunities(communityIds: string[]): Promise<CoBuildProject[]> {
  return readAll<CoBuildProject>(
    COLLECTIONS.projects,
    { communityId: command().in(communityIds) },
    [
      ['createdAt', 'desc'],
      ['_id', 'desc'],
    ],
  )
}

/** The projects an organization carries out, newest first. */
export function listProjectsOfOrganization(organizationId: string): Promise<CoBuildProject[]> {
  return readAll<CoBuildProject>(COLLECTIONS.projects, { organizationId }, [
    ['createdAt', 'desc'],
    ['_id', 'desc'],
  ])
}

export function listProgress(projectId: string): Promise<ProjectProgress[]> {
  return readAll<ProjectProgress>(COLLECTIONS.projectProgress, { projectId }, [
    ['month', 'asc'],
    ['_id', 'asc'],
  ])
}

export function readProgressIn(tx: Transaction, id: string) {
  return tx.get<ProjectProgress>(COLLECTIONS.projectProgress, id)
}

export function saveProgressIn(tx: Transaction, entry: ProjectProgress) {
  return tx.set(COLLECTIONS.projectProgress, entry)
}

/** Active projects not updated (no progress entry) since the cutoff. */
export function listStalledProjects(cutoff: Date): Promise<CoBuildProject[]> {
  return readAll<CoBuildProject>(
    COLLECTIONS.projects,
    { status: 'active', updatedAt: command().lt(cutoff) },
    [
      ['updatedAt', 'asc'],
      ['_id', 'asc'],
    ],
  )
}

/** Closed projects, every organization's (the ratings matching weighs). */
export function listClosedProjects(): Promise<CoBuildProject[]> {
  return readAll<CoBuildProject>(COLLECTIONS.projects, { status: 'closed' }, [
    ['updatedAt', 'asc'],
    ['_id', 'asc'],
  ])
}

export function findRating(id: string): Promise<ProjectRating | undefined> {
  return findById<ProjectRating>(COLLECTIONS.projectRatings, id)
}

export function readRatingIn(tx: Transaction, id: string) {
  return tx.get<ProjectRating>(COLLECTIONS.projectRatings, id)
}

export function saveRatingIn(tx: Transaction, rating: ProjectRating) {
  return tx.set(COLLECTIONS.projectRatings, rating)
}

/** The resident's own needs: those the community took into a need line make them one served. */
export function listNeedsOfResident(residentId: string): Promise<PersonalNeed[]> {
  return readAll<PersonalNeed>(COLLECTIONS.personalNeeds, { residentId }, [
    ['createdAt', 'desc'],
    ['_id', 'asc'],
  ])
}
