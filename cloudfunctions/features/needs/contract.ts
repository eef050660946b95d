import { z } from 'zod'
import {
  PERSONAL_NEED_CATEGORIES,
  PERSONAL_NEED_KINDS,
  keysOf,
  type PersonalNeedCategory,
  type PersonalNeedKind,
} from '../../shared/categories'
import type { Endpoints } from '../../shared/endpoints'
import type { Page } from '../../shared/paging'
import { mobilePhone, oneOf, pageNumber, recordId, text, stars } from '../../shared/validation'
import { PERSONAL_NEED_STATUSES, type Assignee, type PersonalNeedStatus } from './domain'

const needId = recordId('需求')
const photoFileId = z
  .string({ invalid_type_error: '照片无效' })
  .regex(/^cloud:\/\/[\w./-]{1,300}$/, '照片无效')

export const needsInputs = {
  post: z
    .object({
      kind: oneOf('类型', keysOf(PERSONAL_NEED_KINDS)),
      category: oneOf('需求类别', keysOf(PERSONAL_NEED_CATEGORIES)),
      description: text('需求描述', { min: 5, max: 500 }),
      communityId: recordId('社区'),
      contactPhone: mobilePhone('联系电话').optional(),
    })
    .strict(),
  listMine: z.object({ page: pageNumber() }).strict(),
  listCommunity: z
    .object({
      communityId: recordId('社区'),
      status: oneOf('状态', keysOf(PERSONAL_NEED_STATUSES)).optional(),
      /** Only those waiting longer than they should for their next step. */
      overdue: z.boolean({ invalid_type_error: '超期筛选无效' }).optional(),
      page: pageNumber(),
    })
    .strict(),
  detail: z.object({ needId }).strict(),
  accept: z.object({ needId }).strict(),
  assign: z
    .object({
      needId,
      assignee: z
        .object({
          kind: oneOf('承办方类型', ['worker', 'team', 'organization'] as const),
          id: recordId('承办方'),
        })
        .strict(),
    })
    .strict(),
  resolve: z.object({ needId, resolution: text('办理结果', { min: 5, max: 500 }) }).strict(),
  confirm: z
    .object({
      needId,
      rating: stars('评分'),
      comment: text('评价', { max: 200 }).optional(),
    })
    .strict(),
  reopen: z.object({ needId, reason: text('重新办理的原因', { min: 2, max: 200 }) }).strict(),
  withdraw: z.object({ needId }).strict(),
  reply: z
    .object({
      needId,
      text: text('回复内容', { max: 500 }),
      photoFileIds: z.array(photoFileId).max(9, '最多 9 张照片').default([]),
    })
    .strict(),
  revealPhone: z.object({ needId }).strict(),
  assignees: z.object({ communityId: recordId('社区') }).strict(),
}

export interface PersonalNeedView {
  id: string
  kind: PersonalNeedKind
  category: PersonalNeedCategory
  description: string
  communityId: string
  communityName: string
  status: PersonalNeedStatus
  /** Who posted it: the resident's own name for them, for workers too (needed to follow up). */
  residentName: string
  /** Masked for anyone but the resident who gave it. */
  contactPhone?: string
  /** Hours it has waited for the community's next step (to be accepted, or resolved). */
  waitingHours: number
  /** It has waited longer than it should. */
  overdue: boolean
  /** Who handles it, once assigned. */
  handler?: { kind: Assignee['kind']; name: string }
  rating?: number
  createdAt: string
}

export interface NeedReplyView {
  id: string
  authorName: string
  /** Whether the resident or a handler wrote it. */
  side: 'resident' | 'staff'
  text: string
  photoFileIds: string[]
  createdAt: string
}

export interface PersonalNeedDetailView extends PersonalNeedView {
  accepted?: { name: string; at: string }
  assigned?: { kind: Assignee['kind']; name: string; at: string }
  resolution?: { text: string; byName: string; at: string }
  confirmation?: { rating: number; comment?: string; at: string }
  reopened?: { count: number; reason: string; at: string }
  closed?: { reason: 'confirmed' | 'withdrawn' | 'expired'; at: string }
  /** Until when the resident may reopen it (only while resolved). */
  reopenDeadline?: string
  replies: NeedReplyView[]
  /** The mediation case handling it (a dispute taken into mediation). */
  mediationCaseId?: string
  /** What the caller may do now. */
  can: {
    accept: boolean
    assign: boolean
    resolve: boolean
    confirm: boolean
    reopen: boolean
    withdraw: boolean
    reply: boolean
    revealPhone: boolean
    /** Take a dispute into people's mediation. */
    openMediation: boolean
  }
}

export interface AssigneeChoicesView {
  workers: { id: string; name: string }[]
  teams: { id: string; name: string }[]
  organizations: { id: string; name: string }[]
}

export type NeedsApi = Endpoints<
  typeof needsInputs,
  {
    post: PersonalNeedView
    listMine: Page<PersonalNeedView>
    listCommunity: Page<PersonalNeedView>
    detail: PersonalNeedDetailView
    accept: PersonalNeedDetailView
    assign: PersonalNeedDetailView
    resolve: PersonalNeedDetailView
    confirm: PersonalNeedDetailView
    reopen: PersonalNeedDetailView
    withdraw: PersonalNeedDetailView
    reply: PersonalNeedDetailView
    revealPhone: { residentName: string; contactPhone: string }
    assignees: AssigneeChoicesView
  }
>
