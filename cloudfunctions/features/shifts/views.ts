import { queuePositionOf } from '../../shared/capacity/ledger'
import type { Caller } from '../../shared/caller'
import { isMemberOf, isWorkerOf } from '../../shared/roles'
import type { Organizer, VolunteerRecord } from '../volunteers/domain'
import type { ShiftView } from './contract'
import { creditedMinutes, hasRequiredSkills, type Shift, type ShiftSignup } from './domain'

/** Who runs the organizer's shifts: members of the organization, or workers of the community. */
export function managesFor(caller: Caller, organizer: Pick<Organizer, 'kind' | 'id'>): boolean {
  return organizer.kind === 'org'
    ? isMemberOf(caller, organizer.id)
    : isWorkerOf(caller, organizer.id)
}

export function toShiftView(
  shift: Shift,
  caller: Caller,
  signup?: ShiftSignup,
  volunteer?: VolunteerRecord,
): ShiftView {
  const manages = managesFor(caller, shift.organizer)
  const active = signup?.status === 'booked' || signup?.status === 'waitlisted' ? signup : undefined
  const position = active && queuePositionOf(shift.capacity, active._id)
  return {
    id: shift._id,
    title: shift.title,
    description: shift.description,
    organizerKind: shift.organizer.kind,
    organizerId: shift.organizer.id,
    organizerName: shift.organizer.name,
    communityId: shift.communityId,
    communityName: shift.communityName,
    date: shift.date,
    start: shift.start,
    end: shift.end,
    place: shift.place,
    capacity: shift.capacity.limit,
    taken: shift.capacity.taken,
    waiting: shift.capacity.waiting,
    requiredSkills: shift.requiredSkills,
    ...(shift.linkedId ? { linkedId: shift.linkedId } : {}),
    ...(shift.teamId ? { teamId: shift.teamId, teamName: shift.teamName ?? '' } : {}),
    ...(manages ? { checkInCode: shift.checkInCode } : {}),
    canManage: manages,
    ...(active
      ? {
          mySignup: {
            status: active.status as 'booked' | 'waitlisted',
            ...(position ? { waitlistPosition: position } : {}),
            checkedIn: Boolean(active.checkInAt),
            checkedOut: Boolean(active.checkOutAt),
          },
        }
      : {}),
    ...(volunteer ? { skillsMatch: hasRequiredSkills(volunteer, shift) } : {}),
  }
}

export function attendanceTimes(
  signup: ShiftSignup,
  format: (instant: Date) => string = (instant) => instant.toISOString(),
): { checkInAt?: string; checkOutAt?: string } {
  return {
    ...(signup.checkInAt ? { checkInAt: format(new Date(signup.checkInAt)) } : {}),
    ...(signup.checkOutAt ? { checkOutAt: format(new Date(signup.checkOutAt)) } : {}),
  }
}

export function attendedMinutes(shift: Shift, signup: ShiftSignup): number {
  return signup.checkInAt && signup.checkOutAt
    ? creditedMinutes(shift, new Date(signup.checkInAt), new Date(signup.checkOutAt))
    : 0
}
