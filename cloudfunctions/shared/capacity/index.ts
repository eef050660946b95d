import type { CollectionName } from '../repositories/collections'

/**
 * Places with a capacity (a stall's time slot, a volunteer shift) and people's reservations of
 * them, with a waitlist. A place document carries `capacity` and `taken`; `taken` only ever moves
 * through conditional single-document updates, so concurrent bookings can never pass capacity.
 */
export interface CapacityKind {
  /** Documents shaped like Place (plus the kind's own fields). */
  places: CollectionName
  /** Documents shaped like Reservation (plus the kind's own fields). */
  reservations: CollectionName
  /** What a person promoted from the waitlist is told. */
  promotionNotice(reservation: Reservation): { title: string; body: string }
}

export interface Place {
  _id: string
  capacity: number
  taken: number
}

export type ReservationStatus = 'booked' | 'waitlisted' | 'cancelled'

export interface Reservation {
  /** reservationIdOf(scopeId, userId): one reservation per person per scope, whatever retries. */
  _id: string
  placeId: string
  /** What a person may hold only one reservation in, e.g. a stall's item or a shift. */
  scopeId: string
  userId: string
  status: ReservationStatus
  /** When they joined the waitlist; the earliest is promoted first. */
  waitlistedAt?: Date
  bookedAt?: Date
  cancelledAt?: Date
  createdAt: Date
}

/** What a reservation attempt ended in. `existing`: the person already holds one in the scope. */
export type ReserveOutcome =
  | { kind: 'booked'; reservation: Reservation }
  | { kind: 'waitlisted'; reservation: Reservation }
  | { kind: 'full' }
  | { kind: 'existing'; reservation: Reservation }

export function reservationIdOf(scopeId: string, userId: string): string {
  return `${scopeId}:${userId}`
}

export function isActive(reservation: Pick<Reservation, 'status'> | undefined): boolean {
  return reservation?.status === 'booked' || reservation?.status === 'waitlisted'
}
