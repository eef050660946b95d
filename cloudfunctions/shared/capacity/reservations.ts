import { recordAudit } from '../audit'
import { command, findById, insertIfAbsent, transaction, updateWhere } from '../db'
import { notifyOnce } from '../notifications'
import { readAll } from '../paging'
import { problemsOf, normalized, release, type CapacityLedger, type Holding } from './ledger'
import { admitHolding, changeLedger, readLedger, type LedgerRef } from './store'
import {
  isActive,
  reservationIdOf,
  type Reservation,
  type ReservationKind,
  type ReserveOutcome,
} from './reservation'

/*
 * A person's reservation of one place (a stall slot, a volunteer shift). The place's ledger is the
 * truth about who is seated or waiting; the reservation document follows it. Every change is a
 * small step machine: the reservation first records what is asked (`requested`, `cancelling`),
 * then the ledger changes in one atomic update, then the reservation records the outcome. A step
 * left unfinished by a crash is completed by the next call that reads the reservation, or by the
 * repair job, from the ledger; nothing is undone by hand.
 */

function isUnsettled(reservation: Pick<Reservation, 'status'>): boolean {
  return reservation.status === 'requested' || reservation.status === 'cancelling'
}

const placeOf = (kind: ReservationKind, placeId: string): LedgerRef => ({
  collection: kind.places,
  id: placeId,
})

export interface ReserveRequest {
  placeId: string
  scopeId: string
  userId: string
  mayWait: boolean
  /** The kind's own fields, stored on the reservation. */
  details: object
}

/**
 * Books a place for a person, or puts them in its line. Safe to retry and to call twice at once:
 * the reservation id is deterministic, so one person holds at most one reservation per scope.
 */
export async function reserve(
  kind: ReservationKind,
  request: ReserveRequest,
): Promise<ReserveOutcome> {
  const id = reservationIdOf(request.scopeId, request.userId)
  for (let attempt = 0; attempt < 5; attempt += 1) {
    let current = await findById<Reservation>(kind.reservations, id)
    if (current && isUnsettled(current)) current = await settle(kind, current)
    if (current && isActive(current)) return { kind: 'existing', reservation: current }
    const now = new Date()
    const intent: Reservation = {
      ...request.details,
      _id: id,
      placeId: request.placeId,
      scopeId: request.scopeId,
      userId: request.userId,
      status: 'requested',
      mayWait: request.mayWait,
      requestedAt: now,
      createdAt: current?.createdAt ?? now,
    }
    // A first request is one insert; one that replaces a finished (cancelled or refused) request
    // is a transaction. Either way a concurrent call for the same person may have written first.
    const written = current
      ? await transaction(async (tx) => {
          const stored = await tx.get<Reservation>(kind.reservations, id)
          if (stored && stored.status !== 'cancelled' && stored.status !== 'refused') return false
          await tx.set(kind.reservations, intent)
          return true
        })
      : await insertIfAbsent(kind.reservations, intent)
    if (!written) continue
    const settled = await settle(kind, intent)
    if (settled.status === 'booked' || settled.status === 'waitlisted') {
      return { kind: settled.status, reservation: settled }
    }
    return { kind: 'refused' }
  }
  throw new Error(`reservation ${id} did not settle`)
}

/**
 * Cancels a booking or a place in line; units freed go to the first in line in the same atomic
 * step. Answers false when there was nothing active to cancel (a retry changes nothing).
 */
export async function cancelReservation(
  kind: ReservationKind,
  id: string,
  /** A condition of the kind's own that must still hold, e.g. not yet checked in. */
  unless: object = {},
): Promise<boolean> {
  const _ = command()
  const marked = await updateWhere(
    kind.reservations,
    { ...unless, _id: id, status: _.in(['booked', 'waitlisted']) },
    { status: 'cancelling' },
  )
  const current = await findById<Reservation>(kind.reservations, id)
  if (!current || current.status !== 'cancelling') return false
  await settle(kind, current)
  return marked === 1
}

/**
 * Completes an unfinished step from what the ledger says; a settled reservation is returned as
 * it is. Every step is conditional on the state it starts from, so settling twice is harmless.
 */
