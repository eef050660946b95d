import { recordAuditIn } from '../../shared/audit'
import { admit, release, remainingOf, type CapacityLedger } from '../../shared/capacity/ledger'
import type { Caller } from '../../shared/caller'
import { COLLECTIONS, command, transaction, type Transaction } from '../../shared/db'
import type { OutputsOf } from '../../shared/endpoints'
import { AppError } from '../../shared/errors'
import { defineService } from '../../shared/handler'
import { HOSTED_AT_VENUE, PERIODS, VENUE_KIND, type ServiceKind } from '../../shared/serviceKinds'
import { newId } from '../../shared/ids'
import { messageTime } from '../../shared/messageTemplates'
import {
  isDistrictAdmin,
  requireMembership,
  requireOversight,
  requireStreetOversight,
  requireWorkerOf,
} from '../../shared/roles'
import { notifyRoleHolders } from '../account/notices'
import type { DistrictTree } from '../directory/domain'
import { loadDistrictTree } from '../directory/repository'
import { requireCommunity, requireStreet } from '../directory/service'
import {
  holderIdOf,
  ledgerPathOf,
  lineKindOf,
  needStatusOf,
  offeringLedgerAt,
  offeringLedgerPathOf,
  offeringLineOf,
  offeringRemainingAt,
  type CommunityNeed,
  type ResourceOffering,
} from '../lists/domain'
import {
  listActiveOfferings,
  listClaimableNeeds,
  readCommunityNeedIn,
  readOfferingIn,
  updateCommunityNeedIn,
  updateOfferingIn,
} from '../lists/repository'
import { loadVocabulary } from '../lists/service'
import type { Organization } from '../organizations/domain'
import { listOrganizations } from '../organizations/repository'
import { requireOrganization } from '../organizations/service'
import { newProject, organizationRatingOf } from '../projects/domain'
import type { CoBuildProject } from '../projects/domain'
import {
  listClosedProjects,
  listProjectsOfCommunities,
  saveProjectIn,
} from '../projects/repository'
import { matchingInputs, type MatchingApi, type UnmatchedNeedView } from './contract'
import {
  FOCUS_GROUP_FACTOR,
  GRADE_RATING,
  PRIORITY_WEIGHT,
  type MatchProposalRecord,
  type MatchingRun,
  type MatchingScope,
} from './domain'
import { matchNeeds, type MatchingInput } from './engine'
import {
  findProposal,
  insertProposal,
  insertRun,
  moveStagedProposals,
  readProposalIn,
  readProposalsPage,
  saveProposalIn,
  setRunStatus,
  supersedeEarlierProposals,
  updateProposalIn,
} from './repository'
import { toProposalView, toUnmatchedView } from './views'

const LIST_PAGE_SIZE = 20
/** Proposals are written this many at a time, so a large run never floods the database. */
const PROPOSAL_WRITE_BATCH = 100

