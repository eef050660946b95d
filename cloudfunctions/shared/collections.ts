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
  serviceKinds: 'service_kinds',
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
  volunteerDays: 'volunteer_days',
  mediationCases: 'mediation_cases',
  mediationAssignments: 'mediation_assignments',
  mediationTeams: 'mediation_teams',
  invitations: 'invitations',
  roleGrants: 'role_grants',
  teamMembers: 'team_members',
  trainings: 'trainings',
  trainingSignups: 'training_signups',
  charityPools: 'charity_pools',
  charityDonors: 'charity_donors',
  charityDonations: 'charity_donations',
  charityStock: 'charity_stock',
  charityMoves: 'charity_moves',
  subscriptionCredits: 'subscription_credits',
  miniProgramCodes: 'mini_program_codes',
  dailyFigures: 'daily_figures',
  agreements: 'agreements',
  monthlyMeetings: 'monthly_meetings',
  councils: 'councils',
  councilMeetings: 'council_meetings',
  projectRatings: 'project_ratings',
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
  users: [index(['deletion', 'asc'])],
  organizations: [
    index(['districtId', 'asc'], ['name', 'asc']),
    index(['streetId', 'asc'], ['name', 'asc']),
  ],
  personal_needs: [
    index(['residentId', 'asc'], ['createdAt', 'desc']),
    index(['communityId', 'asc'], ['status', 'asc'], ['createdAt', 'desc']),
    index(['status', 'asc'], ['resolution.at', 'asc']),
  ],
  personal_need_replies: [index(['needId', 'asc'], ['createdAt', 'asc'])],
  audit_logs: [
    index(['targetId', 'asc'], ['at', 'desc']),
    index(['actorId', 'asc'], ['at', 'desc']),
    index(['districtId', 'asc'], ['at', 'desc']),
    index(['streetId', 'asc'], ['at', 'desc']),
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
  service_kinds: [index(['districtId', 'asc'])],
  notifications: [index(['userId', 'asc'], ['createdAt', 'desc'])],
  stall_events: [
    index(['date', 'asc']),
    index(['communityId', 'asc'], ['date', 'asc']),
    index(['status', 'asc']),
    index(['orgId', 'asc'], ['date', 'asc']),
  ],
  stall_slots: [index(['eventId', 'asc'], ['startsAt', 'asc'])],
  stall_bookings: [
    index(['userId', 'asc'], ['startsAt', 'desc']),
    index(['eventId', 'asc'], ['checkInCode', 'asc']),
    index(['placeId', 'asc'], ['status', 'asc']),
    index(['checkInCode', 'asc']),
    index(['date', 'asc'], ['status', 'asc']),
    index(['status', 'asc'], ['endsAt', 'asc']),
  ],
  projects: [
    index(['communityId', 'asc'], ['createdAt', 'desc']),
    index(['streetId', 'asc'], ['createdAt', 'desc']),
    index(['organizationId', 'asc'], ['createdAt', 'desc']),
    index(['source.id', 'asc']),
    index(['status', 'asc'], ['updatedAt', 'asc']),
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
    index(['teamId', 'asc'], ['date', 'desc']),
  ],
  volunteer_signups: [
    index(['placeId', 'asc'], ['status', 'asc']),
    index(['userId', 'asc'], ['createdAt', 'desc']),
    index(['status', 'asc']),
  ],
  volunteer_hours: [
    index(['volunteerId', 'asc'], ['createdAt', 'desc']),
    index(['organizer.id', 'asc'], ['createdAt', 'desc']),
    index(['teamId', 'asc'], ['createdAt', 'desc']),
  ],
  volunteer_certificates: [index(['volunteerId', 'asc'])],
  volunteer_days: [],
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
  invitations: [index(['scopeId', 'asc'], ['createdAt', 'desc'])],
  role_grants: [index(['scopeId', 'asc'], ['grantedAt', 'desc']), index(['userId', 'asc'])],
  team_members: [index(['teamId', 'asc'], ['status', 'asc']), index(['userId', 'asc'])],
  trainings: [
    index(['status', 'asc'], ['date', 'asc']),
    index(['hostOrgId', 'asc'], ['date', 'desc']),
  ],
  training_signups: [
    index(['placeId', 'asc'], ['status', 'asc']),
    index(['placeId', 'asc'], ['checkInCode', 'asc']),
    index(['userId', 'asc'], ['createdAt', 'desc']),
    index(['status', 'asc']),
  ],
  charity_pools: [],
  charity_donors: [index(['streetId', 'asc'], ['name', 'asc'])],
  charity_donations: [
    index(['streetId', 'asc'], ['quarter', 'asc'], ['receivedOn', 'asc']),
    index(['donorId', 'asc'], ['receivedOn', 'desc']),
  ],
  charity_stock: [index(['streetId', 'asc'], ['name', 'asc'])],
  charity_moves: [
    index(['itemId', 'asc'], ['at', 'asc']),
    index(['streetId', 'asc'], ['quarter', 'asc'], ['date', 'asc']),
  ],
  subscription_credits: [],
  mini_program_codes: [],
  daily_figures: [index(['month', 'asc'])],
  agreements: [
    index(['districtId', 'asc'], ['createdAt', 'desc']),
    index(['streetId', 'asc'], ['createdAt', 'desc']),
    index(['communityId', 'asc'], ['createdAt', 'desc']),
    index(['organizationId', 'asc'], ['createdAt', 'desc']),
  ],
  monthly_meetings: [index(['communityId', 'asc'], ['month', 'desc'])],
  councils: [index(['districtId', 'asc'])],
  council_meetings: [index(['streetId', 'asc'], ['quarter', 'desc'])],
  project_ratings: [index(['projectId', 'asc']), index(['userId', 'asc'])],
}
