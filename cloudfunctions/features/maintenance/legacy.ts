import { emptyLedger, type CapacityLedger, type Holding } from '../../shared/capacity/ledger'
import type { Reservation } from '../../shared/capacity/reservation'
import { COLLECTIONS, command, updateWhere, type CollectionName } from '../../shared/db'
import { readAll } from '../../shared/paging'
import type { NeedClaim } from '../claims/domain'
import { vocabularyOf, kindFromText } from '../../shared/serviceKinds'
import {
  holderIdOf,
  needStatusOf,
  type CommunityNeed,
  type ResourceOffering,
} from '../lists/domain'
import type { MatchProposalRecord } from '../matching/domain'

// Documents written by earlier versions of the product, brought to today's shape: bounded
// quantities as plain counters become capacity ledgers rebuilt from the records that hold them,
// `checkinCode` becomes `checkInCode`, events and reservations gain their step states. Every
// conversion is conditional on the old shape, so running it again changes nothing.

type Legacy = { _id: string } & Record<string, unknown>

const time = (value: unknown) => new Date(value as Date).getTime()

function ledgerOf(limit: number, holders: Holding[], queue: Holding[]): CapacityLedger {
  return {
    ...emptyLedger(limit),
    holders,
    queue,
    taken: holders.reduce((sum, holding) => sum + holding.units, 0),
    waiting: queue.length,
  }
}

/** Converts every document still in an older shape; answers how many were converted. */
export async function migrateLegacyDocuments(): Promise<number> {
  let converted = 0
  converted += await convertPlaces(COLLECTIONS.stallSlots, COLLECTIONS.stallBookings)
  converted += await convertPlaces(COLLECTIONS.volunteerShifts, COLLECTIONS.volunteerSignups)
  converted += await convertReservations(COLLECTIONS.stallBookings)
  converted += await convertReservations(COLLECTIONS.volunteerSignups)
  converted += await renameCheckInCodes(COLLECTIONS.volunteerShifts)
  converted += await renameCheckInCodes(COLLECTIONS.volunteers)
  converted += await convertNeedsAndOfferings()
  converted += await startWaitingClocks()
  converted += await mapFreeTextKinds()
  converted += await stamp(
    COLLECTIONS.stallEvents,
    { status: command().exists(false) },
    { status: 'published' },
  )
  converted += await stamp(
    COLLECTIONS.matchProposals,
    { runId: command().exists(false) },
    { runId: 'legacy' },
  )
  return converted
}

async function stamp(name: CollectionName, filter: object, changes: object): Promise<number> {
  return updateWhere(name, filter, changes)
}

/** A slot or shift with `capacity`/`taken` counters: its ledger is rebuilt from its reservations. */
async function convertPlaces(
  places: CollectionName,
  reservations: CollectionName,
): Promise<number> {
  const _ = command()
  const legacy = await readAll<Legacy>(places, { 'capacity.limit': _.exists(false) }, [
    ['_id', 'asc'],
  ])
  for (const place of legacy) {
    const held = await readAll<Reservation & Legacy>(
      reservations,
      { placeId: place._id, status: _.in(['booked', 'waitlisted']) },
      [['_id', 'asc']],
    )
    const holding = (status: string, at: 'bookedAt' | 'waitlistedAt') =>
      held
        .filter((reservation) => reservation.status === status)
        .sort(
          (a, b) =>
            time(a[at] ?? a.createdAt) - time(b[at] ?? b.createdAt) || a._id.localeCompare(b._id),
        )
        .map((reservation) => ({
          id: reservation._id,
          units: 1,
          at: new Date(reservation[at] ?? reservation.createdAt),
        }))
    const ledger = ledgerOf(
      Number(place.capacity),
      holding('booked', 'bookedAt'),
      holding('waitlisted', 'waitlistedAt'),
    )
    await updateWhere(
      places,
      { _id: place._id, 'capacity.limit': _.exists(false) },
      {
        capacity: _.set(ledger),
        taken: _.remove(),
      },
    )
  }
  return legacy.length
}

async function convertReservations(name: CollectionName): Promise<number> {
  const _ = command()
  const legacy = await readAll<Legacy>(name, { requestedAt: _.exists(false) }, [['_id', 'asc']])
  for (const reservation of legacy) {
    await updateWhere(
      name,
      { _id: reservation._id, requestedAt: _.exists(false) },
      {
        requestedAt: new Date(reservation.createdAt as Date),
        mayWait: reservation.status === 'waitlisted',
      },
    )
  }
  return legacy.length
}

