import { COLLECTIONS, command, findById, type Transaction } from '../../shared/db'
import { readAll } from '../../shared/paging'
import type { CoBuildProject, ProjectProgress } from '../projects/domain'
import type { MonthlyMeeting } from './domain'

export function findMeeting(id: string): Promise<MonthlyMeeting | undefined> {
  return findById<MonthlyMeeting>(COLLECTIONS.monthlyMeetings, id)
}

export function readMeetingIn(tx: Transaction, id: string) {
  return tx.get<MonthlyMeeting>(COLLECTIONS.monthlyMeetings, id)
}

export function saveMeetingIn(tx: Transaction, meeting: MonthlyMeeting) {
  return tx.set(COLLECTIONS.monthlyMeetings, meeting)
}

/** The community's projects, oldest first (the order the meeting goes through them). */
export function listCommunityProjects(communityId: string): Promise<CoBuildProject[]> {
  return readAll<CoBuildProject>(COLLECTIONS.projects, { communityId }, [
    ['createdAt', 'asc'],
    ['_id', 'asc'],
  ])
}

export function listProgressOfMonth(projectIds: string[], month: string) {
  if (projectIds.length === 0) return Promise.resolve([])
  return readAll<ProjectProgress>(
    COLLECTIONS.projectProgress,
    { projectId: command().in(projectIds), month },
    [['_id', 'asc']],
  )
}
