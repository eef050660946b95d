// Greedy first-fit baseline, for comparison only (benchmark and tests): needs in input order,
// each takes eligible resources in input order while they have capacity left; a whole need takes
// the first resource with room for all of it, or nothing.
import { fitCostOf, isEligible } from './fit'
import { TextProfiles } from './textSimilarity'
import type { MatchingInput, MatchingTotals } from './types'

export interface GreedyAllocation {
  needId: string
  resourceId: string
  quantity: number
  fitCost: number
}

export interface GreedyResult {
  allocations: GreedyAllocation[]
  totals: MatchingTotals
}

export function matchNeedsGreedy(input: MatchingInput): GreedyResult {
  const { needs, resources, communities } = input
  const profiles = new TextProfiles()
  const left = resources.map((resource) => resource.remaining)
  const resourcesByKind = new Map<string, number[]>()
  resources.forEach((resource, index) => {
    for (const kind of new Set([resource.kind, ...(resource.hosts ?? [])])) {
      const list = resourcesByKind.get(kind) ?? []
      list.push(index)
      resourcesByKind.set(kind, list)
    }
  })
  const allocations: GreedyAllocation[] = []
  const totals: MatchingTotals = {
    weightedServed: 0,
    weightedDemand: 0,
    unitsServed: 0,
    fitCost: 0,
  }
  for (const need of needs) {
    totals.weightedDemand += need.weight * need.quantity
    let wanted = need.quantity
    for (const index of resourcesByKind.get(need.kind) ?? []) {
      if (wanted === 0) break
      const resource = resources[index]
      if (left[index] === 0 || !isEligible(need, resource)) continue
      if (need.whole && left[index] < wanted) continue
      const quantity = Math.min(wanted, left[index])
      const fitCost = fitCostOf(need, resource, communities, profiles)
      allocations.push({ needId: need.id, resourceId: resource.id, quantity, fitCost })
      left[index] -= quantity
      wanted -= quantity
      totals.weightedServed += need.weight * quantity
      totals.unitsServed += quantity
      totals.fitCost += fitCost * quantity
    }
  }
  return { allocations, totals }
}
