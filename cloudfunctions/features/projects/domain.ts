import type { ServiceDomain } from '../../shared/categories'
import type { CommunityNeed } from '../lists/domain'

/** 共建项目清单 (co_build) or 特色项目清单 (special, grown from a community's special need). */
export type ProjectListKind = 'co_build' | 'special'

/** What a project carries out: an approved claim or an agreed matching proposal. */
export interface ProjectSource {
  kind: 'match' | 'claim'
  id: string
}

/** A co-build project: an approved match or claim being carried out by a provider. */
export interface CoBuildProject {
  /** projectIdOf(source): one project per claim or proposal, whatever retries. */
  _id: string
  districtId: string
  streetId: string
  communityId: string
  communityName: string
  source: ProjectSource
  needId: string
  organizationId: string
  organizationName: string
  list: ProjectListKind
  domain: ServiceDomain
  title: string
  /** The units of the need this project serves, e.g. 6 次. */
  quantity: number
  unit: string
  status: 'active' | 'closed'
  /** How many monthly progress entries were recorded; kept on the project for list views. */
  progressCount: number
  /** Indicators set as it starts (效果评估的目标). */
  targets?: ProjectTargets
  /** Residents' one-tap ratings so far (each also a project_ratings record). */
  ratings?: { count: number; sum: number }
  evaluation?: ProjectEvaluation
  /** Each time the street reopened it, with the evaluation it set aside. */
  reopenings?: { reason: string; by: string; at: Date; evaluation: ProjectEvaluation }[]
  createdAt: Date
  updatedAt: Date
}

/** A closed project may be reopened by its street for this long after it closed. */
export const REOPEN_WITHIN_DAYS = 30

/** The community worker's effect evaluation (效果评估), recorded when a project closes. */
export interface ProjectEvaluation {
  /** Residents' satisfaction, 1 (poor) to 5 (very satisfied). */
  satisfaction: number
  target: string
  achieved: string
  evaluatedBy: string
  evaluatedAt: Date
  /** What was achieved: people served counted from the monthly entries, sessions and hours. */
  measured?: ProjectMeasures
  /** The mean of the residents' ratings when it closed, if any rated. */
  residents?: { mean: number; count: number }
  /** The project's satisfaction score: the residents' mean when they rated, else the worker's. */
  score?: number
}

export interface ProjectMeasures {
  peopleServed: number
  sessions: number
  hours: number
}

export interface ProjectTargets extends ProjectMeasures {
  /** 1 to 5 */
  satisfaction: number
}

/** A served resident's rating of a project, one per person and project. */
export interface ProjectRating {
  /** ratingIdOf(projectId, userId) */
  _id: string
  projectId: string
  userId: string
  stars: number
  createdAt: Date
}

export const ratingIdOf = (projectId: string, userId: string) => `rating-${projectId}-${userId}`

/** Evaluations before scores were kept count the worker's satisfaction. */
export function scoreOf(evaluation: ProjectEvaluation): number {
  return evaluation.score ?? evaluation.satisfaction
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10

export function residentsMeanOf(
  ratings: CoBuildProject['ratings'],
): { mean: number; count: number } | undefined {
  if (!ratings || ratings.count === 0) return undefined
  return { mean: oneDecimal(ratings.sum / ratings.count), count: ratings.count }
}

/** An organization's rating: the mean score of its closed, evaluated projects. */
export function organizationRatingOf(
  projects: Pick<CoBuildProject, 'status' | 'evaluation'>[],
): { rating: number; count: number } | undefined {
  const scores = projects.flatMap((project) =>
    project.status === 'closed' && project.evaluation ? [scoreOf(project.evaluation)] : [],
  )
  if (scores.length === 0) return undefined
  const total = scores.reduce((sum, score) => sum + score, 0)
  return { rating: oneDecimal(total / scores.length), count: scores.length }
}

/** One month's progress of a project (月度进展). */
export interface ProjectProgress {
  _id: string
  projectId: string
  /** YYYY-MM */
  month: string
  summary: string
  /** People served in the month (服务人次). */
  peopleServed: number
  photoFileIds: string[]
  authorId: string
  authorName: string
  createdAt: Date
}

/** An active project with no progress entry for this long is brought to its people (停滞项目). */
export const STALLED_AFTER_DAYS = 60

export function projectIdOf(source: ProjectSource): string {
  return `${source.kind}-${source.id}`
}

/** A new project for an approved claim or agreed match (its units are already committed). */
export function newProject(input: {
  source: ProjectSource
  need: CommunityNeed
  organizationId: string
  organizationName: string
  quantity: number
  unit: string
  now: Date
}): CoBuildProject {
  const { need } = input
  return {
    _id: projectIdOf(input.source),
    districtId: need.districtId,
    streetId: need.streetId,
    communityId: need.communityId,
    communityName: need.communityName,
    source: input.source,
    needId: need._id,
    organizationId: input.organizationId,
    organizationName: input.organizationName,
    // A special need becomes a 特色项目, any other a 共建项目.
    list: need.list === 'special' ? 'special' : 'co_build',
    domain: need.domain,
    title: need.title,
    quantity: input.quantity,
    unit: input.unit,
    status: 'active',
    progressCount: 0,
    createdAt: input.now,
    updatedAt: input.now,
  }
}
