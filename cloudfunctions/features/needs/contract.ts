import { z } from 'zod'
import {
  PERSONAL_NEED_CATEGORIES,
  PERSONAL_NEED_KINDS,
  PERSONAL_NEED_STATUSES,
  keysOf,
  type PersonalNeedCategory,
  type PersonalNeedKind,
  type PersonalNeedStatus,
} from '../../shared/categories'
import type { Endpoints } from '../../shared/endpoints'
import type { Page } from '../../shared/paging'
import { mobilePhone, oneOf, pageNumber, recordId, text } from '../../shared/validation'

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
      page: pageNumber(),
    })
    .strict(),
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
  createdAt: string
}

export type NeedsApi = Endpoints<
  typeof needsInputs,
  {
    post: PersonalNeedView
    listMine: Page<PersonalNeedView>
    listCommunity: Page<PersonalNeedView>
  }
>
