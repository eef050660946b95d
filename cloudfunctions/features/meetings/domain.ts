/**
 * The community's monthly meeting (月度碰头会): every active co-build project is gone through with
 * the month's progress entry (who served how many, what was done), its problems and next steps.
 * A project without an entry for the month is flagged. One record per community and month.
 */
export interface MeetingItem {
  projectId: string
  problems: string
  nextSteps: string
}

export interface MonthlyMeeting {
  /** meetingIdOf(communityId, month) */
  _id: string
  communityId: string
  streetId: string
  /** YYYY-MM */
  month: string
  heldOn: string
  attendees: string[]
  items: MeetingItem[]
  notes: string
  recordedBy: { id: string; name: string }
  createdAt: Date
  updatedAt: Date
}

export const meetingIdOf = (communityId: string, month: string) => `meeting-${communityId}-${month}`

/** A month may be met about once it has begun, not before. */
export function isFutureMonth(month: string, today: string): boolean {
  return month > today.slice(0, 7)
}
