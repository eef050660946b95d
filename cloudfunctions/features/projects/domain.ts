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
