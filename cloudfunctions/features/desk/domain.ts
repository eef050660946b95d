import { SERVICE_DOMAINS, type ServiceDomain } from '../../shared/categories'
import type { OrganizationKind } from '../organizations/domain'

/** A project's stage on the desk: not yet reporting progress, reporting, or closed. */
export type ProjectStage = 'starting' | 'underWay' | 'closed'

export const PROJECT_STAGES: Record<ProjectStage, string> = {
  starting: '待启动',
  underWay: '实施中',
  closed: '已结项',
}

/** The needs funnel, each stage counted in need-list lines (a line counts once per stage). */
export const FUNNEL_STAGES = {
  published: '已发布',
  matched: '已匹配',
  claimed: '已揭榜',
  project: '已立项',
  closed: '已结项',
} as const
export type FunnelStage = keyof typeof FUNNEL_STAGES

/**
 * One community's figures at the moment of a snapshot. Counts of what is open are the state then;
 * everything else is cumulative since the start, so a month's flow is the difference between two
 * snapshots.
 */
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
  funnel: Record<FunnelStage, number>
  projects: Partial<Record<ServiceDomain, Record<ProjectStage, number>>>
  /** 服务人次 reported in projects' monthly progress. */
  projectPeopleServed: number
  /** Residents checked in at service stalls (each a 人次 too). */
  stallVisits: number
  /** Verified and waiting for review. */
  volunteersRegistered: number
  /** Volunteers with hours credited in the 30 days before the snapshot. */
  volunteersActive: number
  hoursMinutes: number
  mediationCases: number
  mediationSucceeded: number
}

/** A street's figures kept at street level (慈善资源库 is a street's). */
export interface StreetFigures {
  streetId: string
  donations: number
  /** Cash and sale proceeds plus goods' value, in fen. */
  donationsFen: number
}

/** A district's providers' resource lists by kind. */
export interface DistrictFigures {
  districtId: string
  resources: Partial<Record<OrganizationKind, { providers: number; offerings: number }>>
}

/** The figures of every community on one China date (`_id` YYYY-MM-DD), taken once that day. */
export interface DailyFigures {
  _id: string
  /** YYYY-MM, so a month's last snapshot is one indexed read. */
  month: string
  takenAt: Date
  communities: CommunityFigures[]
  streets: StreetFigures[]
  districts: DistrictFigures[]
}

/** Active volunteers are those with hours credited within this many days. */
export const ACTIVE_WITHIN_DAYS = 30

/** How many months the desk's trends reach back, the current one included. */
export const TREND_MONTHS = 12

export function emptyFigures(communityId: string): CommunityFigures {
  return {
    communityId,
    personalNeedsOpen: 0,
    personalNeedsAccepted: 0,
    listedNeedsOpen: 0,
    projectsActive: 0,
    projectsClosed: 0,
    volunteersVerified: 0,
    funnel: { published: 0, matched: 0, claimed: 0, project: 0, closed: 0 },
    projects: {},
    projectPeopleServed: 0,
    stallVisits: 0,
    volunteersRegistered: 0,
    volunteersActive: 0,
    hoursMinutes: 0,
    mediationCases: 0,
    mediationSucceeded: 0,
  }
}

/** The figures of several communities added up (a street's, a district's). */
export function sumFigures(id: string, parts: CommunityFigures[]): CommunityFigures {
  const total = emptyFigures(id)
  for (const part of parts) {
    for (const key of NUMERIC_KEYS) total[key] += part[key]
    for (const stage of Object.keys(total.funnel) as FunnelStage[]) {
      total.funnel[stage] += part.funnel[stage]
    }
    for (const [domain, stages] of Object.entries(part.projects) as [
      ServiceDomain,
      Record<ProjectStage, number>,
    ][]) {
      const into = (total.projects[domain] ??= { starting: 0, underWay: 0, closed: 0 })
      into.starting += stages.starting
      into.underWay += stages.underWay
      into.closed += stages.closed
    }
  }
  return total
}

const NUMERIC_KEYS = [
  'personalNeedsOpen',
  'personalNeedsAccepted',
  'listedNeedsOpen',
  'projectsActive',
  'projectsClosed',
  'volunteersVerified',
  'projectPeopleServed',
  'stallVisits',
  'volunteersRegistered',
  'volunteersActive',
  'hoursMinutes',
  'mediationCases',
  'mediationSucceeded',
] as const satisfies (keyof CommunityFigures)[]

/** 服务人次: people served in projects' months and residents seen at stalls. */
export function peopleServedOf(figures: CommunityFigures): number {
  return figures.projectPeopleServed + figures.stallVisits
}

/** The YYYY-MM months of a trend ending with `month`, oldest first. */
export function monthsUpTo(month: string, count: number): string[] {
  const [year, monthNumber] = month.split('-').map(Number)
  return Array.from({ length: count }, (_, index) => {
    const offset = monthNumber - 1 - (count - 1 - index)
    const y = year + Math.floor(offset / 12)
    const m = ((offset % 12) + 12) % 12
    return `${y}-${String(m + 1).padStart(2, '0')}`
  })
}

/** One month of a trend: what was added in it (the difference of two month-end figures). */
export interface TrendPoint {
  month: string
  needsPublished: number
  projectsStarted: number
  peopleServed: number
  hours: number
  stallVisits: number
  mediationCases: number
}

/**
 * Month-by-month additions from each month's last figures. A month without a snapshot (the timer
 * did not run, or the product was not in use yet) adds nothing, and the next month counts from
 * the last figures known.
 */
export function trendOf(
  months: string[],
  before: CommunityFigures | undefined,
  atMonthEnd: Map<string, CommunityFigures>,
): TrendPoint[] {
  let previous = before
  return months.map((month) => {
    const current = atMonthEnd.get(month)
    if (!current) {
      return {
        month,
        needsPublished: 0,
        projectsStarted: 0,
        peopleServed: 0,
        hours: 0,
        stallVisits: 0,
        mediationCases: 0,
      }
    }
    const base = previous ?? emptyFigures(current.communityId)
    previous = current
    const started = (figures: CommunityFigures) => figures.projectsActive + figures.projectsClosed
    return {
      month,
      needsPublished: Math.max(0, current.funnel.published - base.funnel.published),
      projectsStarted: Math.max(0, started(current) - started(base)),
      peopleServed: Math.max(0, peopleServedOf(current) - peopleServedOf(base)),
      hours: Math.max(0, Math.round((current.hoursMinutes - base.hoursMinutes) / 6) / 10),
      stallVisits: Math.max(0, current.stallVisits - base.stallVisits),
      mediationCases: Math.max(0, current.mediationCases - base.mediationCases),
    }
  })
}

export function domainLabel(domain: string): string {
  return SERVICE_DOMAINS[domain as ServiceDomain] ?? domain
}