export const matchingService = defineService<typeof matchingInputs, OutputsOf<MatchingApi>>(
  matchingInputs,
  {
    async run({ scope: kind, scopeId }, caller) {
      const tree = await loadDistrictTree()
      const scope: MatchingScope = { kind, id: scopeId }
      const communityIds = await scopeCommunityIds(caller, scope, tree)
      const [needs, offerings, organizations, projects, closed, vocabulary] = await Promise.all([
        loadClaimableNeeds(communityIds ?? tree.communities.map((c) => c._id)),
        listActiveOfferings(),
        listOrganizations(),
        listProjectsOfCommunities(communityIds ?? tree.communities.map((c) => c._id)),
        listClosedProjects(),
        loadVocabulary(),
      ])
      const now = new Date()
      const unmet = needs.filter((need) => need.capacity.taken < need.capacity.limit)
      const available = offerings.filter((offering) => offeringRemainingAt(offering, now) > 0)
      const result = matchNeeds(
        matchingInputOf(unmet, available, organizations, projects, tree, vocabulary, now, closed),
      )

      const needById = new Map(unmet.map((need) => [need._id, need]))
      const offeringById = new Map(available.map((offering) => [offering._id, offering]))
      const unmatched: UnmatchedNeedView[] = result.unmatched.map((item) =>
        toUnmatchedView(needById.get(item.needId)!, item.quantityUnserved, item.reason),
      )
      const { proposals } = result

      const run: MatchingRun = {
        _id: newId('run'),
        scope,
        status: 'staging',
        proposalCount: proposals.length,
        createdBy: caller._id,
        createdAt: now,
        updatedAt: now,
      }
      const records: MatchProposalRecord[] = proposals.map((proposal, index) => {
        const need = needById.get(proposal.needId)!
        const offering = offeringById.get(proposal.resourceId)!
        return {
          _id: `${run._id}-${index + 1}`,
          runId: run._id,
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
          ledgerPath: offeringLedgerPathOf(offering, now),
          quantity: proposal.quantity,
          unit: need.unit,
          reasons: proposal.reasons,
          communityDecision: 'pending',
          providerDecision: 'pending',
          status: 'staged',
          createdBy: caller._id,
          createdAt: now,
          updatedAt: now,
        }
      })
      await insertRun(run)
      for (let start = 0; start < records.length; start += PROPOSAL_WRITE_BATCH) {
        await Promise.all(records.slice(start, start + PROPOSAL_WRITE_BATCH).map(insertProposal))
      }
      await setRunStatus(run._id, 'staging', 'publishing')
      await publishRun(run)
      return {
        proposals: records.map((record) => toProposalView({ ...record, status: 'proposed' })),
        unmatched,
        needsConsidered: unmet.length,
        offeringsConsidered: available.length,
        weightedServed: result.totals.weightedServed,
        weightedDemand: result.totals.weightedDemand,
      }
    },

    async list({ communityId, streetId, organizationId, status, page }, caller) {
      if (communityId) requireOversight(caller, await requireCommunity(communityId))
      if (streetId) requireStreetOversight(caller, await requireStreet(streetId))
      if (organizationId) requireMembership(caller, await requireOrganization(organizationId))
      const result = await readProposalsPage(
        {
          ...(communityId ? { communityIds: [communityId] } : {}),
          ...(streetId ? { streetIds: [streetId] } : {}),
          ...(organizationId ? { organizationId } : {}),
          ...(status ? { status } : {}),
        },
        page,
        LIST_PAGE_SIZE,
      )
      return { ...result, items: result.items.map(toProposalView) }
    },

    async confirm({ proposalId }, caller) {
      await requireSide(caller, proposalId, 'community')
      const proposal = await transaction(async (tx) => {
        const current = await readOpenProposalIn(tx, proposalId)
        if (current.communityDecision !== 'pending') throw alreadyDecided()
        // Units are committed on both sides, or on neither.
        await commitUnitsIn(tx, current)
        const confirmed = { ...current, communityDecision: 'confirmed' as const }
        await updateProposalIn(tx, proposalId, {
          communityDecision: 'confirmed',
          updatedAt: new Date(),
        })
        await recordAuditIn(tx, {
          actorId: caller._id,
          action: 'matching.confirm',
          collection: COLLECTIONS.matchProposals,
          targetId: proposalId,
        })
        return startProjectIfAgreedIn(tx, confirmed)
      })
      await tellOtherSide(proposal, '已确认')
      return toProposalView(proposal)
    },

    async reject({ proposalId }, caller) {
      await requireSide(caller, proposalId, 'community')
      const proposal = await transaction(async (tx) => {
        const current = await readOpenProposalIn(tx, proposalId)
        return withdrawIn(tx, current, { status: 'rejected', communityDecision: 'rejected' })
      })
      await tellOtherSide(proposal, '已拒绝')
      return toProposalView(proposal)
    },

    async accept({ proposalId }, caller) {
      await requireSide(caller, proposalId, 'provider')
      const proposal = await transaction(async (tx) => {
        const current = await readOpenProposalIn(tx, proposalId)
        if (current.providerDecision !== 'pending') throw alreadyDecided()
        const accepted = { ...current, providerDecision: 'accepted' as const }
        await updateProposalIn(tx, proposalId, {
          providerDecision: 'accepted',
          updatedAt: new Date(),
        })
        return startProjectIfAgreedIn(tx, accepted)
      })
      await tellOtherSide(proposal, '已接受')
      return toProposalView(proposal)
    },

    async decline({ proposalId }, caller) {
      await requireSide(caller, proposalId, 'provider')
      const proposal = await transaction(async (tx) => {
        const current = await readOpenProposalIn(tx, proposalId)
        if (current.providerDecision !== 'pending') throw alreadyDecided()
        return withdrawIn(tx, current, { status: 'declined', providerDecision: 'declined' })
      })
      await tellOtherSide(proposal, '已婉拒')
      return toProposalView(proposal)
    },
  },
)

