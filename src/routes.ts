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
} as const
