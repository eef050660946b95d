import { currentUser } from '../shared/caller'
import type { OutputsOf } from '../shared/contract/endpoints'
import {
  matchingInputs,
  type MatchingApi,
  type MatchProposalView,
  type UnmatchedNeedView,
} from '../shared/contract/matching'
import { SERVICE_DOMAINS } from '../shared/domain/categories'
import {
  requireMembership,
  requireOversight,
  requireStreetOversight,
  requireWorkerOf,
} from '../shared/domain/roles'
import type {
  CommunityNeed,
  MatchProposalRecord,
  Organization,
  ResourceOffering,
  UserRecord,
} from '../shared/domain/types'
import { AppError } from '../shared/errors'
import { defineFunction } from '../shared/handler'
import { matchNeeds, type MatchingInput } from '../shared/matching'
import { recordAudit } from '../shared/repositories/auditLog'
import {
  listClaimableNeeds,
  releaseNeedUnits,
  requireCommunityNeed,
  reserveNeedUnits,
} from '../shared/repositories/communityNeeds'
import { loadDistrictTree, requireCommunity, requireStreet } from '../shared/repositories/directory'
import {
  insertProposals,
  listProposals,
  requireProposal,
  supersedeUndecided,
  transitionProposal,
} from '../shared/repositories/matchProposals'
import { listOrganizations, requireOrganization } from '../shared/repositories/organizations'
import { startProject } from '../shared/repositories/projects'
import {
  activeOfferingsWithCapacity,
  releaseOfferingUnits,
  requireOffering,
  reserveOfferingUnits,
} from '../shared/repositories/resourceOfferings'

/**
 * Weight of a need in the matching objective: priority 高 3, 中 2, 低 1, doubled when the need
 * serves a focus group (一老一小一新一特), so those are served first when capacity runs short.
 */
export const PRIORITY_WEIGHT = { high: 3, medium: 2, low: 1 } as const
export const FOCUS_GROUP_FACTOR = 2

const GRADE_RATING = { '5A': 5, '4A': 4.5, '3A': 4 } as const

