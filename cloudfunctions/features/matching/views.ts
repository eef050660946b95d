import type { CommunityNeed } from '../lists/domain'
import type { MatchProposalView, UnmatchedNeedView } from './contract'
import type { MatchProposalRecord } from './domain'

export function toProposalView(proposal: MatchProposalRecord): MatchProposalView {
  return {
    id: proposal._id,
    communityId: proposal.communityId,
    communityName: proposal.communityName,
    needId: proposal.needId,
    needTitle: proposal.needTitle,
    offeringId: proposal.offeringId,
    offeringTitle: proposal.offeringTitle,
    organizationId: proposal.organizationId,
    organizationName: proposal.organizationName,
    quantity: proposal.quantity,
    unit: proposal.unit,
    reasons: proposal.reasons,
    communityDecision: proposal.communityDecision,
    providerDecision: proposal.providerDecision,
    // A staged proposal is never listed; should one be read, it is not yet proposed to anyone.
    status: proposal.status === 'staged' ? 'superseded' : proposal.status,
    ...(proposal.projectId ? { projectId: proposal.projectId } : {}),
    createdAt: new Date(proposal.createdAt).toISOString(),
  }
}

export function toUnmatchedView(
  need: CommunityNeed,
  quantityUnserved: number,
  reason: string,
): UnmatchedNeedView {
  return {
    needId: need._id,
    needTitle: need.title,
    communityName: need.communityName,
    quantityUnserved,
    unit: need.unit,
    reason,
  }
}
