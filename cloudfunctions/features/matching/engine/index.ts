export {
  matchNeeds,
  fitCostOf,
  isEligible,
  serviceAreaLevel,
  distanceKm,
  FIT_COST,
} from './matchNeeds'
export type { AreaLevel } from './matchNeeds'
export { matchNeedsGreedy } from './greedy'
export type { GreedyAllocation, GreedyResult } from './greedy'
export { FlowNetwork, solveMinimumCostFlow } from './minCostFlow'
export type { MinCostFlowResult } from './minCostFlow'
export type {
  CommunityInfo,
  DateWindow,
  GeoPoint,
  MatchingInput,
  MatchingNeed,
  MatchingResource,
  MatchingResult,
  MatchingTotals,
  MatchProposal,
  ProviderKind,
  ServiceArea,
  UnmatchedNeed,
} from './types'