export const main = defineFunction<typeof matchingInputs, OutputsOf<MatchingApi>>(matchingInputs, {
  async run({ scope, scopeId }) {
    const user = await currentUser()
    const tree = await loadDistrictTree()
    const communityIds = await scopeCommunityIds(user, scope, scopeId, tree)
    const [needs, offerings, organizations] = await Promise.all([
      listClaimableNeeds(communityIds),
      activeOfferingsWithCapacity(),
      listOrganizations(),
    ])
    const unmet = needs.filter((need) => need.committed < need.quantity)
    const input = matchingInputOf(unmet, offerings, organizations, tree)
    const result = matchNeeds(input)

    const needById = new Map(unmet.map((need) => [need._id, need]))
    const offeringById = new Map(offerings.map((offering) => [offering._id, offering]))
    const unmatched: UnmatchedNeedView[] = result.unmatched.map((item) => {
      const need = needById.get(item.needId)!
      return unmatchedView(need, item.quantityUnserved, item.reason)
    })
    // The engine splits by whole units; a need that cannot be split is proposed only whole.
    const proposals = result.proposals.filter((proposal) => {
      const need = needById.get(proposal.needId)!
      if (need.splittable || proposal.quantity === need.quantity - need.committed) return true
      if (!unmatched.some((item) => item.needId === need._id)) {
        unmatched.push(
          unmatchedView(
            need,
            need.quantity - need.committed,
            '该需求不可拆分，没有单个资源能完整承接',
          ),
        )
      }
      return false
    })

    await supersedeUndecided(unmet.map((need) => need._id))
    const now = new Date()
    const stored = await insertProposals(
      proposals.map((proposal) => {
        const need = needById.get(proposal.needId)!
        const offering = offeringById.get(proposal.resourceId)!
        return {
          districtId: need.districtId,
          streetId: need.streetId,
          communityId: need.communityId,
          communityName: need.communityName,
          needId: need._id,
          needTitle: need.title,
          offeringId: offering._id,
          offeringTitle: offering.title,
          organizationId: offering.organizationId,
          organizationName: offering.organizationName,
          quantity: proposal.quantity,
          unit: need.unit,
          reasons: proposal.reasons,
          communityDecision: 'pending' as const,
          providerDecision: 'pending' as const,
          status: 'proposed' as const,
          createdBy: user._id,
          createdAt: now,
          updatedAt: now,
        }
      }),
    )
    return {
      proposals: stored.map(proposalView),
      unmatched,
      needsConsidered: unmet.length,
      offeringsConsidered: offerings.length,
      weightedServed: result.totals.weightedServed,
      weightedDemand: result.totals.weightedDemand,
    }
  },

  async list({ communityId, streetId, organizationId, status, page }) {
    const user = await currentUser()
    if (communityId) requireOversight(user, await requireCommunity(communityId))
    if (streetId) requireStreetOversight(user, await requireStreet(streetId))
    if (organizationId) requireMembership(user, await requireOrganization(organizationId))
    const result = await listProposals(
      {
        ...(communityId ? { communityIds: [communityId] } : {}),
        ...(streetId ? { streetIds: [streetId] } : {}),
        ...(organizationId ? { organizationId } : {}),
        ...(status ? { status } : {}),
      },
      page,
    )
    return { ...result, items: result.items.map(proposalView) }
  },

  async confirm({ proposalId }) {
    const user = await currentUser()
    const proposal = await requireCommunityProposal(user, proposalId)
    const claimed = await transitionProposal(
      proposal._id,
      { status: 'proposed', communityDecision: 'pending' },
      { communityDecision: 'confirming' },
    )
    if (!claimed) throw new AppError('CONFLICT', '该方案已处理，请刷新后查看')
    const undo = () =>
      transitionProposal(
        proposal._id,
        { communityDecision: 'confirming' },
        { communityDecision: 'pending' },
      )

    const offering = await requireOffering(proposal.offeringId)
    if (!(await reserveOfferingUnits(offering, proposal.quantity))) {
      await undo()
      throw new AppError(
        'CONFLICT',
        `「${offering.title}」剩余 ${Math.max(offering.capacity - offering.committed, 0)} ${offering.unit}，不足以确认本方案`,
      )
    }
    try {
      await reserveNeedUnits(proposal.needId, proposal.quantity)
    } catch (error) {
      await releaseOfferingUnits(offering._id, proposal.quantity)
      await undo()
      throw error
    }
    await transitionProposal(
      proposal._id,
      { communityDecision: 'confirming' },
      { communityDecision: 'confirmed' },
    )
    await recordAudit({
      actorId: user._id,
      action: 'matching.confirm',
      collection: 'match_proposals',
      targetId: proposal._id,
    })
    return proposalView(await startProjectIfAgreed(proposal._id))
  },

  async reject({ proposalId }) {
    const user = await currentUser()
    const proposal = await requireCommunityProposal(user, proposalId)
    await withdrawProposal(proposal, { status: 'rejected', communityDecision: 'rejected' })
    return proposalView(await requireProposal(proposalId))
  },

  async accept({ proposalId }) {
    const user = await currentUser()
    const proposal = await requireProviderProposal(user, proposalId)
    const moved = await transitionProposal(
      proposal._id,
      { status: 'proposed', providerDecision: 'pending' },
      { providerDecision: 'accepted' },
    )
    if (!moved) throw new AppError('CONFLICT', '该方案已处理，请刷新后查看')
    return proposalView(await startProjectIfAgreed(proposal._id))
  },

  async decline({ proposalId }) {
    const user = await currentUser()
    const proposal = await requireProviderProposal(user, proposalId)
    if (proposal.providerDecision !== 'pending') {
      throw new AppError('CONFLICT', '该方案已处理，请刷新后查看')
    }
    await withdrawProposal(proposal, { status: 'declined', providerDecision: 'declined' })
    return proposalView(await requireProposal(proposalId))
  },
})

async function scopeCommunityIds(
  user: UserRecord,
  scope: 'community' | 'street' | 'district',
  scopeId: string,
  tree: Awaited<ReturnType<typeof loadDistrictTree>>,
): Promise<string[] | undefined> {
  if (scope === 'community') {
    const community = await requireCommunity(scopeId)
    requireWorkerOf(user, community)
    return [community._id]
  }
  if (scope === 'street') {
    requireStreetOversight(user, await requireStreet(scopeId))
    return tree.communities.filter((c) => c.streetId === scopeId).map((c) => c._id)
  }
  const isDistrictAdmin = user.roles.some(
    (role) => role.kind === 'district_admin' && role.districtId === scopeId,
  )
  if (!isDistrictAdmin) throw new AppError('FORBIDDEN', '只有区级管理员可以为全区匹配')
  return undefined
}

