/** Page addresses, so a page never spells another page's path by hand. */
export const ROUTES = {
  home: '/pages/home/index',
  me: '/pages/me/index',
  postNeed: '/packages/needs/pages/post/index',
  myNeeds: '/packages/needs/pages/mine/index',
  communityNeeds: (communityId: string) =>
    `/packages/needs/pages/community/index?communityId=${encodeURIComponent(communityId)}`,
  stallEvents: '/packages/stalls/pages/events/index',
  stallEvent: (eventId: string) =>
    `/packages/stalls/pages/event/index?eventId=${encodeURIComponent(eventId)}`,
  myBookings: '/packages/stalls/pages/mine/index',
  stallCheckIn: (eventId: string) =>
    `/packages/stalls/pages/checkin/index?eventId=${encodeURIComponent(eventId)}`,
  stallStats: (eventId: string) =>
    `/packages/stalls/pages/stats/index?eventId=${encodeURIComponent(eventId)}`,
  publishStallEvent: '/packages/stalls/pages/publish/index',
  volunteerRegister: '/packages/volunteers/pages/register/index',
  volunteerService: '/packages/volunteers/pages/service/index',
  volunteerShifts: '/packages/volunteers/pages/shifts/index',
  volunteerShift: (shiftId: string) =>
    `/packages/volunteers/pages/shift/index?shiftId=${encodeURIComponent(shiftId)}`,
  managedShifts: '/packages/volunteers/pages/managed/index',
  shiftRoster: (shiftId: string) =>
    `/packages/volunteers/pages/roster/index?shiftId=${encodeURIComponent(shiftId)}`,
  volunteerReview: (communityId: string) =>
    `/packages/volunteers/pages/review/index?communityId=${encodeURIComponent(communityId)}`,
} as const
