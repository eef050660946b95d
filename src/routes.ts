/** Page addresses, so a page never spells another page's path by hand. */
export const ROUTES = {
  home: '/pages/home/index',
  me: '/pages/me/index',
  postNeed: '/packages/needs/pages/post/index',
  myNeeds: '/packages/needs/pages/mine/index',
  communityNeeds: (communityId: string) =>
    `/packages/needs/pages/community/index?communityId=${encodeURIComponent(communityId)}`,
  communityNeedList: (communityId: string) =>
    `/packages/lists/pages/community/index?communityId=${encodeURIComponent(communityId)}`,
  publishCommunityNeed: (communityId: string) =>
    `/packages/lists/pages/publish-need/index?communityId=${encodeURIComponent(communityId)}`,
  communityProposals: (communityId: string) =>
    `/packages/lists/pages/proposals/index?communityId=${encodeURIComponent(communityId)}`,
  organizationProposals: (organizationId: string) =>
    `/packages/lists/pages/proposals/index?organizationId=${encodeURIComponent(organizationId)}`,
  browseNeedLists: '/packages/lists/pages/browse/index',
  organizationOfferings: (organizationId: string) =>
    `/packages/lists/pages/offerings/index?organizationId=${encodeURIComponent(organizationId)}`,
  publishOffering: (organizationId: string) =>
    `/packages/lists/pages/publish-offering/index?organizationId=${encodeURIComponent(organizationId)}`,
} as const
