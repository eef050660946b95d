import { recordAudit } from '../../shared/audit'
import { holdingOf, release } from '../../shared/capacity/ledger'
import {
  SETTLE_GRACE_MS,
  placeNeedsRepair,
  reconcilePlace,
} from '../../shared/capacity/reservations'
import type { Reservation, ReservationKind } from '../../shared/capacity/reservation'
import { COLLECTIONS, command, findById, transaction, updateWhere } from '../../shared/db'
import type { OutputsOf } from '../../shared/endpoints'
import {
  maintenanceInputs,
  type MaintenanceApi,
  type RepairReport,
  type RepairView,
} from './contract'
import { AppError } from '../../shared/errors'
import { defineService } from '../../shared/handler'
import { readAll } from '../../shared/paging'
import { listPendingDeletions } from '../account/repository'
import { finishAccountDeletion } from '../account/service'
import { commitClaimIn } from '../claims/service'
import type { NeedClaim } from '../claims/domain'
import {
  holderIdOf,
  ledgerPathOf,
  needStatusOf,
  offeringLedgerAt,
  type CommunityNeed,
  type ResourceOffering,
} from '../lists/domain'
import { dropRun, publishRun } from '../matching/service'
import type { MatchProposalRecord } from '../matching/domain'
import { listUnfinishedRuns } from '../matching/repository'
import { newProject, projectIdOf, type CoBuildProject } from '../projects/domain'
import { SHIFT_SIGNUPS } from '../shifts/domain'
import { STALL_BOOKINGS } from '../stalls/domain'
import { TRAINING_SIGNUPS } from '../trainings/domain'
import { listEventsStillPublishing } from '../stalls/repository'
import { completePublishing } from '../stalls/service'
import { migrateLegacyDocuments } from './legacy'
import { setUpEnvironment, type SetupReport } from './setup'

export const maintenanceService = defineService<
  typeof maintenanceInputs,
  OutputsOf<MaintenanceApi>
>(maintenanceInputs, {
  async repair({ full }, caller) {
    if (!caller.roles.some((role) => role.kind === 'district_admin')) {
      throw new AppError('FORBIDDEN', '只有区级管理员可以运行数据检查')
    }
    // On demand the system is live: steps younger than the grace period may still be running.
    return checkAndRepair({ now: new Date(), full, settleFresh: false })
  },
})

/**
 * The function's jobs, started by the platform with no caller. Its timer (`repair`, every 10
 * minutes) finishes what a crash can leave in today's workflows (steps of reservations, publishes,
 * matching runs); at the local cloud's start-up (`startup`), when nothing is in flight, it checks
 * everything, fresh steps included. `setup` prepares a fresh environment: run once after the first
 * deploy, from the console's test run (云端测试) or `npm run trigger -- maintenance setup`.
 */
export function maintenanceOnTimer(triggerName: string): Promise<RepairReport | SetupReport> {
  if (triggerName === 'setup') return setUpEnvironment()
  const startup = triggerName === 'startup'
  return checkAndRepair({ now: new Date(), full: startup, settleFresh: startup })
}

export interface CheckOptions {
  now: Date
  /** Check every invariant over all records, not only what a crash can leave unfinished. */
  full: boolean
  /** Treat steps younger than the grace period as abandoned (nothing is in flight). */
  settleFresh: boolean
}

/**
 * The invariant check: documents in an older shape are brought up to date; then every place's
 * ledger agrees with its reservations (first in line promoted), every publish, matching run and
 * account deletion is finished, an approved claim holds its units and has its linked project, and a confirmed
 * proposal holds its units on both sides. Each repair is audited.
 */
export async function checkAndRepair(options: CheckOptions): Promise<RepairReport> {
  const migrated = await migrateLegacyDocuments()
  const repairs: RepairView[] = []
  const stale = (since: Date) =>
    options.settleFresh || options.now.getTime() - new Date(since).getTime() > SETTLE_GRACE_MS

  for (const event of await listEventsStillPublishing()) {
    if (!stale(event.createdAt)) continue
    await completePublishing(event)
    repairs.push(await audited('stall_event', event._id, 'publish not finished'))
  }
  for (const run of await listUnfinishedRuns()) {
    if (!stale(run.updatedAt)) continue
    if (run.status === 'publishing') await publishRun(run)
    else await dropRun(run)
    repairs.push(await audited('matching_run', run._id, `run left ${run.status}`))
  }
  for (const kind of [STALL_BOOKINGS, SHIFT_SIGNUPS, TRAINING_SIGNUPS]) {
    repairs.push(...(await reconcilePlaces(kind, options)))
  }
  for (const user of await listPendingDeletions()) {
    await finishAccountDeletion(user)
    repairs.push(await audited('account', user._id, 'deletion not finished'))
  }
  if (options.full) {
    repairs.push(...(await repairClaims(options.now)))
    repairs.push(...(await repairProposals(options.now)))
  }
  return { migrated, repairs }
}

