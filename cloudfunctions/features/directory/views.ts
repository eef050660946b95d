import type { CommunityView, DistrictTreeView } from './contract'
import type { Community, DistrictTree } from './domain'

export function toCommunityView(community: Community): CommunityView {
  return {
    id: community._id,
    name: community.name,
    streetId: community.streetId,
    pilot: community.pilot,
  }
}

export function toDistrictTreeView({
  districts,
  streets,
  communities,
}: DistrictTree): DistrictTreeView {
  return {
    districtName: districts[0]?.name ?? '',
    streets: streets.map((street) => ({
      id: street._id,
      name: street.name,
      pilot: street.pilot,
      communities: communities
        .filter((community) => community.streetId === street._id)
        .map(toCommunityView),
    })),
  }
}
