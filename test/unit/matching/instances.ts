// Seeded random matching instances for the optimality checks, and the MILP model HiGHS solves
// for them, written from the agreed rules independently of the engine's own checks.
import type { Highs } from 'highs'
import { fitCostOf, TextProfiles } from '../../../cloudfunctions/features/matching/engine'
import type {
  CommunityInfo,
  DateWindow,
  MatchingInput,
  MatchingNeed,
  MatchingResource,
} from '../../../cloudfunctions/features/matching/engine'
import { createRandom } from '../../../scripts/seededRandom'

const KINDS = {
  aid: { measure: 'places', needs: ['困难集体助学名额', '儿童助学名额'], offers: ['助学名额'] },
  talk: {
    measure: 'sessions',
    needs: ['政策宣讲活动', '垃圾分类宣讲'],
    offers: ['政策宣讲', '法治讲座'],
  },
  cleanup: {
    measure: 'sessions',
    needs: ['卫生死角清理', '楼道杂物清理'],
    offers: ['生态环保志愿服务', '卫生死角清理'],
  },
  event: {
    measure: 'sessions',
    needs: ['重大活动保障', '节日游园安全保障'],
    offers: ['重大活动保障志愿服务', '活动秩序维护'],
  },
  venue: {
    measure: 'sessions',
    needs: ['邻里节活动场地'],
    offers: ['培训、沙龙场地', '社区活动室'],
  },
} as const
type Kind = keyof typeof KINDS
const HOSTED: Kind[] = ['talk']

const WINDOWS: DateWindow[] = [
  { from: '2025-01-01', to: '2025-03-31' },
  { from: '2025-03-01', to: '2025-06-30' },
  { from: '2025-07-01', to: '2025-08-31' },
  { from: '2025-08-15', to: '2025-12-31' },
]

export interface InstanceShape {
  needs: [min: number, max: number]
  resources: [min: number, max: number]
  communities: number
  streets: number
  /** Share of needs that must be served whole. */
  wholeShare: number
  /** Largest quantity of a need and capacity of a resource. */
  maxQuantity: number
  maxCapacity: number
}

export function randomInstance(seed: number, shape: InstanceShape): MatchingInput {
  const random = createRandom(seed)
  const streetIds = Array.from({ length: shape.streets }, (_, index) => `street-${index}`)
  const communities: Record<string, CommunityInfo> = {}
  for (let index = 0; index < shape.communities; index++) {
    communities[`community-${index}`] = {
      name: `社区${index}`,
      streetId: streetIds[index % shape.streets],
      location: random.chance(0.9)
        ? { lat: 36.35 + random.next() * 0.1, lng: 120.4 + random.next() * 0.15 }
        : undefined,
      partners: Array.from(
        { length: random.integer(0, 2) },
        () => `provider-${random.integer(0, 9)}`,
      ),
    }
  }
  const communityIds = Object.keys(communities)
  const kinds = Object.keys(KINDS) as Kind[]
  const subset = <T>(items: readonly T[], probability: number) =>
    items.filter(() => random.chance(probability))

  const resources: MatchingResource[] = Array.from(
    { length: random.integer(...shape.resources) },
    (_, index) => {
      const kind = random.pick(kinds)
      const venue = kind === 'venue'
      return {
        id: `resource-${index}`,
        providerId: `provider-${index % 10}`,
        providerName: `组织${index % 10}`,
        providerKind: random.pick(['social_org', 'volunteer_org', 'gov_dept'] as const),
        kind,
        // Now and then an offering counted in hours, which no need counted in sessions meets.
        measure: random.chance(0.08) ? 'hours' : KINDS[kind].measure,
        ...(venue ? { hosts: HOSTED, seats: random.pick([40, 80, 120]) } : {}),
        remaining: random.chance(0.1) ? 0 : random.integer(1, shape.maxCapacity),
        unit: '个',
        serviceArea: {
          districtWide: random.chance(0.25),
          streetIds: subset(streetIds, 0.3),
          communityIds: subset(communityIds, 0.25),
        },
        location: random.chance(0.8)
          ? { lat: 36.35 + random.next() * 0.1, lng: 120.4 + random.next() * 0.15 }
          : undefined,
        rating: random.chance(0.7) ? random.integer(0, 50) / 10 : undefined,
        window: random.chance(0.3) ? random.pick(WINDOWS) : undefined,
        title: random.pick(KINDS[kind].offers),
      }
    },
  )
  const needs: MatchingNeed[] = Array.from(
    { length: random.integer(...shape.needs) },
    (_, index) => {
      const communityId = random.pick(communityIds)
      const kind = random.pick(kinds)
      const seated = kind === 'venue' || (HOSTED.includes(kind) && random.chance(0.5))
      return {
        id: `need-${String(index).padStart(5, '0')}`,
        communityId,
        streetId: communities[communityId].streetId,
        kind,
        measure: KINDS[kind].measure,
        quantity: random.integer(1, shape.maxQuantity),
        weight: random.integer(1, 6),
        window: random.chance(0.4) ? random.pick(WINDOWS) : undefined,
        whole: random.chance(shape.wholeShare),
        ...(seated ? { seats: random.pick([30, 60, 100]) } : {}),
        title: random.pick(KINDS[kind].needs),
        communityName: communities[communityId].name,
        unit: '个',
      }
    },
  )
  return { needs, resources, communities }
}

