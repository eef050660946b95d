// District-scale benchmark of the matching engine (part of `npm run bench`). On its own:
//   node --expose-gc --import tsx bench/matching.ts
// Prints one JSON object: instance size, median time of 5 runs, memory, and the weighted need
// served by the exact engine compared with greedy first-fit on the same instance.
import { matchNeeds, matchNeedsGreedy } from '../cloudfunctions/features/matching/engine'
import { createRandom } from '../scripts/seededRandom'
import type {
  CommunityInfo,
  DateWindow,
  MatchingInput,
  MatchingNeed,
  MatchingResource,
  ProviderKind,
} from '../cloudfunctions/features/matching/engine'

const RUNS = 5
const STREET_COUNT = 10
const COMMUNITY_COUNT = 107
const NEED_COUNT = 20_000
const RESOURCE_COUNT = 2_000
const CATEGORIES = [
  '助学',
  '宣讲',
  '卫生死角清理',
  '活动保障',
  '暑期托管',
  '老年健身',
  '手机摄影培训',
  '助残',
  '法律咨询',
  '矛盾调解',
  '义诊',
  '修家电',
]
const QUARTERS: DateWindow[] = [
  { from: '2025-01-01', to: '2025-03-31' },
  { from: '2025-04-01', to: '2025-06-30' },
  { from: '2025-07-01', to: '2025-09-30' },
  { from: '2025-10-01', to: '2025-12-31' },
]
const DISTRICT_CENTRE = { lat: 36.389, lng: 120.447 }

function districtInstance(seed: number): MatchingInput {
  const random = createRandom(seed)
  const nearby = (centre: { lat: number; lng: number }, spreadKm: number) => ({
    lat: centre.lat + ((random.next() - 0.5) * spreadKm) / 111,
    lng: centre.lng + ((random.next() - 0.5) * spreadKm) / 89,
  })
  const streetIds = Array.from({ length: STREET_COUNT }, (_, index) => `street-${index}`)
  const streetCentres = streetIds.map(() => nearby(DISTRICT_CENTRE, 30))
  const communities: Record<string, CommunityInfo> = {}
  const communitiesByStreet = streetIds.map(() => [] as string[])
  for (let index = 0; index < COMMUNITY_COUNT; index++) {
    const street = index % STREET_COUNT
    const id = `community-${index}`
    communities[id] = {
      name: `社区${index}`,
      streetId: streetIds[street],
      location: random.next() < 0.95 ? nearby(streetCentres[street], 6) : undefined,
    }
    communitiesByStreet[street].push(id)
  }

  const kinds: ProviderKind[] = ['social_org', 'volunteer_org', 'gov_dept']
  const resources: MatchingResource[] = Array.from({ length: RESOURCE_COUNT }, (_, index) => {
    const homeStreet = random.integer(0, STREET_COUNT - 1)
    const primary = CATEGORIES[random.skewedIndex(CATEGORIES.length)]
    const secondary = Array.from({ length: random.integer(0, 2) }, () => random.pick(CATEGORIES))
    const scope = random.next()
    const serviceArea =
      scope < 0.2
        ? { districtWide: true, streetIds: [], communityIds: [] }
        : scope < 0.6
          ? {
              districtWide: false,
              streetIds: [
                streetIds[homeStreet],
                ...(random.next() < 0.3 ? [random.pick(streetIds)] : []),
              ],
              communityIds: [],
            }
          : {
              districtWide: false,
              streetIds: [],
              communityIds: Array.from({ length: random.integer(1, 6) }, () =>
                random.pick(communitiesByStreet[homeStreet]),
              ),
            }
    return {
      id: `resource-${index}`,
      providerId: `provider-${index % 500}`,
      providerName: `组织${index % 500}`,
      providerKind: kinds[index % 3],
      categories: [primary, ...secondary.filter((category) => category !== primary)],
      remaining: random.integer(0, 10),
      unit: '次',
      serviceArea,
      location: random.next() < 0.9 ? nearby(streetCentres[homeStreet], 8) : undefined,
      rating: random.next() < 0.8 ? random.integer(30, 50) / 10 : undefined,
      window: random.next() < 0.3 ? random.pick(QUARTERS) : undefined,
      title: `资源${index}`,
    }
  })

  const communityIds = Object.keys(communities)
  const needs: MatchingNeed[] = Array.from({ length: NEED_COUNT }, (_, index) => {
    const communityId = random.pick(communityIds)
    return {
      id: `need-${String(index).padStart(5, '0')}`,
      communityId,
      streetId: communities[communityId].streetId,
      category: CATEGORIES[random.skewedIndex(CATEGORIES.length)],
      quantity: 1 + Math.floor(6 * random.next() ** 2),
      // Priority 1..3 times a focus-group factor (一老一小一新一特) of 1..3, plus urgency.
      weight: random.integer(1, 3) * random.integer(1, 3) + random.integer(0, 1),
      window: random.next() < 0.5 ? random.pick(QUARTERS) : undefined,
      title: `需求${index}`,
      communityName: communities[communityId].name,
    }
  })
  return { needs, resources, communities }
}

function megabytes(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10
}

function main(): void {
  const collectGarbage = (globalThis as { gc?: () => void }).gc
  if (!collectGarbage) throw new Error('run node with --expose-gc (see the command at the top)')
  const input = districtInstance(20250701)
  collectGarbage()
  const rssBefore = process.memoryUsage().rss
  const heapBefore = process.memoryUsage().heapUsed

  const timesMs: number[] = []
  let heapDeltaMax = 0
  let result = matchNeeds(input)
  for (let run = 0; run < RUNS; run++) {
    collectGarbage()
    const heapAtStart = process.memoryUsage().heapUsed
    const started = process.hrtime.bigint()
    result = matchNeeds(input)
    timesMs.push(Number(process.hrtime.bigint() - started) / 1e6)
    heapDeltaMax = Math.max(heapDeltaMax, process.memoryUsage().heapUsed - heapAtStart)
  }
  timesMs.sort((a, b) => a - b)
  // maxRSS is the process peak (kilobytes), so it includes the instance and the runtime.
  const peakRss = process.resourceUsage().maxRSS * 1024
  const greedy = matchNeedsGreedy(input)

  const demandUnits = input.needs.reduce((sum, need) => sum + need.quantity, 0)
  const capacityUnits = input.resources.reduce((sum, resource) => sum + resource.remaining, 0)
  const figures = {
    instance: {
      communities: COMMUNITY_COUNT,
      streets: STREET_COUNT,
      categories: CATEGORIES.length,
      needs: input.needs.length,
      resources: input.resources.length,
      demandUnits,
      capacityUnits,
    },
    runs: RUNS,
    medianMs: Math.round(timesMs[Math.floor(RUNS / 2)]),
    minMs: Math.round(timesMs[0]),
    maxMs: Math.round(timesMs[RUNS - 1]),
    peakRssMB: megabytes(peakRss),
    peakRssAboveBaselineMB: megabytes(peakRss - rssBefore),
    heapDeltaPerRunMB: megabytes(heapDeltaMax),
    heapBaselineMB: megabytes(heapBefore),
    optimal: { ...result.totals, proposals: result.proposals.length },
    greedy: { ...greedy.totals, allocations: greedy.allocations.length },
    weightedServedRatioOptimalToGreedy:
      Math.round((result.totals.weightedServed / greedy.totals.weightedServed) * 1000) / 1000,
  }
  console.log(JSON.stringify(figures, null, 2))
}

if (require.main === module) main()
