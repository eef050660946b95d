import type { PersonalNeedCategory, PersonalNeedKind } from '../../shared/categories'
import { DAY_MS } from '../../shared/time'

/**
 * A resident's need, from 待受理 to its end: a worker accepts it (已受理), it is handled by a worker,
 * a team, an organization or the community's need list (处理中), the handler records what was done
 * (已办结), and the resident confirms and rates it, or reopens it within 7 days (then it is handled
 * again). A resident may withdraw it before anyone handles it.
 */
export type PersonalNeedStatus = 'open' | 'accepted' | 'in_progress' | 'resolved' | 'closed'

export const PERSONAL_NEED_STATUSES: Record<PersonalNeedStatus, string> = {
  open: '待受理',
  accepted: '已受理',
  in_progress: '处理中',
  resolved: '已办结',
  closed: '已完结',
}

/** A resolved need may be reopened by its resident for this long; after it, it closes by itself. */
export const REOPEN_DAYS = 7
/** A need should be accepted within a day of being posted (or reopened)… */
export const ACCEPT_WITHIN_HOURS = 24
/** …and resolved within three days of being accepted. */
export const RESOLVE_WITHIN_HOURS = 72

const HOUR_MS = 3_600_000

export interface Person {
  id: string
  name: string
}

/**
 * Who handles a need: a worker, a volunteer team, an organization, the community's need list, or a
 * mediation case (a dispute).
 */
export type Assignee =
  | { kind: 'worker'; id: string; name: string }
  | { kind: 'team'; id: string; name: string }
  | { kind: 'organization'; id: string; name: string }
  | { kind: 'need_list'; id: string; name: string }
  | { kind: 'mediation'; id: string; name: string }

export const ASSIGNEE_KINDS: Record<Assignee['kind'], string> = {
  worker: '社区工作者',
  team: '志愿服务队',
  organization: '服务组织',
  need_list: '社区需求清单',
  mediation: '人民调解',
}

export interface PersonalNeed {
  _id: string
  residentId: string
  residentName: string
  districtId: string
  streetId: string
  communityId: string
  kind: PersonalNeedKind
  category: PersonalNeedCategory
  description: string
  /** Given only if the resident wants to be called back; shown masked to workers. */
  contactPhone?: string
  status: PersonalNeedStatus
  accepted?: Person & { at: Date }
  assignee?: Assignee & { at: Date }
  resolution?: { text: string; by: Person; at: Date }
  confirmation?: { rating: number; comment?: string; at: Date }
  /** How often the resident reopened it, and the last time. */
  reopened?: { count: number; at: Date; reason: string }
  closed?: { reason: 'confirmed' | 'withdrawn' | 'expired'; at: Date }
  /** When the clock of the community's next step started: posted, accepted, or reopened. */
  waitingSince: Date
  createdAt: Date
  updatedAt: Date
}

/** A message on a need's thread, which the resident and its handlers see. */
export interface NeedReply {
  _id: string
  needId: string
  author: Person & { side: 'resident' | 'staff' }
  text: string
  photoFileIds: string[]
  createdAt: Date
}

/**
 * How long the need has waited for the community's next step, and whether that is too long: to be
 * accepted (from posting), or to be resolved (from acceptance or reopening).
 */
export function waitingOf(need: PersonalNeed, now: Date): { hours: number; overdue: boolean } {
  const limit =
    need.status === 'open'
      ? ACCEPT_WITHIN_HOURS
      : need.status === 'accepted' || need.status === 'in_progress'
        ? RESOLVE_WITHIN_HOURS
        : undefined
  if (limit === undefined) return { hours: 0, overdue: false }
  const hours = Math.floor((now.getTime() - new Date(need.waitingSince).getTime()) / HOUR_MS)
  return { hours, overdue: hours >= limit }
}

/** Until when a resolved need may be reopened (undefined when it is not resolved). */
export function reopenDeadlineOf(need: PersonalNeed): Date | undefined {
  if (need.status !== 'resolved' || !need.resolution) return undefined
  return new Date(new Date(need.resolution.at).getTime() + REOPEN_DAYS * DAY_MS)
}

/** The statuses a worker may move a need on from, by step. */
export const STEPS_FROM: Record<'accept' | 'assign' | 'resolve', PersonalNeedStatus[]> = {
  accept: ['open'],
  assign: ['open', 'accepted', 'in_progress'],
  resolve: ['accepted', 'in_progress'],
}

/**
 * What taking a resident's need into the community's need list changes: it is accepted (if it was
 * not yet) and handled from now on as that line of the list.
 */
export function promotionOf(
  need: PersonalNeed,
  line: { id: string; title: string },
  by: Person,
  now: Date,
): Partial<PersonalNeed> {
  return {
    status: 'in_progress',
    ...(need.accepted ? {} : { accepted: { ...by, at: now }, waitingSince: now }),
    assignee: { kind: 'need_list', id: line.id, name: line.title, at: now },
    updatedAt: now,
  }
}