export async function settle<R extends Reservation>(
  kind: ReservationKind,
  reservation: R,
): Promise<R> {
  const _ = command()
  if (reservation.status === 'requested') {
    const admission = await admitHolding(
      placeOf(kind, reservation.placeId),
      { id: reservation._id, units: 1 },
      reservation.mayWait,
    )
    const now = new Date()
    const outcome =
      admission.kind === 'seated' || admission.kind === 'already-seated'
        ? { status: 'booked', bookedAt: now }
        : admission.kind === 'queued' || admission.kind === 'already-queued'
          ? { status: 'waitlisted', waitlistedAt: now }
          : { status: 'refused' }
    // A promotion may have seated them meanwhile; it then already marked them booked.
    await updateWhere(
      kind.reservations,
      { _id: reservation._id, status: 'requested', requestedAt: reservation.requestedAt },
      outcome,
    )
  } else if (reservation.status === 'cancelling') {
    const promoted = await changeLedger(placeOf(kind, reservation.placeId), (ledger) => {
      const change = release(ledger, reservation._id)
      return change.released
        ? { ledger: change.ledger, result: change.promoted }
        : { unchanged: [] as Holding[] }
    })
    await updateWhere(
      kind.reservations,
      { _id: reservation._id, status: 'cancelling' },
      {
        status: 'cancelled',
        cancelledAt: new Date(),
        bookedAt: _.remove(),
        waitlistedAt: _.remove(),
      },
    )
    for (const holding of promoted ?? []) await markPromoted(kind, holding.id)
  }
  return (await findById<R>(kind.reservations, reservation._id)) ?? reservation
}

/** Settles every unfinished reservation of a list, for a reader who must not see half a step. */
export async function settleAll<R extends Reservation>(
  kind: ReservationKind,
  reservations: R[],
): Promise<R[]> {
  return Promise.all(
    reservations.map(async (reservation) =>
      isUnsettled(reservation) ? settle(kind, reservation) : reservation,
    ),
  )
}

/** A place's fields without the people on its ledger, which a notice never needs. */
const PLACE_WITHOUT_LISTS = { 'capacity.holders': false, 'capacity.queue': false }

/** Records that the ledger seated someone from the line, and tells them once. */
async function markPromoted(kind: ReservationKind, id: string): Promise<void> {
  const _ = command()
  await updateWhere(
    kind.reservations,
    { _id: id, status: _.in(['requested', 'waitlisted']) },
    { status: 'booked', bookedAt: new Date() },
  )
  const reservation = await findById<Reservation>(kind.reservations, id)
  if (reservation?.status !== 'booked') return
  const place = await findById<object>(kind.places, reservation.placeId, PLACE_WITHOUT_LISTS)
  const { message, ...notice } = kind.promotionNotice(reservation, place ?? {})
  await notifyOnce(
    {
      _id: `promoted:${id}:${new Date(reservation.requestedAt).getTime()}`,
      userId: reservation.userId,
      ref: id,
      ...notice,
    },
    message,
  )
}

/** How long a request may take before the repair job treats it as abandoned by a crash. */
export const SETTLE_GRACE_MS = 2 * 60_000

export interface PlaceRepair {
  placeId: string
  reservationId?: string
  problem: string
}

/**
 * Checks one place against its reservations and repairs what a crash (or an older version of the
 * product) left: ledger counts, the line not moved up, unfinished steps, reservations whose state
 * disagrees with the ledger, holders nobody holds a reservation for. Each repair is audited.
 */
