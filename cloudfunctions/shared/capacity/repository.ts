import {
  collection,
  command,
  findById,
  findMany,
  insertOne,
  updateWhere,
} from '../repositories/collections'
import { insertNotification } from '../repositories/notifications'
import {
  isActive,
  reservationIdOf,
  type CapacityKind,
  type Reservation,
  type ReserveOutcome,
} from './index'

export interface ReserveRequest {
  placeId: string
  scopeId: string
  userId: string
  /** Join the waitlist when the place is full; otherwise a full place answers `full`. */
  joinWaitlist: boolean
  /** The kind's own fields, stored on a new (or renewed) reservation. */
  details?: object
}

/**
 * Books a place for a person, or puts them on its waitlist. Safe to retry and to call twice at
 * once: the reservation id is deterministic, so only one record per person and scope can exist.
 */
export async function reserve(
  kind: CapacityKind,
  request: ReserveRequest,
): Promise<ReserveOutcome> {
  const id = reservationIdOf(request.scopeId, request.userId)
  const existing = await findById<Reservation>(kind.reservations, id)
  if (existing && isActive(existing)) return { kind: 'existing', reservation: existing }

  const seated = await takePlace(kind, request.placeId)
  if (!seated && !request.joinWaitlist) return { kind: 'full' }
  const now = new Date()
  const reservation: Reservation = {
    ...request.details,
    _id: id,
    placeId: request.placeId,
    scopeId: request.scopeId,
    userId: request.userId,
    status: seated ? 'booked' : 'waitlisted',
    ...(seated ? { bookedAt: now } : { waitlistedAt: now }),
    createdAt: now,
  }
  if (!(await claimReservation(kind, reservation))) {
    // A concurrent call for the same person won; hand back what this call took, to whoever waits.
    if (seated) {
      await freePlace(kind, request.placeId)
      await promoteFromWaitlist(kind, request.placeId)
    }
    const winner = await findById<Reservation>(kind.reservations, id)
    if (!winner) throw new Error(`reservation ${id} vanished`)
    return { kind: 'existing', reservation: winner }
  }
  // A place may have freed between the full answer and joining the line: fill it from the line.
  if (!seated) await promoteFromWaitlist(kind, request.placeId)
  const stored = (await findById<Reservation>(kind.reservations, id)) ?? reservation
  return { kind: stored.status === 'booked' ? 'booked' : 'waitlisted', reservation: stored }
}

/**
 * Cancels a person's booking or waitlist place. A freed place goes to the first in line. Answers
 * false when there was nothing active to cancel (already cancelled: a retry changes nothing).
 */
export async function cancelReservation(
  kind: CapacityKind,
  reservation: Reservation,
): Promise<boolean> {
  const _ = command()
  const cancelled = await updateWhere(
    collection(kind.reservations).where({
      _id: reservation._id,
      status: _.in(['booked', 'waitlisted']),
    }),
    { status: 'cancelled', cancelledAt: new Date() },
  )
  if (cancelled === 0) return false
  if (reservation.status === 'booked') {
    await freePlace(kind, reservation.placeId)
    await promoteFromWaitlist(kind, reservation.placeId)
  }
  return true
}

/**
 * While the place has room and people wait, seats the first in line and tells them. Each step is
 * a conditional single-document update, so racing cancellations never seat one person twice nor
 * lose a place: a lost race on a person moves on to the next, a lost race on the place stops.
 */
export async function promoteFromWaitlist(
  kind: CapacityKind,
  placeId: string,
): Promise<Reservation[]> {
  const promoted: Reservation[] = []
  for (;;) {
    const [first] = await findMany<Reservation>(
      collection(kind.reservations)
        .where({ placeId, status: 'waitlisted' })
        .orderBy('waitlistedAt', 'asc')
        .orderBy('_id', 'asc')
        .limit(1),
    )
    if (!first || !(await takePlace(kind, placeId))) return promoted
    const bookedAt = new Date()
    const seated = await updateWhere(
      collection(kind.reservations).where({ _id: first._id, status: 'waitlisted' }),
      { status: 'booked', bookedAt },
    )
    if (seated === 0) {
      // Someone else promoted (or they cancelled) first; give the place back and look again.
      await freePlace(kind, placeId)
      continue
    }
    const reservation: Reservation = { ...first, status: 'booked', bookedAt }
    await insertNotification({
      userId: first.userId,
      ref: first._id,
      ...kind.promotionNotice(reservation),
    })
    promoted.push(reservation)
  }
}

/** Takes one place if any is left: one atomic conditional increment. */
async function takePlace(kind: CapacityKind, placeId: string): Promise<boolean> {
  const _ = command()
  const place = await findById<{ capacity: number }>(kind.places, placeId)
  if (!place) return false
  const updated = await updateWhere(
    collection(kind.places).where({ _id: placeId, taken: _.lt(place.capacity) }),
    { taken: _.inc(1) },
  )
  return updated === 1
}

async function freePlace(kind: CapacityKind, placeId: string): Promise<void> {
  const _ = command()
  await updateWhere(collection(kind.places).where({ _id: placeId, taken: _.gt(0) }), {
    taken: _.inc(-1),
  })
}

/** Creates the reservation, or renews a cancelled one; false if an active one already exists. */
async function claimReservation(kind: CapacityKind, reservation: Reservation): Promise<boolean> {
  try {
    await insertOne(kind.reservations, reservation)
    return true
  } catch (error) {
    const current = await findById<Reservation>(kind.reservations, reservation._id)
    if (!current) throw error
    if (current.status !== 'cancelled') return false
    const { _id, ...fields } = reservation
    const _ = command()
    const renewed = await updateWhere(
      collection(kind.reservations).where({ _id, status: 'cancelled' }),
      {
        ...fields,
        waitlistedAt: fields.waitlistedAt ?? _.remove(),
        bookedAt: fields.bookedAt ?? _.remove(),
        cancelledAt: _.remove(),
      },
    )
    return renewed === 1
  }
}
