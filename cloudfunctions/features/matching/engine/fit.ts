// Who may serve a need, and how well: the rules every part of the engine shares.
import { textFitOf, TextProfiles, type TextFit } from './textSimilarity'
import type { CommunityInfo, DateWindow, GeoPoint, MatchingNeed, MatchingResource } from './types'

// Fit cost per unit, in points (integer, lower is better); one point is 100 m of distance. After
// the kind (which decides who may serve at all) and the service area, what counts is that the
// offering says the same thing as the need, then nearness, rating, and whether the provider
// already carries out a project in that community. A venue hosting a talk or a training fits
// less than an offering of that very kind.
export const FIT_COST = {
  communityListing: 0,
  streetListing: 30,
  districtWide: 60,
  text: { same: 0, related: 60, none: 120 } satisfies Record<TextFit, number>,
  hostedAtVenue: 60,
  per100Metres: 1,
  /** Distance assumed when the community or the provider has no location: 10 km. */
  unknownDistance: 100,
  perHalfStarBelowFive: 10,
  /** Rating assumed when the provider has none yet. */
  unknownRating: 3,
  notYetWorkingThere: 30,
} as const

export type AreaLevel = 'community' | 'street' | 'district'

export function serviceAreaLevel(
  resource: MatchingResource,
  need: Pick<MatchingNeed, 'communityId' | 'streetId'>,
): AreaLevel | undefined {
  const area = resource.serviceArea
  if (area.communityIds.includes(need.communityId)) return 'community'
  if (area.streetIds.includes(need.streetId)) return 'street'
  return area.districtWide ? 'district' : undefined
}

/** `own`: the offering is of the kind asked for; `hosted`: a venue that can host it. */
export function kindFitOf(
  resource: MatchingResource,
  need: Pick<MatchingNeed, 'kind' | 'measure'>,
): 'own' | 'hosted' | undefined {
  if (resource.measure !== need.measure) return undefined
  if (resource.kind === need.kind) return 'own'
  return resource.hosts?.includes(need.kind) ? 'hosted' : undefined
}

export function seatsFit(need: Pick<MatchingNeed, 'seats'>, resource: MatchingResource): boolean {
  return need.seats === undefined || resource.seats === undefined || resource.seats >= need.seats
}

export function windowsOverlap(first?: DateWindow, second?: DateWindow): boolean {
  if (!first || !second) return true
  return overlapOf(first, second) !== undefined
}

export function overlapOf(first: DateWindow, second: DateWindow): DateWindow | undefined {
  const from = first.from >= second.from ? first.from : second.from
  const to = first.to <= second.to ? first.to : second.to
  return from <= to ? { from, to } : undefined
}

export function isEligible(need: MatchingNeed, resource: MatchingResource): boolean {
  return (
    resource.remaining > 0 &&
    kindFitOf(resource, need) !== undefined &&
    serviceAreaLevel(resource, need) !== undefined &&
    seatsFit(need, resource) &&
    windowsOverlap(need.window, resource.window)
  )
}

export function distanceKm(from?: GeoPoint, to?: GeoPoint): number | undefined {
  if (!from || !to) return undefined
  const radians = Math.PI / 180
  const deltaLat = (to.lat - from.lat) * radians
  const deltaLng = (to.lng - from.lng) * radians
  const chord =
    Math.sin(deltaLat / 2) ** 2 +
    Math.cos(from.lat * radians) * Math.cos(to.lat * radians) * Math.sin(deltaLng / 2) ** 2
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(chord)))
}

/** The fit cost of an eligible pair without its text part: the same for every need of a place. */
export function placeCostOf(
  need: Pick<MatchingNeed, 'communityId' | 'streetId' | 'kind' | 'measure'>,
  resource: MatchingResource,
  communities: Record<string, CommunityInfo>,
): number {
  const community = communities[need.communityId]
  const areaCost = {
    community: FIT_COST.communityListing,
    street: FIT_COST.streetListing,
    district: FIT_COST.districtWide,
  }[serviceAreaLevel(resource, need) ?? 'district']
  const km = distanceKm(community?.location, resource.location)
  const distanceCost =
    km === undefined ? FIT_COST.unknownDistance : FIT_COST.per100Metres * Math.round(km * 10)
  const kindCost = kindFitOf(resource, need) === 'hosted' ? FIT_COST.hostedAtVenue : 0
  const rating = resource.rating ?? FIT_COST.unknownRating
  const ratingCost = FIT_COST.perHalfStarBelowFive * Math.round((5 - rating) * 2)
  const partnerCost = community?.partners?.includes(resource.providerId)
    ? 0
    : FIT_COST.notYetWorkingThere
  return areaCost + distanceCost + kindCost + ratingCost + partnerCost
}

/** Fit cost per unit of an eligible (need, resource) pair. */
export function fitCostOf(
  need: MatchingNeed,
  resource: MatchingResource,
  communities: Record<string, CommunityInfo>,
  profiles = new TextProfiles(),
): number {
  const fit = textFitOf(
    profiles.profile(need.title, need.description),
    profiles.profile(resource.title, resource.description),
  )
  return placeCostOf(need, resource, communities) + FIT_COST.text[fit]
}
