import { COLLECTIONS, command, countWhere, insertIfAbsent } from '../../shared/db'
import type { Endpoints, OutputsOf } from '../../shared/endpoints'
import { defineService } from '../../shared/handler'
import { chinaDateOf } from '../../shared/time'
import { loadDistrictTree } from '../directory/repository'

// The street and district desk. Its pages and actions are still to come; what is here is the daily
// snapshot of figures its timer keeps, so the desk reads a year of figures without counting a year
// of records.

export const deskInputs = {}

export type DeskApi = Endpoints<typeof deskInputs, Record<never, never>>

export const deskService = defineService<typeof deskInputs, OutputsOf<DeskApi>>(deskInputs, {})

/** One community's figures at the moment of a snapshot. */
export interface CommunityFigures {
  communityId: string
  /** Residents' needs (报事/求助) waiting to be taken up, and taken up. */
  personalNeedsOpen: number
  personalNeedsAccepted: number
  /** Lines of the need list still open to claims. */
  listedNeedsOpen: number
  projectsActive: number
  projectsClosed: number
  volunteersVerified: number
}

/** The figures of every community on one China date, taken once that day. */
export interface DailyFigures {
  /** YYYY-MM-DD */
  _id: string
  takenAt: Date
  communities: CommunityFigures[]
}

/** The desk function's daily timer: records today's snapshot, once (a second run keeps the first). */
export async function deskOnTimer(): Promise<{
  date: string
  communities: number
  taken: boolean
}> {
  const now = new Date()
  const { communities } = await loadDistrictTree()
  const _ = command()
  const figures = await Promise.all(
    communities.map(async ({ _id: communityId }): Promise<CommunityFigures> => {
      const [open, accepted, listed, active, closed, volunteers] = await Promise.all([
        countWhere(COLLECTIONS.personalNeeds, { communityId, status: 'open' }),
        countWhere(COLLECTIONS.personalNeeds, { communityId, status: 'accepted' }),
        countWhere(COLLECTIONS.communityNeeds, {
          communityId,
          status: _.in(['open', 'partly_served']),
        }),
        countWhere(COLLECTIONS.projects, { communityId, status: 'active' }),
        countWhere(COLLECTIONS.projects, { communityId, status: 'closed' }),
        countWhere(COLLECTIONS.volunteers, { communityId, status: 'verified' }),
      ])
      return {
        communityId,
        personalNeedsOpen: open,
        personalNeedsAccepted: accepted,
        listedNeedsOpen: listed,
        projectsActive: active,
        projectsClosed: closed,
        volunteersVerified: volunteers,
      }
    }),
  )
  const date = chinaDateOf(now)
  const taken = await insertIfAbsent<DailyFigures>(COLLECTIONS.dailyFigures, {
    _id: date,
    takenAt: now,
    communities: figures,
  })
  return { date, communities: figures.length, taken }
}
