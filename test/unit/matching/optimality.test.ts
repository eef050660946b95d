// The engine against an independent MILP model solved by HiGHS, on seeded random instances.
import loadHighs from 'highs'
import type { Highs } from 'highs'
import {
  fitCostOf,
  matchNeeds,
  matchNeedsGreedy,
} from '../../../cloudfunctions/features/matching/engine'
import { createRandom } from '../../../scripts/seededRandom'
import type {
  CommunityInfo,
  DateWindow,
  MatchingInput,
  MatchingNeed,
  MatchingResource,
  MatchingResult,
} from '../../../cloudfunctions/features/matching/engine'

const INSTANCE_COUNT = 240

const STREETS = ['tongji', 'huanxiu', 'chaohai']
const COMMUNITIES: Record<string, CommunityInfo> = {
  dahua: { name: '大华社区', streetId: 'tongji', location: { lat: 36.389, lng: 120.447 } },
  jifa: { name: '即发阳光城社区', streetId: 'tongji', location: { lat: 36.401, lng: 120.462 } },
  xinhui: { name: '新惠社区', streetId: 'huanxiu', location: { lat: 36.372, lng: 120.481 } },
  shuohui: { name: '硕辉苑社区', streetId: 'huanxiu' },
  xingang: { name: '新港山路社区', streetId: 'chaohai', location: { lat: 36.415, lng: 120.52 } },
  haibin: { name: '海滨社区', streetId: 'chaohai', location: { lat: 36.43, lng: 120.55 } },
}
const CATEGORIES = ['助学', '宣讲', '卫生清理', '活动保障']
const WINDOWS: DateWindow[] = [
  { from: '2025-01-01', to: '2025-03-31' },
  { from: '2025-03-01', to: '2025-06-30' },
  { from: '2025-07-01', to: '2025-08-31' },
  { from: '2025-08-15', to: '2025-12-31' },
]

function randomInstance(seed: number): MatchingInput {
  const random = createRandom(seed)
  const communityIds = Object.keys(COMMUNITIES)
  const subset = <T>(items: readonly T[], probability: number) =>
    items.filter(() => random.chance(probability))
  const needs: MatchingNeed[] = Array.from({ length: random.integer(1, 30) }, (_, index) => {
    const communityId = random.pick(communityIds)
    return {
      id: `need-${index}`,
      communityId,
      streetId: COMMUNITIES[communityId].streetId,
      category: random.pick(CATEGORIES),
      quantity: random.integer(1, 5),
      weight: random.integer(1, 6),
      window: random.chance(0.4) ? random.pick(WINDOWS) : undefined,
      title: `需求 ${index}`,
      communityName: COMMUNITIES[communityId].name,
    }
  })
  const resources: MatchingResource[] = Array.from(
    { length: random.integer(1, 15) },
    (_, index) => {
      const primary = random.pick(CATEGORIES)
      const secondary = subset(
        CATEGORIES.filter((category) => category !== primary),
        0.3,
      )
      return {
        id: `resource-${index}`,
        providerId: `provider-${index % 7}`,
        providerName: `组织 ${index % 7}`,
        providerKind: random.pick(['social_org', 'volunteer_org', 'gov_dept'] as const),
        categories: [primary, ...secondary],
        remaining: random.chance(0.1) ? 0 : random.integer(1, 6),
        unit: '个',
        serviceArea: {
          districtWide: random.chance(0.25),
          streetIds: subset(STREETS, 0.3),
          communityIds: subset(communityIds, 0.25),
        },
        location: random.chance(0.8)
          ? { lat: 36.35 + random.next() * 0.1, lng: 120.4 + random.next() * 0.15 }
          : undefined,
        rating: random.chance(0.7) ? random.integer(0, 50) / 10 : undefined,
        window: random.chance(0.3) ? random.pick(WINDOWS) : undefined,
        title: `资源 ${index}`,
      }
    },
  )
  return { needs, resources, communities: COMMUNITIES }
}

// Written from the agreed rules, independently of the engine's own checks.
function eligibleInTest(need: MatchingNeed, resource: MatchingResource): boolean {
  const area = resource.serviceArea
  const covers =
    area.districtWide ||
    area.streetIds.includes(need.streetId) ||
    area.communityIds.includes(need.communityId)
  const overlaps =
    !need.window ||
    !resource.window ||
    (need.window.from <= resource.window.to && resource.window.from <= need.window.to)
  return resource.remaining > 0 && resource.categories.includes(need.category) && covers && overlaps
}

interface Pair {
  variable: string
  need: MatchingNeed
  resource: MatchingResource
  fitCost: number
}

function eligiblePairs(input: MatchingInput): Pair[] {
  const pairs: Pair[] = []
  input.needs.forEach((need, i) =>
    input.resources.forEach((resource, j) => {
      if (eligibleInTest(need, resource)) {
        const fitCost = fitCostOf(need, resource, input.communities)
        pairs.push({ variable: `x_${i}_${j}`, need, resource, fitCost })
      }
    }),
  )
  return pairs
}

function linearSum(terms: string[]): string {
  const lines: string[] = []
  for (let at = 0; at < terms.length; at += 8) lines.push(terms.slice(at, at + 8).join(' + '))
  return lines.join('\n    + ')
}