async function renameCheckInCodes(name: CollectionName): Promise<number> {
  const _ = command()
  const legacy = await readAll<Legacy>(name, { checkinCode: _.exists(true) }, [['_id', 'asc']])
  for (const doc of legacy) {
    await updateWhere(
      name,
      { _id: doc._id, checkinCode: _.exists(true) },
      {
        checkInCode: doc.checkinCode,
        checkinCode: _.remove(),
      },
    )
  }
  return legacy.length
}

/**
 * Needs with `quantity`/`committed` and offerings with `capacity`/`committed` counters: their
 * ledgers hold the approved claims and the confirmed proposals that committed units to them.
 */
async function convertNeedsAndOfferings(): Promise<number> {
  const _ = command()
  const needs = await readAll<Legacy>(
    COLLECTIONS.communityNeeds,
    { 'capacity.limit': _.exists(false) },
    [['_id', 'asc']],
  )
  const offerings = await readAll<Legacy>(
    COLLECTIONS.resourceOfferings,
    { 'capacity.limit': _.exists(false) },
    [['_id', 'asc']],
  )
  if (needs.length === 0 && offerings.length === 0) return 0
  const claims = await readAll<NeedClaim>(COLLECTIONS.claims, { status: 'approved' }, [
    ['_id', 'asc'],
  ])
  const proposals = await readAll<MatchProposalRecord>(
    COLLECTIONS.matchProposals,
    { communityDecision: 'confirmed', status: _.in(['proposed', 'accepted']) },
    [['_id', 'asc']],
  )
  for (const need of needs) {
    const holders: Holding[] = [
      ...claims
        .filter((claim) => claim.needId === need._id)
        .map((claim) => ({
          id: holderIdOf('claim', claim._id),
          units: claim.quantity,
          at: new Date(claim.updatedAt),
        })),
      ...proposals
        .filter((proposal) => proposal.needId === need._id)
        .map((proposal) => ({
          id: holderIdOf('proposal', proposal._id),
          units: proposal.quantity,
          at: new Date(proposal.updatedAt),
        })),
    ]
    const ledger = ledgerOf(Number(need.quantity), holders, [])
    await updateWhere(
      COLLECTIONS.communityNeeds,
      { _id: need._id, 'capacity.limit': _.exists(false) },
      {
        capacity: _.set(ledger),
        status: needStatusOf({ status: need.status as 'open' }, ledger),
        quantity: _.remove(),
        committed: _.remove(),
      },
    )
  }
  for (const offering of offerings) {
    const holders = proposals
      .filter((proposal) => proposal.offeringId === offering._id)
      .map((proposal) => ({
        id: holderIdOf('proposal', proposal._id),
        units: proposal.quantity,
        at: new Date(proposal.updatedAt),
      }))
    await updateWhere(
      COLLECTIONS.resourceOfferings,
      { _id: offering._id, 'capacity.limit': _.exists(false) },
      {
        capacity: _.set(ledgerOf(Number(offering.capacity), holders, [])),
        committed: _.remove(),
      },
    )
  }
  return needs.length + offerings.length
}

/** Residents' needs from before their lifecycle: the clock of their next step starts when posted. */
async function startWaitingClocks(): Promise<number> {
  const _ = command()
  const legacy = await readAll<Legacy>(
    COLLECTIONS.personalNeeds,
    { waitingSince: _.exists(false) },
    [['_id', 'asc']],
  )
  for (const need of legacy) {
    await updateWhere(
      COLLECTIONS.personalNeeds,
      { _id: need._id, waitingSince: _.exists(false) },
      { waitingSince: new Date((need.updatedAt ?? need.createdAt) as Date) },
    )
  }
  return legacy.length
}

/**
 * Lines written before the pickers get the service kind their words name (卫生死角清理 → 环境整治),
 * so matching and the pages show the same kind; a line that already has one is left alone.
 */
async function mapFreeTextKinds(): Promise<number> {
  const vocabulary = vocabularyOf()
  const needs = await stampKinds<CommunityNeed>(COLLECTIONS.communityNeeds, (need) =>
    kindFromText(vocabulary, need),
  )
  const offerings = await stampKinds<ResourceOffering>(COLLECTIONS.resourceOfferings, (offering) =>
    kindFromText(vocabulary, { ...offering, domain: offering.domains[0] }),
  )
  return needs + offerings
}

async function stampKinds<T extends { _id: string }>(
  name: CollectionName,
  kindOf: (line: T) => string,
): Promise<number> {
  const _ = command()
  let converted = 0
  for (const line of await readAll<T>(name, { kind: _.exists(false) }, [['_id', 'asc']])) {
    converted += await updateWhere(
      name,
      { _id: line._id, kind: _.exists(false) },
      {
        kind: kindOf(line),
      },
    )
  }
  return converted
}
