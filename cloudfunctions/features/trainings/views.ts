import { queuePositionOf } from '../../shared/capacity/ledger'
import type {
  AttendanceLineView,
  MyTrainingSignupView,
  OrganizationAttendanceView,
  TrainingSummaryView,
} from './contract'
import { hasStarted, type Training, type TrainingSignup } from './domain'

export function toTrainingSummary(training: Training): TrainingSummaryView {
  return {
    id: training._id,
    title: training.title,
    topic: training.topic,
    hostOrgId: training.hostOrgId,
    hostOrgName: training.hostOrgName,
    date: training.date,
    start: training.start,
    end: training.end,
    place: training.place,
    capacity: training.capacity.limit,
    taken: training.capacity.taken,
    waiting: training.capacity.waiting,
    ...(training.recordedAttendance ? { recordedAttendance: training.recordedAttendance } : {}),
  }
}

/** The caller's own sign-up; undefined unless it holds or waits for a place. */
export function toMySignup(
  signup: TrainingSignup | undefined,
  training: Training,
  now: Date,
): MyTrainingSignupView | undefined {
  if (signup?.status !== 'booked' && signup?.status !== 'waitlisted') return undefined
  const position = queuePositionOf(training.capacity, signup._id)
  const usable = signup.status === 'booked' && !signup.checkedInAt
  return {
    status: signup.status,
    ...(position ? { waitlistPosition: position } : {}),
    ...(signup.orgName ? { orgName: signup.orgName } : {}),
    ...(usable ? { checkInCode: signup.checkInCode } : {}),
    checkedIn: Boolean(signup.checkedInAt),
    canCancel: !signup.checkedInAt && !hasStarted(training, now),
  }
}

export function toAttendanceLine(signup: TrainingSignup): AttendanceLineView {
  return {
    name: signup.traineeName,
    ...(signup.orgName ? { orgName: signup.orgName } : {}),
    status: signup.status === 'waitlisted' ? 'waitlisted' : 'booked',
    ...(signup.checkedInAt ? { checkedInAt: new Date(signup.checkedInAt).toISOString() } : {}),
  }
}

/** Sign-ups and check-ins per organization, most attended first; people on their own together. */
export function byOrganization(signups: TrainingSignup[]): OrganizationAttendanceView[] {
  const totals = new Map<string, OrganizationAttendanceView>()
  for (const signup of signups) {
    const orgName = signup.orgName ?? '个人报名'
    const total = totals.get(orgName) ?? { orgName, signedUp: 0, attended: 0 }
    if (signup.status === 'booked') total.signedUp += 1
    if (signup.checkedInAt) total.attended += 1
    totals.set(orgName, total)
  }
  return [...totals.values()].sort(
    (a, b) =>
      b.attended - a.attended || b.signedUp - a.signedUp || a.orgName.localeCompare(b.orgName),
  )
}