/**
 * Retires the earlier undecided proposals of the run's scope and makes the run's own visible,
 * then records the run done. Every step is repeatable, so a run cut short here is finished later.
 */
export async function publishRun(run: MatchingRun): Promise<void> {
  await supersedeEarlierProposals(run.scope, run._id)
  await moveStagedProposals(run._id, 'proposed')
  await setRunStatus(run._id, 'publishing', 'done')
}

/** Communities whose needs are read at once: each read pages its own index range. */
const NEED_READS_AT_ONCE = 8

/**
 * The claimable needs of the communities, read community by community, several at a time: each
 * read follows the (communityId, status, createdAt) index in a total order, where one district-wide
 * read would sort the whole collection for every page.
 */
async function loadClaimableNeeds(communityIds: string[]): Promise<CommunityNeed[]> {
  const needs: CommunityNeed[] = []
  for (let start = 0; start < communityIds.length; start += NEED_READS_AT_ONCE) {
    const chunk = communityIds.slice(start, start + NEED_READS_AT_ONCE)
    const pages = await Promise.all(chunk.map((id) => listClaimableNeeds([id])))
    for (const page of pages) needs.push(...page)
  }
  return needs
}

/** A run cut short while its proposals were being written: they are never shown. */
export async function dropRun(run: MatchingRun): Promise<void> {
  await moveStagedProposals(run._id, 'superseded')
  await setRunStatus(run._id, 'staging', 'dropped')
}

/**
 * Tells the other side of a proposal how one side decided: the organization's members when the
 * community confirms or rejects, the community's workers when the provider accepts or declines.
 */
async function tellOtherSide(
  proposal: MatchProposalRecord,
  result: '已确认' | '已拒绝' | '已接受' | '已婉拒',
): Promise<void> {
  const byCommunity = result === '已确认' || result === '已拒绝'
  const decider = byCommunity ? proposal.communityName : proposal.organizationName
  await notifyRoleHolders(
    byCommunity
      ? { kind: 'org_member', orgId: proposal.organizationId }
      : { kind: 'community_worker', communityId: proposal.communityId },
    `proposal-${byCommunity ? 'community' : 'provider'}:${proposal._id}`,
    {
      title: `匹配方案${result}`,
      body: `${decider}${result}匹配方案：「${proposal.offeringTitle}」服务「${proposal.needTitle}」${proposal.quantity} ${proposal.unit}。`,
      ref: proposal._id,
    },
    {
      template: 'reviewResult',
      values: {
        subject: `匹配：${proposal.needTitle}`,
        result,
        note: `${decider}，${messageTime(new Date())}`,
      },
      page: byCommunity
        ? `packages/lists/pages/proposals/index?organizationId=${proposal.organizationId}`
        : `packages/lists/pages/proposals/index?communityId=${proposal.communityId}`,
    },
  )
}

const alreadyDecided = () => new AppError('CONFLICT', '该方案已处理，请刷新后查看')

async function readOpenProposalIn(tx: Transaction, id: string): Promise<MatchProposalRecord> {
  const proposal = await readProposalIn(tx, id)
  if (!proposal) throw new AppError('NOT_FOUND', '该匹配方案不存在')
  if (proposal.status !== 'proposed') throw alreadyDecided()
  return proposal
}

/** Commits the proposal's units on the offering and on the need. */
async function commitUnitsIn(tx: Transaction, proposal: MatchProposalRecord): Promise<void> {
  const holding = { id: holderIdOf('proposal', proposal._id), units: proposal.quantity }
  const [offering, need] = await Promise.all([
    readOfferingIn(tx, proposal.offeringId),
    readCommunityNeedIn(tx, proposal.needId),
  ])
  if (!offering || !need) throw new AppError('NOT_FOUND', '该方案的需求或资源已不存在')
  const path = ledgerPathOf(proposal)
  const offeringLedger = offeringLedgerAt(offering, path)
  const forOffering = admit(offeringLedger, holding, false)
  if (offering.status !== 'active' || forOffering.kind !== 'seated') {
    throw new AppError(
      'CONFLICT',
      `「${offering.title}」本期剩余 ${remainingOf(offeringLedger)} ${offering.unit}，不足以确认本方案`,
    )
  }
  const forNeed = admit(need.capacity, holding, false)
  if (need.status === 'closed' || forNeed.kind !== 'seated') {
    throw new AppError(
      'CONFLICT',
      `该需求剩余 ${remainingOf(need.capacity)} ${need.unit}，不足以确认本方案`,
    )
  }
  await writeOfferingLedgerIn(tx, offering, path, forOffering.ledger)
  await writeNeedLedgerIn(tx, need, forNeed.ledger)
}