async function audited(kind: string, targetId: string, problem: string): Promise<RepairView> {
  await recordAudit({
    actorId: 'system:repair',
    action: `repair.${kind}`,
    collection: kind,
    targetId,
    detail: problem,
  })
  return { kind, targetId, problem }
}

async function reconcilePlaces(
  kind: ReservationKind,
  options: CheckOptions,
): Promise<RepairView[]> {
  const _ = command()
  const repairs: RepairView[] = []
  const record = (found: Awaited<ReturnType<typeof reconcilePlace>>) =>
    repairs.push(
      ...found.map((repair) => ({
        kind: kind.places,
        targetId: repair.reservationId ?? repair.placeId,
        problem: repair.problem,
      })),
    )
  if (!options.full) {
    // What a crash can leave: a request or a cancellation between its steps.
    const unsettled = await readAll<Reservation>(
      kind.reservations,
      { status: _.in(['requested', 'cancelling']) },
      [['_id', 'asc']],
    )
    const stale = unsettled.filter(
      (reservation) =>
        reservation.status === 'cancelling' ||
        options.settleFresh ||
        options.now.getTime() - new Date(reservation.requestedAt).getTime() > SETTLE_GRACE_MS,
    )
    for (const placeId of new Set(stale.map((reservation) => reservation.placeId))) {
      record(await reconcilePlace(kind, placeId, options))
    }
    return repairs
  }
  const reservations = await readAll<Reservation>(
    kind.reservations,
    { status: _.in(['requested', 'booked', 'waitlisted', 'cancelling']) },
    [['_id', 'asc']],
  )
  const byPlace = new Map<string, Reservation[]>()
  for (const reservation of reservations) {
    byPlace.set(reservation.placeId, [...(byPlace.get(reservation.placeId) ?? []), reservation])
  }
  // Places with someone listed or holding a reservation; an empty, untouched place needs nothing.
  const places = await readAll<{ _id: string; capacity: Parameters<typeof placeNeedsRepair>[0] }>(
    kind.places,
    _.or([
      { 'capacity.taken': _.gt(0) },
      { 'capacity.waiting': _.gt(0) },
      { _id: _.in([...byPlace.keys()]) },
    ]),
    [['_id', 'asc']],
  )
  for (const place of places) {
    if (!placeNeedsRepair(place.capacity, byPlace.get(place._id) ?? [], options)) continue
    record(await reconcilePlace(kind, place._id, options))
  }
  return repairs
}

/** Approved claims hold their units and have their project linked; no other claim holds units. */
async function repairClaims(now: Date): Promise<RepairView[]> {
  const repairs: RepairView[] = []
  const approved = await readAll<NeedClaim>(COLLECTIONS.claims, { status: 'approved' }, [
    ['_id', 'asc'],
  ])
  for (const claim of approved) {
    const need = await findById<CommunityNeed>(COLLECTIONS.communityNeeds, claim.needId)
    const project = claim.projectId
      ? await findById<CoBuildProject>(COLLECTIONS.projects, claim.projectId)
      : (
          await readAll<CoBuildProject>(COLLECTIONS.projects, { 'source.id': claim._id }, [
            ['_id', 'asc'],
          ])
        )[0]
    const holds = need && holdingOf(need.capacity, holderIdOf('claim', claim._id))
    if (holds && project && claim.projectId === project._id) continue
    if (project && !claim.projectId) {
      // A project started before the claim was linked to it (an older, two-step approval).
      await updateWhere(COLLECTIONS.claims, { _id: claim._id }, { projectId: project._id })
    }
    try {
      await transaction(async (tx) => {
        const current = await tx.get<NeedClaim>(COLLECTIONS.claims, claim._id)
        if (current?.status === 'approved') {
          await commitClaimIn(tx, current, current.decidedBy ?? 'system:repair', now)
        }
      })
      repairs.push(
        await audited('claims', claim._id, 'approved claim completed (units, project, link)'),
      )
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      // The units are gone: the claim goes back to review, where the worker may decline it.
      await updateWhere(
        COLLECTIONS.claims,
        { _id: claim._id, status: 'approved', projectId: command().exists(false) },
        { status: 'pending', updatedAt: now },
      )
      repairs.push(
        await audited('claims', claim._id, 'approved claim without units returned to review'),
      )
    }
  }
  return repairs
}