function matchingInputOf(
  needs: CommunityNeed[],
  offerings: ResourceOffering[],
  organizations: Organization[],
  tree: Awaited<ReturnType<typeof loadDistrictTree>>,
): MatchingInput {
  const organizationById = new Map(organizations.map((org) => [org._id, org]))
  return {
    needs: needs.map((need) => ({
      id: need._id,
      communityId: need.communityId,
      streetId: need.streetId,
      category: categoryOf(need.domain, need.unit),
      quantity: need.quantity - need.committed,
      weight:
        PRIORITY_WEIGHT[need.priority] * (need.focusGroups.length > 0 ? FOCUS_GROUP_FACTOR : 1),
      window: need.window,
      title: need.title,
      communityName: need.communityName,
    })),
    resources: offerings.map((offering) => {
      const organization = organizationById.get(offering.organizationId)
      const grade = organization?.grade
      return {
        id: offering._id,
        providerId: offering.organizationId,
        providerName: offering.organizationName,
        providerKind: offering.organizationKind,
        categories: offering.domains.map((domain) => categoryOf(domain, offering.unit)),
        remaining: offering.capacity - offering.committed,
        unit: offering.unit,
        serviceArea: offering.serviceArea,
        ...(organization?.location ? { location: organization.location } : {}),
        ...(grade ? { rating: GRADE_RATING[grade] } : {}),
        window: offering.availability,
        title: offering.title,
      }
    }),
    communities: Object.fromEntries(
      tree.communities.map((community) => [
        community._id,
        {
          name: community.name,
          streetId: community.streetId,
          ...(community.location ? { location: community.location } : {}),
        },
      ]),
    ),
    streets: Object.fromEntries(tree.streets.map((street) => [street._id, { name: street.name }])),
  }
}

/** A need and an offering meet only in the same domain and counted in the same unit (次, 人, 个…). */
function categoryOf(domain: keyof typeof SERVICE_DOMAINS, unit: string): string {
  return `${SERVICE_DOMAINS[domain]}（按${unit}计）`
}

async function requireCommunityProposal(user: UserRecord, proposalId: string) {
  const proposal = await requireProposal(proposalId)
  requireWorkerOf(user, { _id: proposal.communityId, name: proposal.communityName })
  return proposal
}

async function requireProviderProposal(user: UserRecord, proposalId: string) {
  const proposal = await requireProposal(proposalId)
  requireMembership(user, { _id: proposal.organizationId, name: proposal.organizationName })
  return proposal
}

/** Rejects or declines an open proposal; a confirmed one gives its reserved units back. */
async function withdrawProposal(
  proposal: MatchProposalRecord,
  changes: Partial<MatchProposalRecord>,
): Promise<void> {
  if (proposal.communityDecision === 'confirming') {
    throw new AppError('CONFLICT', '该方案正在确认中，请稍后重试')
  }
  const moved = await transitionProposal(
    proposal._id,
    {
      status: 'proposed',
      communityDecision: proposal.communityDecision,
      providerDecision: proposal.providerDecision,
    },
    changes,
  )
  if (!moved) throw new AppError('CONFLICT', '该方案已处理，请刷新后查看')
  if (proposal.communityDecision === 'confirmed') {
    await releaseOfferingUnits(proposal.offeringId, proposal.quantity)
    await releaseNeedUnits(proposal.needId, proposal.quantity)
  }
}

/**
 * Once the community has confirmed and the provider accepted, the proposal becomes a co-build
 * project; the conditional move to `accepted` lets exactly one of the two callers start it.
 */
async function startProjectIfAgreed(proposalId: string): Promise<MatchProposalRecord> {
  const agreed = await transitionProposal(
    proposalId,
    { status: 'proposed', communityDecision: 'confirmed', providerDecision: 'accepted' },
    { status: 'accepted' },
  )
  const proposal = await requireProposal(proposalId)
  if (!agreed) return proposal
  const project = await startProject({
    source: { kind: 'match', id: proposal._id },
    need: await requireCommunityNeed(proposal.needId),
    organizationId: proposal.organizationId,
    organizationName: proposal.organizationName,
    quantity: proposal.quantity,
    unit: proposal.unit,
  })
  await transitionProposal(proposalId, {}, { projectId: project._id })
  return { ...proposal, projectId: project._id }
}

function unmatchedView(need: CommunityNeed, quantityUnserved: number, reason: string) {
  return {
    needId: need._id,
    needTitle: need.title,
    communityName: need.communityName,
    quantityUnserved,
    unit: need.unit,
    reason,
  }
}

function proposalView(proposal: MatchProposalRecord): MatchProposalView {
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
    status: proposal.status,
    ...(proposal.projectId ? { projectId: proposal.projectId } : {}),
    createdAt: new Date(proposal.createdAt).toISOString(),
  }
}