/** Rejects or declines an open proposal; a confirmed one gives its committed units back. */
async function withdrawIn(
  tx: Transaction,
  proposal: MatchProposalRecord,
  changes: Pick<MatchProposalRecord, 'status'> & Partial<MatchProposalRecord>,
): Promise<MatchProposalRecord> {
  if (proposal.communityDecision === 'confirmed') {
    const holderId = holderIdOf('proposal', proposal._id)
    const [offering, need] = await Promise.all([
      readOfferingIn(tx, proposal.offeringId),
      readCommunityNeedIn(tx, proposal.needId),
    ])
    if (offering) {
      const path = ledgerPathOf(proposal)
      const { ledger } = release(offeringLedgerAt(offering, path), holderId)
      await writeOfferingLedgerIn(tx, offering, path, ledger)
    }
    if (need) await writeNeedLedgerIn(tx, need, release(need.capacity, holderId).ledger)
  }
  await updateProposalIn(tx, proposal._id, { ...changes, updatedAt: new Date() })
  return { ...proposal, ...changes }
}

/** Once the community has confirmed and the provider accepted, the proposal becomes a project. */
async function startProjectIfAgreedIn(
  tx: Transaction,
  proposal: MatchProposalRecord,
): Promise<MatchProposalRecord> {
  if (proposal.communityDecision !== 'confirmed' || proposal.providerDecision !== 'accepted') {
    return proposal
  }
  const project = await startProjectIn(tx, proposal)
  await updateProposalIn(tx, proposal._id, { status: 'accepted', projectId: project._id })
  return { ...proposal, status: 'accepted', projectId: project._id }
}

/**
 * An allocation the street's council passed (共建议事会): a proposal both sides agree on at once,
 * since the community and the organization sit on the council. Its units are committed and its
 * project started as confirm and accept do; the proposal's id makes a repeated step a no-op.
 */
export async function agreeInCouncilIn(
  tx: Transaction,
  proposal: MatchProposalRecord,
): Promise<MatchProposalRecord> {
  const existing = await readProposalIn(tx, proposal._id)
  if (existing) return existing
  await commitUnitsIn(tx, proposal)
  const project = await startProjectIn(tx, proposal)
  const agreed: MatchProposalRecord = {
    ...proposal,
    communityDecision: 'confirmed',
    providerDecision: 'accepted',
    status: 'accepted',
    projectId: project._id,
  }
  await saveProposalIn(tx, agreed)
  return agreed
}

async function startProjectIn(
  tx: Transaction,
  proposal: MatchProposalRecord,
): Promise<CoBuildProject> {
  const need = await readCommunityNeedIn(tx, proposal.needId)
  if (!need) throw new AppError('NOT_FOUND', '该需求不存在')
  const project = newProject({
    source: { kind: 'match', id: proposal._id },
    need,
    organizationId: proposal.organizationId,
    organizationName: proposal.organizationName,
    quantity: proposal.quantity,
    unit: proposal.unit,
    now: new Date(),
  })
  await saveProjectIn(tx, project)
  return project
}

async function writeOfferingLedgerIn(
  tx: Transaction,
  offering: ResourceOffering,
  path: string,
  ledger: CapacityLedger,
) {
  await updateOfferingIn(tx, offering._id, {
    [path]: command().set(ledger),
    updatedAt: new Date(),
  })
}

async function writeNeedLedgerIn(tx: Transaction, need: CommunityNeed, ledger: CapacityLedger) {
  await updateCommunityNeedIn(tx, need._id, {
    capacity: command().set(ledger),
    status: needStatusOf(need, ledger),
    updatedAt: new Date(),
  })
}

async function scopeCommunityIds(
  caller: Caller,
  scope: MatchingScope,
  tree: DistrictTree,
): Promise<string[] | undefined> {
  if (scope.kind === 'community') {
    const community = await requireCommunity(scope.id)
    requireWorkerOf(caller, community)
    return [community._id]
  }
  if (scope.kind === 'street') {
    requireStreetOversight(caller, await requireStreet(scope.id))
    return tree.communities.filter((c) => c.streetId === scope.id).map((c) => c._id)
  }
  if (!isDistrictAdmin(caller, scope.id)) {
    throw new AppError('FORBIDDEN', '只有区级管理员可以为全区匹配')
  }
  return undefined
}

