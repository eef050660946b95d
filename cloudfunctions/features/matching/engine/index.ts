export { matchNeeds, DEFAULT_EXACT_WORK } from './matchNeeds'
export {
  FIT_COST,
  distanceKm,
  fitCostOf,
  isEligible,
  kindFitOf,
  placeCostOf,
  serviceAreaLevel,
} from './fit'
export type { AreaLevel } from './fit'
export { matchNeedsGreedy } from './greedy'
export type { GreedyAllocation, GreedyResult } from './greedy'
export { FlowNetwork, solveMinimumCostFlow } from './minCostFlow'
export type { MinCostFlowResult } from './minCostFlow'
export { TextProfiles, sharedPhrases, textFitOf } from './textSimilarity'
export type { TextFit } from './textSimilarity'
export type {
  CommunityInfo,
  DateWindow,
  GeoPoint,
  MatchingInput,
  MatchingNeed,
  MatchingOptimality,
  MatchingResource,
  MatchingResult,
  MatchingTotals,
  MatchProposal,
  ProviderKind,
  ServiceArea,
  UnmatchedNeed,
} from './types'
