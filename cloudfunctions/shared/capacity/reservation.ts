import type { CollectionName } from '../collections'
import type { SubscriptionMessage } from '../messageTemplates'

// What a reservation of a place is; the step machine that makes and changes one is ./reservations.ts.

export type ReservationStatus =
  'requested' | 'booked' | 'waitlisted' | 'refused' | 'cancelling' | 'cancelled'

export interface Reservation {
  /** reservationIdOf(scopeId, userId): one reservation per person per scope, whatever retries. */
  _id: string
  placeId: string
  /** What a person may hold only one reservation in, e.g. a stall's item or a shift. */
  scopeId: string
  userId: string
  status: ReservationStatus
  /** Join the line when the place is full (else a full place refuses the request). */
  mayWait: boolean
  requestedAt: Date
  bookedAt?: Date
  waitlistedAt?: Date
  cancelledAt?: Date
  createdAt: Date
}

export interface ReservationKind {
  /** Documents carrying a `capacity` ledger. */
  places: CollectionName
  reservations: CollectionName
  /** What a person seated from the line is told (in the app, and as a message where subscribed). */
  promotionNotice(
    reservation: Reservation,
    place: object,
  ): { title: string; body: string; message: SubscriptionMessage }
}

export type ReserveOutcome =
  | { kind: 'booked' | 'waitlisted'; reservation: Reservation }
  /** Full and the person would not wait, or the place is gone. */
  | { kind: 'refused' }
  /** The person already holds a reservation in the scope (perhaps for another place). */
  | { kind: 'existing'; reservation: Reservation }

export function reservationIdOf(scopeId: string, userId: string): string {
  return `${scopeId}:${userId}`
}

export function isActive(reservation: Pick<Reservation, 'status'> | undefined): boolean {
  return reservation?.status === 'booked' || reservation?.status === 'waitlisted'
}