function matchingInputOf(
  needs: CommunityNeed[],
  offerings: ResourceOffering[],
  organizations: Organization[],
  projects: CoBuildProject[],
  tree: DistrictTree,
  vocabulary: ServiceKind[],
  now: Date,
  closedProjects: CoBuildProject[],
): MatchingInput {
  const organizationById = new Map(organizations.map((org) => [org._id, org]))
  const ratingOf = providerRatings(organizations, closedProjects)
  const partners = new Map<string, string[]>()
  for (const project of projects) {
    partners.set(project.communityId, [
      ...(partners.get(project.communityId) ?? []),
      project.organizationId,
    ])
  }
  return {
    needs: needs.map((need) => ({
      id: need._id,
      communityId: need.communityId,
      streetId: need.streetId,
      ...lineKindOf(vocabulary, need),
      quantity: remainingOf(need.capacity),
      weight:
        PRIORITY_WEIGHT[need.priority] * (need.focusGroups.length > 0 ? FOCUS_GROUP_FACTOR : 1),
      window: need.window,
      whole: !need.splittable,
      ...(need.seats ? { seats: need.seats } : {}),
      title: need.title,
      description: need.description,
      communityName: need.communityName,
      unit: need.unit,
    })),
    resources: offerings.map((offering) => {
      const organization = organizationById.get(offering.organizationId)
      const rating = ratingOf.get(offering.organizationId)
      const line = offeringLineOf(vocabulary, offering, offeringRemainingAt(offering, now))
      return {
        id: offering._id,
        providerId: offering.organizationId,
        providerName: offering.organizationName,
        providerKind: offering.organizationKind,
        kind: line.kind,
        measure: line.measure,
        ...(line.kind === VENUE_KIND ? { hosts: HOSTED_AT_VENUE } : {}),
        ...(line.seats ? { seats: line.seats } : {}),
        remaining: line.remaining,
        offer: `${PERIODS[offering.period]} ${offering.capacity.limit} ${offering.unit}`,
        unit: line.unit,
        serviceArea: offering.serviceArea,
        ...(organization?.location ? { location: organization.location } : {}),
        ...(rating !== undefined ? { rating } : {}),
        window: offering.availability,
        title: offering.title,
        description: offering.description,
      }
    }),
    communities: Object.fromEntries(
      tree.communities.map((community) => [
        community._id,
        {
          name: community.name,
          streetId: community.streetId,
          ...(community.location ? { location: community.location } : {}),
          partners: partners.get(community._id) ?? [],
        },
      ]),
    ),
    streets: Object.fromEntries(tree.streets.map((street) => [street._id, { name: street.name }])),
    kindLabels: Object.fromEntries(vocabulary.map((kind) => [kind.id, kind.label])),
    periodName: '本季度',
  }
}

/**
 * Each provider's rating (0..5): its effect evaluations' mean over its closed projects when it has
 * any (what it did), else what its grade says (what it is), else none.
 */
function providerRatings(
  organizations: Organization[],
  closedProjects: CoBuildProject[],
): Map<string, number> {
  const byOrganization = new Map<string, CoBuildProject[]>()
  for (const project of closedProjects) {
    byOrganization.set(project.organizationId, [
      ...(byOrganization.get(project.organizationId) ?? []),
      project,
    ])
  }
  const ratings = new Map<string, number>()
  for (const organization of organizations) {
    const evaluated = organizationRatingOf(byOrganization.get(organization._id) ?? [])
    const rating =
      evaluated?.rating ?? (organization.grade ? GRADE_RATING[organization.grade] : undefined)
    if (rating !== undefined) ratings.set(organization._id, rating)
  }
  return ratings
}

/** The community's workers decide for the community; the provider's members for the provider. */
async function requireSide(caller: Caller, proposalId: string, side: 'community' | 'provider') {
  const proposal = await findProposal(proposalId)
  if (!proposal) throw new AppError('NOT_FOUND', '该匹配方案不存在')
  if (side === 'community') {
    requireWorkerOf(caller, { _id: proposal.communityId, name: proposal.communityName })
  } else {
    requireMembership(caller, { _id: proposal.organizationId, name: proposal.organizationName })
  }
}
