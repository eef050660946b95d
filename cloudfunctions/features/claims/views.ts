import type { CommunityNeed } from '../lists/domain'
import type { ClaimView, OpenNeedView } from './contract'
import type { NeedClaim } from './domain'

/** A published need as providers see it: no resident's data is on it. */
export function toOpenNeedView(need: CommunityNeed): OpenNeedView {
  return {
    id: need._id,
    communityId: need.communityId,
    communityName: need.communityName,
    list: need.list,
    domain: need.domain,
    title: need.title,
    description: need.description,
    quantity: need.capacity.limit,
    committed: need.capacity.taken,
    unit: need.unit,
    splittable: need.splittable,
    window: need.window,
    status: need.status,
    createdAt: new Date(need.createdAt).toISOString(),
  }
}

export function toClaimView(claim: NeedClaim): ClaimView {
  return {
    id: claim._id,
    needId: claim.needId,
    needTitle: claim.needTitle,
    communityId: claim.communityId,
    organizationId: claim.organizationId,
    organizationName: claim.organizationName,
    quantity: claim.quantity,
    unit: claim.unit,
    plan: claim.plan,
    status: claim.status,
    ...(claim.decisionNote ? { decisionNote: claim.decisionNote } : {}),
    ...(claim.projectId ? { projectId: claim.projectId } : {}),
    createdAt: new Date(claim.createdAt).toISOString(),
  }
}
