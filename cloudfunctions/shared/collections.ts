/**
 * Every collection the product uses and the indexes its queries rely on. The deploy creates them
 * on WeChat's cloud database; the local cloud creates the same indexes in its embedded store.
 */
export const COLLECTIONS = {
  districts: 'districts',
  streets: 'streets',
  communities: 'communities',
  users: 'users',
  organizations: 'organizations',
  personalNeeds: 'personal_needs',
  personalNeedReplies: 'personal_need_replies',
  auditLogs: 'audit_logs',
  communityNeeds: 'community_needs',
  resourceOfferings: 'resource_offerings',
  notifications: 'notifications',
  stallEvents: 'stall_events',
  stallSlots: 'stall_slots',
  stallBookings: 'stall_bookings',
  projects: 'projects',
  claims: 'claims',
  projectProgress: 'project_progress',
  matchProposals: 'match_proposals',
  matchingRuns: 'matching_runs',
  volunteers: 'volunteers',
  volunteerTeams: 'volunteer_teams',
  volunteerShifts: 'volunteer_shifts',
  volunteerSignups: 'volunteer_signups',
  volunteerHours: 'volunteer_hours',
  volunteerCertificates: 'volunteer_certificates',
  mediationCases: 'mediation_cases',
  mediationAssignments: 'mediation_assignments',
  mediationTeams: 'mediation_teams',
  agreements: 'agreements',
  monthlyMeetings: 'monthly_meetings',
} as const

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS]

export type IndexDirection = 'asc' | 'desc'

/**
 * A compound index, its fields in order. Indexed fields hold scalars (strings, numbers, dates),
 * never arrays: the local store narrows equality, `in` and range conditions on them.
 */
export interface IndexSpec {
  fields: [field: string, direction: IndexDirection][]
}

const index = (...fields: [string, IndexDirection][]): IndexSpec => ({ fields })

/** Beyond the default `_id` index of every collection. */
export const INDEXES: Record<CollectionName, IndexSpec[]> = {
  districts: [],
  streets: [index(['districtId', 'asc'])],
  communities: [index(['streetId', 'asc'])],
  users: [],
  organizations: [index(['districtId', 'asc'], ['name', 'asc'])],
  personal_needs: [
    index(['residentId', 'asc'], ['createdAt', 'desc']),
    index(['communityId', 'asc'], ['status', 'asc'], ['createdAt', 'desc']),
    index(['status', 'asc'], ['resolution.at', 'asc']),
  ],
  personal_need_replies: [index(['needId', 'asc'], ['createdAt', 'asc'])],
  audit_logs: [
    index(['targetId', 'asc'], ['at', 'desc']),
    index(['actorId', 'asc'], ['at', 'desc']),
  ],
  community_needs: [
    index(['communityId', 'asc'], ['status', 'asc'], ['createdAt', 'desc']),
    index(['streetId', 'asc'], ['status', 'asc']),
    index(['status', 'asc'], ['createdAt', 'desc']),
  ],
  resource_offerings: [
    index(['organizationId', 'asc'], ['createdAt', 'desc']),
    index(['status', 'asc']),
  ],
  notifications: [index(['userId', 'asc'], ['createdAt', 'desc'])],
  stall_events: [
    index(['date', 'asc']),
    index(['communityId', 'asc'], ['date', 'asc']),
    index(['status', 'asc']),
  ],
  stall_slots: [index(['eventId', 'asc'], ['startsAt', 'asc'])],
  stall_bookings: [
    index(['userId', 'asc'], ['startsAt', 'desc']),
    index(['eventId', 'asc'], ['checkInCode', 'asc']),
    index(['placeId', 'asc'], ['status', 'asc']),
    index(['checkInCode', 'asc']),
    index(['date', 'asc'], ['status', 'asc']),
    index(['status', 'asc']),
  ],
  projects: [
    index(['communityId', 'asc'], ['createdAt', 'desc']),
    index(['streetId', 'asc'], ['createdAt', 'desc']),
    index(['organizationId', 'asc'], ['createdAt', 'desc']),
    index(['source.id', 'asc']),
  ],
  claims: [
    index(['needId', 'asc'], ['status', 'asc']),
    index(['organizationId', 'asc'], ['createdAt', 'desc']),
    index(['communityId', 'asc'], ['status', 'asc']),
    index(['status', 'asc']),
  ],
  project_progress: [index(['projectId', 'asc'], ['month', 'asc'])],
  match_proposals: [
    index(['communityId', 'asc'], ['status', 'asc'], ['createdAt', 'desc']),
    index(['streetId', 'asc'], ['status', 'asc']),
    index(['organizationId', 'asc'], ['status', 'asc']),
    index(['needId', 'asc'], ['status', 'asc']),
    index(['runId', 'asc']),
    index(['status', 'asc']),
  ],
  matching_runs: [index(['status', 'asc'])],
  volunteers: [
    index(['communityId', 'asc'], ['status', 'asc'], ['createdAt', 'desc']),
    index(['checkInCode', 'asc']),
  ],
  volunteer_teams: [index(['orgId', 'asc'], ['createdAt', 'asc'])],
  volunteer_shifts: [
    index(['status', 'asc'], ['date', 'asc']),
    index(['organizer.id', 'asc'], ['date', 'desc']),
  ],
  volunteer_signups: [
    index(['placeId', 'asc'], ['status', 'asc']),
    index(['userId', 'asc'], ['createdAt', 'desc']),
    index(['status', 'asc']),
  ],
  volunteer_hours: [
    index(['volunteerId', 'asc'], ['createdAt', 'desc']),
    index(['organizer.id', 'asc'], ['createdAt', 'desc']),
  ],
  volunteer_certificates: [index(['volunteerId', 'asc'])],
  mediation_cases: [
    index(['communityId', 'asc'], ['createdAt', 'desc']),
    index(['communityId', 'asc'], ['status', 'asc'], ['createdAt', 'desc']),
    index(['residentId', 'asc'], ['createdAt', 'desc']),
    index(['streetId', 'asc']),
    index(['districtId', 'asc']),
    index(['status', 'asc'], ['dueAt', 'asc']),
  ],
  mediation_assignments: [index(['userId', 'asc'], ['createdAt', 'desc'])],
  mediation_teams: [],
  agreements: [
    index(['districtId', 'asc'], ['createdAt', 'desc']),
    index(['streetId', 'asc'], ['createdAt', 'desc']),
    index(['communityId', 'asc'], ['createdAt', 'desc']),
    index(['organizationId', 'asc'], ['createdAt', 'desc']),
  ],
  monthly_meetings: [index(['communityId', 'asc'], ['month', 'desc'])],
}
