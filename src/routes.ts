/** Page addresses, so a page never spells another page's path by hand. */
export const ROUTES = {
  home: '/pages/home/index',
  me: '/pages/me/index',
  postNeed: '/packages/needs/pages/post/index',
  myNeeds: '/packages/needs/pages/mine/index',
  communityNeeds: (communityId: string) =>
    `/packages/needs/pages/community/index?communityId=${encodeURIComponent(communityId)}`,
} as const
