import { z } from 'zod'
import type { Endpoints } from '../../shared/endpoints'
import type { Page } from '../../shared/paging'
import { oneOf, pageNumber, recordId } from '../../shared/validation'
import type { MatchProposalRecord } from './domain'

const proposalId = z.object({ proposalId: recordId('匹配方案') }).strict()

export const matchingInputs = {
  /** Computes proposals for a community (its worker), a street or the district (their admins). */
  run: z
    .object({
      scope: oneOf('匹配范围', ['community', 'street', 'district'] as const),
      scopeId: recordId('匹配范围'),
    })
    .strict(),
  list: z
    .object({
      communityId: recordId('社区').optional(),
      streetId: recordId('街道').optional(),
      organizationId: recordId('组织').optional(),
      status: oneOf('状态', ['proposed', 'accepted', 'rejected', 'declined'] as const).optional(),
      page: pageNumber(),
    })
    .strict()
    .refine(
      (input) =>
        [input.communityId, input.streetId, input.organizationId].filter(Boolean).length === 1,
      '请选择一个社区、街道或组织',
    ),
  confirm: proposalId,
  reject: proposalId,
  accept: proposalId,
  decline: proposalId,
}

/** A proposal as both sides see it; `reasons` say why this provider in words a worker reads. */
export interface MatchProposalView {
  id: string
  communityId: string
  communityName: string
  needId: string
  needTitle: string
  offeringId: string
  offeringTitle: string
  organizationId: string
  organizationName: string
  quantity: number
  unit: string
  reasons: string[]
  communityDecision: MatchProposalRecord['communityDecision']
  providerDecision: MatchProposalRecord['providerDecision']
  status: 'proposed' | 'accepted' | 'rejected' | 'declined' | 'superseded'
  projectId?: string
  createdAt: string
}

export interface UnmatchedNeedView {
  needId: string
  needTitle: string
  communityName: string
  quantityUnserved: number
  unit: string
  reason: string
}

export interface MatchingRunView {
  proposals: MatchProposalView[]
  unmatched: UnmatchedNeedView[]
  needsConsidered: number
  offeringsConsidered: number
  /** Σ weight × units proposed, over Σ weight × units asked. */
  weightedServed: number
  weightedDemand: number
}

export type MatchingApi = Endpoints<
  typeof matchingInputs,
  {
    run: MatchingRunView
    list: Page<MatchProposalView>
    confirm: MatchProposalView
    reject: MatchProposalView
    accept: MatchProposalView
    decline: MatchProposalView
  }
>