export async function reconcilePlace(
  kind: ReservationKind,
  placeId: string,
  options: { now: Date; settleFresh: boolean },
): Promise<PlaceRepair[]> {
  const _ = command()
  const place = placeOf(kind, placeId)
  const repairs: PlaceRepair[] = []
  const promotedByNormalizing = await changeLedger(place, (ledger) => {
    const problems = problemsOf(ledger)
    if (problems.length === 0) return { unchanged: [] as Holding[] }
    repairs.push({ placeId, problem: `ledger: ${problems.join(', ')}` })
    const repaired = normalized(ledger)
    return { ledger: repaired.ledger, result: repaired.promoted }
  })
  for (const holding of promotedByNormalizing ?? []) await markPromoted(kind, holding.id)

  const reservations = await readAll<Reservation>(
    kind.reservations,
    { placeId, status: _.in(['requested', 'booked', 'waitlisted', 'cancelling']) },
    [['_id', 'asc']],
  )
  for (const listed of reservations) {
    // Both re-read: repairing one reservation may have moved others (a promotion).
    const [ledger, reservation] = await Promise.all([
      readLedger(place),
      findById<Reservation>(kind.reservations, listed._id),
    ])
    if (!ledger) break
    if (!reservation) continue
    const problem = reservationProblem(reservation, ledger, options)
    if (!problem) continue
    repairs.push({ placeId, reservationId: reservation._id, problem })
    if (problem === 'seated but recorded as waiting') await markPromoted(kind, reservation._id)
    else if (isUnsettled(reservation)) await settle(kind, reservation)
    else {
      // The ledger lost an active reservation: it takes its place again, or the line's end.
      const admission = await admitHolding(place, { id: reservation._id, units: 1 }, true)
      const seated = admission.kind === 'seated' || admission.kind === 'already-seated'
      await updateWhere(
        kind.reservations,
        { _id: reservation._id, status: reservation.status },
        seated ? { status: 'booked' } : { status: 'waitlisted', waitlistedAt: options.now },
      )
    }
  }

  const active = new Set(
    (
      await readAll<Reservation>(
        kind.reservations,
        { placeId, status: _.in(['requested', 'booked', 'waitlisted', 'cancelling']) },
        [['_id', 'asc']],
      )
    ).map((reservation) => reservation._id),
  )
  const ledger = await readLedger(place)
  for (const holding of [...(ledger?.holders ?? []), ...(ledger?.queue ?? [])]) {
    if (active.has(holding.id)) continue
    repairs.push({ placeId, reservationId: holding.id, problem: 'listed without a reservation' })
    const promoted = await changeLedger(place, (current) => {
      const change = release(current, holding.id)
      return change.released
        ? { ledger: change.ledger, result: change.promoted }
        : { unchanged: [] }
    })
    for (const next of promoted ?? []) await markPromoted(kind, next.id)
  }

  for (const repair of repairs) {
    await recordAudit({
      actorId: 'system:repair',
      action: 'repair.capacity',
      collection: kind.places,
      targetId: repair.reservationId ?? placeId,
      detail: repair.problem,
    })
  }
  return repairs
}

/**
 * Whether a place needs reconcilePlace: its ledger is off, a reservation disagrees with it, or
 * it lists someone with no active reservation. `reservations` are the place's unfinished and
 * active ones (requested, booked, waitlisted, cancelling).
 */
export function placeNeedsRepair(
  ledger: CapacityLedger,
  reservations: Reservation[],
  options: { now: Date; settleFresh: boolean },
): boolean {
  if (problemsOf(ledger).length > 0) return true
  if (reservations.some((reservation) => reservationProblem(reservation, ledger, options)))
    return true
  const active = new Set(reservations.map((reservation) => reservation._id))
  return [...ledger.holders, ...ledger.queue].some((holding) => !active.has(holding.id))
}

function reservationProblem(
  reservation: Reservation,
  ledger: CapacityLedger,
  options: { now: Date; settleFresh: boolean },
): string | undefined {
  const seated = ledger.holders.some((holding) => holding.id === reservation._id)
  const queued = ledger.queue.some((holding) => holding.id === reservation._id)
  switch (reservation.status) {
    case 'requested': {
      const age = options.now.getTime() - new Date(reservation.requestedAt).getTime()
      return options.settleFresh || age > SETTLE_GRACE_MS ? 'request not settled' : undefined
    }
    case 'cancelling':
      return 'cancellation not settled'
    case 'booked':
      return seated ? undefined : 'booked but not holding a place'
    case 'waitlisted':
      if (seated) return 'seated but recorded as waiting'
      return queued ? undefined : 'waiting but not in line'
    default:
      return undefined
  }
}