function capacityRows(input: MatchingInput, pairs: Pair[]): string[] {
  const rows: string[] = []
  input.needs.forEach((need, i) => {
    const terms = pairs.filter((pair) => pair.need === need).map((pair) => pair.variable)
    if (terms.length > 0) rows.push(` need_${i}: ${linearSum(terms)} <= ${need.quantity}`)
  })
  input.resources.forEach((resource, j) => {
    const terms = pairs.filter((pair) => pair.resource === resource).map((pair) => pair.variable)
    if (terms.length > 0) rows.push(` resource_${j}: ${linearSum(terms)} <= ${resource.remaining}`)
  })
  return rows
}

function solveWithHighs(highs: Highs, lp: string): number {
  const solution = highs.solve(lp, { output_flag: false })
  expect(solution.Status).toBe('Optimal')
  return Math.round(solution.ObjectiveValue)
}

// Returns [max Σ weight × units, min Σ fitCost × units at that maximum].
function lexicographicOptimum(highs: Highs, input: MatchingInput): [number, number] {
  const pairs = eligiblePairs(input)
  if (pairs.length === 0) return [0, 0]
  const served = linearSum(pairs.map((pair) => `${pair.need.weight} ${pair.variable}`))
  const rows = capacityRows(input, pairs)
  const integers = `Generals\n ${pairs.map((pair) => pair.variable).join(' ')}\nEnd\n`
  const bestServed = solveWithHighs(
    highs,
    `Maximize\n obj: ${served}\nSubject To\n${rows.join('\n')}\n${integers}`,
  )
  const fit = linearSum(pairs.map((pair) => `${pair.fitCost} ${pair.variable}`))
  const bestFit = solveWithHighs(
    highs,
    `Minimize\n obj: ${fit}\nSubject To\n${rows.join('\n')}\n served: ${served} >= ${bestServed}\n${integers}`,
  )
  return [bestServed, bestFit]
}

function expectFeasibleAndConsistent(input: MatchingInput, result: MatchingResult): void {
  const needById = new Map(input.needs.map((need) => [need.id, need]))
  const resourceById = new Map(input.resources.map((resource) => [resource.id, resource]))
  const servedByNeed = new Map<string, number>()
  const usedByResource = new Map<string, number>()
  let weightedServed = 0
  let fitCost = 0
  const pairs = result.proposals.map((proposal) => `${proposal.needId}→${proposal.resourceId}`)
  expect(new Set(pairs).size).toBe(pairs.length)
  for (const proposal of result.proposals) {
    const need = needById.get(proposal.needId)!
    const resource = resourceById.get(proposal.resourceId)!
    expect(eligibleInTest(need, resource)).toBe(true)
    expect(Number.isInteger(proposal.quantity) && proposal.quantity >= 1).toBe(true)
    expect(proposal.providerId).toBe(resource.providerId)
    expect(proposal.fitCost).toBe(fitCostOf(need, resource, input.communities))
    servedByNeed.set(need.id, (servedByNeed.get(need.id) ?? 0) + proposal.quantity)
    usedByResource.set(resource.id, (usedByResource.get(resource.id) ?? 0) + proposal.quantity)
    weightedServed += need.weight * proposal.quantity
    fitCost += proposal.fitCost * proposal.quantity
  }
  for (const resource of input.resources) {
    expect(usedByResource.get(resource.id) ?? 0).toBeLessThanOrEqual(resource.remaining)
  }
  const unservedByNeed = new Map(result.unmatched.map((entry) => [entry.needId, entry]))
  for (const need of input.needs) {
    const served = servedByNeed.get(need.id) ?? 0
    expect(served).toBeLessThanOrEqual(need.quantity)
    expect(unservedByNeed.get(need.id)?.quantityUnserved ?? 0).toBe(need.quantity - served)
  }
  expect(result.totals.weightedServed).toBe(weightedServed)
  expect(result.totals.fitCost).toBe(fitCost)
  expect(result.totals.weightedDemand).toBe(
    input.needs.reduce((sum, need) => sum + need.weight * need.quantity, 0),
  )
}

describe('matchNeeds on random instances, checked against HiGHS', () => {
  let highs: Highs
  beforeAll(async () => {
    highs = await loadHighs()
  })

  it(`reaches the lexicographic optimum and stays feasible on ${INSTANCE_COUNT} instances`, () => {
    let instancesWithScarcity = 0
    for (let seed = 1; seed <= INSTANCE_COUNT; seed++) {
      const input = randomInstance(seed)
      const result = matchNeeds(input)
      const [bestServed, bestFit] = lexicographicOptimum(highs, input)
      const context = `seed ${seed}`
      expect({ context, weightedServed: result.totals.weightedServed }).toEqual({
        context,
        weightedServed: bestServed,
      })
      expect({ context, fitCost: result.totals.fitCost }).toEqual({ context, fitCost: bestFit })
      expectFeasibleAndConsistent(input, result)
      expect(matchNeedsGreedy(input).totals.weightedServed).toBeLessThanOrEqual(bestServed)
      if (result.unmatched.length > 0 && result.proposals.length > 0) instancesWithScarcity++
    }
    // The generator must produce contested capacity, or the comparison proves little.
    expect(instancesWithScarcity).toBeGreaterThan(INSTANCE_COUNT / 3)
  })

  it('gives the same output for the same input', () => {
    for (let seed = 1000; seed < 1020; seed++) {
      expect(matchNeeds(randomInstance(seed))).toEqual(matchNeeds(randomInstance(seed)))
    }
  })
})
