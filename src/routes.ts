/** Page addresses, so a page never spells another page's path by hand. */
export const ROUTES = {
  home: '/pages/home/index',
  me: '/pages/me/index',
  postNeed: '/packages/needs/pages/post/index',
  myNeeds: '/packages/needs/pages/mine/index',
  communityNeeds: (communityId: string) =>
    `/packages/needs/pages/community/index?communityId=${encodeURIComponent(communityId)}`,
  needDetail: (needId: string) =>
    `/packages/needs/pages/detail/index?needId=${encodeURIComponent(needId)}`,
  stallEvents: '/packages/stalls/pages/events/index',
  stallEvent: (eventId: string) =>
    `/packages/stalls/pages/event/index?eventId=${encodeURIComponent(eventId)}`,
  myBookings: '/packages/stalls/pages/mine/index',
  stallCheckIn: (eventId: string) =>
    `/packages/stalls/pages/checkin/index?eventId=${encodeURIComponent(eventId)}`,
  stallStats: (eventId: string) =>
    `/packages/stalls/pages/stats/index?eventId=${encodeURIComponent(eventId)}`,
  publishStallEvent: '/packages/stalls/pages/publish/index',
  claimableNeeds: '/packages/projects/pages/needs/index',
  claimNeed: (needId: string) =>
    `/packages/projects/pages/claim/index?needId=${encodeURIComponent(needId)}`,
  myClaims: '/packages/projects/pages/claims/index',
  reviewClaims: (communityId: string) =>
    `/packages/projects/pages/review/index?communityId=${encodeURIComponent(communityId)}`,
  communityProjects: (communityId: string) =>
    `/packages/projects/pages/list/index?communityId=${encodeURIComponent(communityId)}`,
  streetProjects: (streetId: string) =>
    `/packages/projects/pages/list/index?streetId=${encodeURIComponent(streetId)}`,
  organizationProjects: (organizationId: string) =>
    `/packages/projects/pages/list/index?organizationId=${encodeURIComponent(organizationId)}`,
  projectDetail: (projectId: string) =>
    `/packages/projects/pages/detail/index?projectId=${encodeURIComponent(projectId)}`,
  overdueNeeds: (streetId: string) =>
    `/packages/projects/pages/overdue/index?streetId=${encodeURIComponent(streetId)}`,
  communityNeedList: (communityId: string) =>
    `/packages/lists/pages/community/index?communityId=${encodeURIComponent(communityId)}`,
  publishCommunityNeed: (communityId: string) =>
    `/packages/lists/pages/publish-need/index?communityId=${encodeURIComponent(communityId)}`,
  communityProposals: (communityId: string) =>
    `/packages/lists/pages/proposals/index?communityId=${encodeURIComponent(communityId)}`,
  organizationProposals: (organizationId: string) =>
    `/packages/lists/pages/proposals/index?organizationId=${encodeURIComponent(organizationId)}`,
  organizationOfferings: (organizationId: string) =>
    `/packages/lists/pages/offerings/index?organizationId=${encodeURIComponent(organizationId)}`,
  publishOffering: (organizationId: string) =>
    `/packages/lists/pages/publish-offering/index?organizationId=${encodeURIComponent(organizationId)}`,
  serviceKinds: (districtId: string) =>
    `/packages/lists/pages/kinds/index?districtId=${encodeURIComponent(districtId)}`,
  volunteerRegister: '/packages/volunteers/pages/register/index',
  volunteerService: '/packages/volunteers/pages/service/index',
  volunteerShifts: '/packages/volunteers/pages/shifts/index',
  volunteerShift: (shiftId: string) =>
    `/packages/volunteers/pages/shift/index?shiftId=${encodeURIComponent(shiftId)}`,
  managedShifts: '/packages/volunteers/pages/managed/index',
  shiftRoster: (shiftId: string, volunteerCode = '') =>
    `/packages/volunteers/pages/roster/index?shiftId=${encodeURIComponent(shiftId)}${volunteerCode ? `&volunteerCode=${encodeURIComponent(volunteerCode)}` : ''}`,
  publishShift: '/packages/volunteers/pages/publish/index',
  verifyCertificate: (code = '') =>
    `/packages/volunteers/pages/verify/index${code ? `?code=${encodeURIComponent(code)}` : ''}`,
  volunteerReview: (communityId: string) =>
    `/packages/volunteers/pages/review/index?communityId=${encodeURIComponent(communityId)}`,
  mediationCases: (communityId: string) =>
    `/packages/mediation/pages/cases/index?communityId=${encodeURIComponent(communityId)}`,
  openMediation: (communityId: string, needId?: string) =>
    `/packages/mediation/pages/open/index?communityId=${encodeURIComponent(communityId)}${
      needId ? `&needId=${encodeURIComponent(needId)}` : ''
    }`,
  mediationCase: (caseId: string) =>
    `/packages/mediation/pages/case/index?caseId=${encodeURIComponent(caseId)}`,
  mediationTeam: (communityId: string) =>
    `/packages/mediation/pages/team/index?communityId=${encodeURIComponent(communityId)}`,
  myMediation: '/packages/mediation/pages/mine/index',
  mediationFigures: (scope: 'community' | 'street' | 'district', id: string) =>
    `/packages/mediation/pages/figures/index?scope=${scope}&id=${encodeURIComponent(id)}`,
  volunteerTeams: '/packages/volunteers/pages/teams/index',
  volunteerTeam: (teamId: string) =>
    `/packages/volunteers/pages/team/index?teamId=${encodeURIComponent(teamId)}`,
  manageRoles: '/packages/people/pages/manage/index',
  roleScope: (scopeKind: 'street' | 'community' | 'org', scopeId: string) =>
    `/packages/people/pages/scope/index?scopeKind=${scopeKind}&scopeId=${encodeURIComponent(scopeId)}`,
  acceptInvitation: (code = '') =>
    `/packages/people/pages/accept/index${code ? `?code=${encodeURIComponent(code)}` : ''}`,
  auditLog: '/packages/people/pages/audit/index',
  orgRegistry: '/packages/orgs/pages/registry/index',
  orgDetail: (orgId: string) =>
    `/packages/orgs/pages/detail/index?orgId=${encodeURIComponent(orgId)}`,
  orgEdit: (orgId = '') =>
    `/packages/orgs/pages/edit/index${orgId ? `?orgId=${encodeURIComponent(orgId)}` : ''}`,
  trainings: '/packages/trainings/pages/list/index',
  training: (trainingId: string) =>
    `/packages/trainings/pages/detail/index?trainingId=${encodeURIComponent(trainingId)}`,
  myTrainings: '/packages/trainings/pages/mine/index',
  trainingCheckIn: (trainingId: string) =>
    `/packages/trainings/pages/checkin/index?trainingId=${encodeURIComponent(trainingId)}`,
  publishTraining: (hostOrgId: string) =>
    `/packages/trainings/pages/publish/index?hostOrgId=${encodeURIComponent(hostOrgId)}`,
  trainingReport: (hostOrgId: string) =>
    `/packages/trainings/pages/report/index?hostOrgId=${encodeURIComponent(hostOrgId)}`,
  charityPool: (streetId: string) =>
    `/packages/charity/pages/pool/index?streetId=${encodeURIComponent(streetId)}`,
  charityDonate: (streetId: string) =>
    `/packages/charity/pages/donate/index?streetId=${encodeURIComponent(streetId)}`,
  charityItem: (streetId: string, itemId: string) =>
    `/packages/charity/pages/item/index?streetId=${encodeURIComponent(streetId)}&itemId=${encodeURIComponent(itemId)}`,
  charityNotice: (streetId: string, quarter = '') =>
    `/packages/charity/pages/notice/index?streetId=${encodeURIComponent(streetId)}${quarter ? `&quarter=${quarter}` : ''}`,
  privacyGuide: '/packages/privacy/pages/guide/index',
  myData: '/packages/privacy/pages/data/index',
  agreements: (scope: 'district' | 'street' | 'community' | 'organization', id: string) =>
    `/packages/agreements/pages/list/index?scope=${scope}&id=${encodeURIComponent(id)}`,
  createAgreement: (kind: string, firstPartyId: string) =>
    `/packages/agreements/pages/create/index?kind=${kind}&firstPartyId=${encodeURIComponent(firstPartyId)}`,
  councils: '/packages/councils/pages/list/index',
  council: (streetId: string) =>
    `/packages/councils/pages/council/index?streetId=${encodeURIComponent(streetId)}`,
  councilMeeting: (meetingId: string) =>
    `/packages/councils/pages/meeting/index?meetingId=${encodeURIComponent(meetingId)}`,
  monthlyMeeting: (communityId: string) =>
    `/packages/councils/pages/monthly/index?communityId=${encodeURIComponent(communityId)}`,
  servedProjects: '/packages/projects/pages/served/index',
  organizationReport: (organizationId: string) =>
    `/packages/projects/pages/report/index?organizationId=${encodeURIComponent(organizationId)}`,
  agreement: (agreementId: string) =>
    `/packages/agreements/pages/detail/index?agreementId=${encodeURIComponent(agreementId)}`,
  desk: (scope: 'district' | 'street' | 'community', id: string) =>
    `/packages/desk/pages/overview/index?scope=${scope}&id=${encodeURIComponent(id)}`,
} as const