export function eligibleInTest(need: MatchingNeed, resource: MatchingResource): boolean {
  const area = resource.serviceArea
  const covers =
    area.districtWide ||
    area.streetIds.includes(need.streetId) ||
    area.communityIds.includes(need.communityId)
  const overlaps =
    !need.window ||
    !resource.window ||
    (need.window.from <= resource.window.to && resource.window.from <= need.window.to)
  const kind = resource.kind === need.kind || Boolean(resource.hosts?.includes(need.kind))
  const seats = !need.seats || !resource.seats || resource.seats >= need.seats
  return (
    resource.remaining > 0 &&
    kind &&
    resource.measure === need.measure &&
    covers &&
    overlaps &&
    seats
  )
}

interface Pair {
  variable: string
  need: MatchingNeed
  resource: MatchingResource
  fitCost: number
}

export function eligiblePairs(input: MatchingInput): Pair[] {
  const profiles = new TextProfiles()
  const pairs: Pair[] = []
  input.needs.forEach((need, i) =>
    input.resources.forEach((resource, j) => {
      if (!eligibleInTest(need, resource)) return
      if (need.whole && need.quantity > resource.remaining) return
      const fitCost = fitCostOf(need, resource, input.communities, profiles)
      pairs.push({ variable: `x_${i}_${j}`, need, resource, fitCost })
    }),
  )
  return pairs
}

function linearSum(terms: string[]): string {
  const lines: string[] = []
  for (let at = 0; at < terms.length; at += 8) lines.push(terms.slice(at, at + 8).join(' + '))
  return lines.join('\n    + ')
}

/**
 * A whole need's variable is a yes/no (served wholly from that resource), at most one per need;
 * a splittable need's is the number of units from that resource.
 */
function model(pairs: Pair[]) {
  const units = (pair: Pair) => (pair.need.whole ? pair.need.quantity : 1)
  const rows: string[] = []
  const byNeed = new Map<MatchingNeed, Pair[]>()
  const byResource = new Map<MatchingResource, Pair[]>()
  for (const pair of pairs) {
    byNeed.set(pair.need, [...(byNeed.get(pair.need) ?? []), pair])
    byResource.set(pair.resource, [...(byResource.get(pair.resource) ?? []), pair])
  }
  let row = 0
  for (const [need, list] of byNeed) {
    const limit = need.whole ? 1 : need.quantity
    rows.push(` n${row++}: ${linearSum(list.map((pair) => pair.variable))} <= ${limit}`)
  }
  for (const [resource, list] of byResource) {
    const terms = list.map((pair) => `${units(pair)} ${pair.variable}`)
    rows.push(` r${row++}: ${linearSum(terms)} <= ${resource.remaining}`)
  }
  const served = linearSum(
    pairs.map((pair) => `${pair.need.weight * units(pair)} ${pair.variable}`),
  )
  const fit = linearSum(pairs.map((pair) => `${pair.fitCost * units(pair)} ${pair.variable}`))
  // Splittable needs alone form a transportation problem, whose vertices are integral: their
  // variables may stay continuous, and the optimum is still in whole units.
  const whole = pairs.filter((pair) => pair.need.whole).map((pair) => pair.variable)
  const integers = whole.length > 0 ? `Binary\n ${whole.join(' ')}` : ''
  return { rows, served, fit, integers }
}

function solve(highs: Highs, lp: string): number {
  const solution = highs.solve(lp, { output_flag: false, mip_rel_gap: 0 })
  if (solution.Status !== 'Optimal') throw new Error(`HiGHS: ${solution.Status}`)
  return Math.round(solution.ObjectiveValue)
}

/** [max Σ weight × units, min Σ fitCost × units at that maximum], by HiGHS. */
export function lexicographicOptimum(highs: Highs, input: MatchingInput): [number, number] {
  const pairs = eligiblePairs(input)
  if (pairs.length === 0) return [0, 0]
  const { rows, served, fit, integers } = model(pairs)
  const bestServed = solve(
    highs,
    `Maximize\n obj: ${served}\nSubject To\n${rows.join('\n')}\n${integers}\nEnd\n`,
  )
  const bestFit = solve(
    highs,
    `Minimize\n obj: ${fit}\nSubject To\n${rows.join('\n')}\n served: ${served} >= ${bestServed}\n${integers}\nEnd\n`,
  )
  return [bestServed, bestFit]
}
