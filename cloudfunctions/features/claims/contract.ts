import { z } from 'zod'
import type { ServiceDomain } from '../../shared/categories'
import type { Endpoints } from '../../shared/endpoints'
import { oneOf, recordId, text } from '../../shared/validation'
import { serviceDomain } from '../lists/contract'
import type { CommunityNeedStatus, NeedListKind } from '../lists/domain'
import type { NeedClaim } from './domain'

const units = (label: string) =>
  z
    .number({ required_error: `请填写${label}`, invalid_type_error: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(1, `${label}至少为 1`)
    .max(100000, `${label}过大`)

export const claimsInputs = {
  openNeeds: z
    .object({ communityId: recordId('社区').optional(), domain: serviceDomain.optional() })
    .strict(),
  need: z.object({ needId: recordId('需求') }).strict(),
  claim: z
    .object({
      needId: recordId('需求'),
      organizationId: recordId('组织'),
      quantity: units('认领数量'),
      plan: text('服务方案', { min: 5, max: 500 }),
    })
    .strict(),
  listMine: z.object({}).strict(),
  listCommunity: z
    .object({
      communityId: recordId('社区'),
      status: oneOf('状态', ['pending', 'approved', 'declined']).optional(),
    })
    .strict(),
  approve: z.object({ claimId: recordId('揭榜申请') }).strict(),
  decline: z
    .object({ claimId: recordId('揭榜申请'), note: text('不同意的理由', { min: 2, max: 200 }) })
    .strict(),
  overdue: z.object({ streetId: recordId('街道') }).strict(),
}

/** A published need as providers see it (no residents' data is on it). */
export interface OpenNeedView {
  id: string
  communityId: string
  communityName: string
  list: NeedListKind
  domain: ServiceDomain
  title: string
  description: string
  quantity: number
  committed: number
  unit: string
  splittable: boolean
  window: { from: string; to: string }
  status: CommunityNeedStatus
  createdAt: string
}

export interface ClaimView {
  id: string
  needId: string
  needTitle: string
  communityId: string
  organizationId: string
  organizationName: string
  quantity: number
  unit: string
  plan: string
  status: NeedClaim['status']
  decisionNote?: string
  projectId?: string
  createdAt: string
}

export interface OverdueNeedView extends OpenNeedView {
  daysWaiting: number
}

export type ClaimsApi = Endpoints<
  typeof claimsInputs,
  {
    openNeeds: OpenNeedView[]
    need: OpenNeedView
    claim: ClaimView
    listMine: ClaimView[]
    listCommunity: ClaimView[]
    approve: ClaimView
    decline: ClaimView
    overdue: { limitDays: number; items: OverdueNeedView[] }
  }
>