/**
 * Proposals left mid-confirmation by an older version are settled from what the ledgers hold, and
 * units held for a proposal or claim that no longer stands are given back.
 */
async function repairProposals(now: Date): Promise<RepairView[]> {
  const _ = command()
  const repairs: RepairView[] = []
  const confirming = await readAll<MatchProposalRecord>(
    COLLECTIONS.matchProposals,
    { communityDecision: 'confirming' },
    [['_id', 'asc']],
  )
  for (const proposal of confirming) {
    const holderId = holderIdOf('proposal', proposal._id)
    const [need, offering] = await Promise.all([
      findById<CommunityNeed>(COLLECTIONS.communityNeeds, proposal.needId),
      findById<ResourceOffering>(COLLECTIONS.resourceOfferings, proposal.offeringId),
    ])
    const both = Boolean(
      need &&
      holdingOf(need.capacity, holderId) &&
      offering &&
      holdingOf(offeringLedgerAt(offering, ledgerPathOf(proposal)), holderId),
    )
    await updateWhere(
      COLLECTIONS.matchProposals,
      { _id: proposal._id, communityDecision: 'confirming' },
      { communityDecision: both ? 'confirmed' : 'pending', updatedAt: now },
    )
    repairs.push(
      await audited(
        'match_proposals',
        proposal._id,
        `confirmation left half-done → ${both ? 'confirmed' : 'pending'}`,
      ),
    )
  }

  const acceptedWithoutProject = await readAll<MatchProposalRecord>(
    COLLECTIONS.matchProposals,
    { status: 'accepted', projectId: _.exists(false) },
    [['_id', 'asc']],
  )
  for (const proposal of acceptedWithoutProject) {
    const [started] = await readAll<CoBuildProject>(
      COLLECTIONS.projects,
      { 'source.id': proposal._id },
      [['_id', 'asc']],
    )
    await transaction(async (tx) => {
      const need = await tx.get<CommunityNeed>(COLLECTIONS.communityNeeds, proposal.needId)
      if (!need) return
      const source = { kind: 'match' as const, id: proposal._id }
      const project =
        started ??
        (await tx.get<CoBuildProject>(COLLECTIONS.projects, projectIdOf(source))) ??
        newProject({
          source,
          need,
          organizationId: proposal.organizationId,
          organizationName: proposal.organizationName,
          quantity: proposal.quantity,
          unit: proposal.unit,
          now,
        })
      await tx.set(COLLECTIONS.projects, project)
      await tx.update(COLLECTIONS.matchProposals, proposal._id, { projectId: project._id })
    })
    repairs.push(
      await audited(
        'match_proposals',
        proposal._id,
        'agreed proposal without its project: project started',
      ),
    )
  }

  const standing = async (holderId: string): Promise<boolean> => {
    const [kind, id] = holderId.split(':')
    if (kind === 'claim')
      return (await findById<NeedClaim>(COLLECTIONS.claims, id))?.status === 'approved'
    const proposal = await findById<MatchProposalRecord>(COLLECTIONS.matchProposals, id)
    return (
      proposal?.communityDecision === 'confirmed' &&
      (proposal.status === 'proposed' || proposal.status === 'accepted')
    )
  }
  for (const collection of [COLLECTIONS.communityNeeds, COLLECTIONS.resourceOfferings] as const) {
    const holding = await readAll<CommunityNeed | ResourceOffering>(
      collection,
      { 'capacity.taken': _.gt(0) },
      [['_id', 'asc']],
    )
    for (const doc of holding) {
      for (const holder of doc.capacity.holders) {
        if (await standing(holder.id)) continue
        await transaction(async (tx) => {
          const current = await tx.get<CommunityNeed | ResourceOffering>(collection, doc._id)
          if (!current || !holdingOf(current.capacity, holder.id)) return
          const ledger = release(current.capacity, holder.id).ledger
          await tx.update(collection, doc._id, {
            capacity: _.set(ledger),
            ...(collection === COLLECTIONS.communityNeeds
              ? { status: needStatusOf(current as CommunityNeed, ledger) }
              : {}),
            updatedAt: now,
          })
        })
        repairs.push(
          await audited(
            collection,
            doc._id,
            `units held for ${holder.id}, which no longer stands, given back`,
          ),
        )
      }
    }
  }
  return repairs
}
