// District-scale benchmark of the matching engine (part of `npm run bench`). On its own:
//   node --expose-gc --import tsx bench/matching.ts
// Prints one JSON object: instance size, median time of 5 runs, memory, and the weighted need
// served by the exact engine compared with greedy first-fit on the same instance.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
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
/** [kind, measure, need titles, offering titles]: the wording varies as different people type. */
export const CATEGORIES: Array<[string, string, string[], string[]]> = [
  ['aid_places', 'places', ['困难集体助学名额', '儿童助学名额'], ['助学名额', '爱心助学']],
  ['talk', 'sessions', ['政策宣讲活动', '垃圾分类宣讲'], ['政策宣讲', '法治讲座']],
  [
    'environment',
    'sessions',
    ['卫生死角清理', '楼道杂物清理'],
    ['生态环保志愿服务', '卫生死角清理'],
  ],
  [
    'event_support',
    'sessions',
    ['重大活动保障', '节日安全保障'],
    ['重大活动保障志愿服务', '活动秩序维护'],
  ],
  ['care', 'sessions', ['暑期公益托管', '四点半课堂'], ['大学生暑期课堂', '托管志愿服务']],
  ['sports', 'sessions', ['老年健身', '广场舞培训'], ['健身项目培训', '太极拳教学']],
  ['training', 'sessions', ['手机摄影培训', '智能手机培训'], ['手机摄影培训', '电脑技能培训']],
  ['casework', 'sessions', ['残疾人帮扶', '困境儿童关爱'], ['个案帮扶', '心理疏导']],
  ['mediation', 'sessions', ['矛盾调解', '邻里纠纷调解'], ['人民调解', '法律咨询调解']],
  ['elderly_care', 'sessions', ['义诊', '独居老人探访'], ['健康义诊', '助老探访']],
  ['repair', 'sessions', ['修家电', '义务维修'], ['家电维修', '便民维修']],
  ['governance', 'sessions', ['居民议事', '楼院自治'], ['议事协商指导', '自治项目辅导']],
]
const QUARTERS: DateWindow[] = [
  { from: '2025-01-01', to: '2025-03-31' },
  { from: '2025-04-01', to: '2025-06-30' },
  { from: '2025-07-01', to: '2025-09-30' },
  { from: '2025-10-01', to: '2025-12-31' },
]
const DISTRICT_CENTRE = { lat: 36.389, lng: 120.447 }

export function districtInstance(seed: number, wholeShare: number): MatchingInput {
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
    const [kind, measure, , titles] = CATEGORIES[random.skewedIndex(CATEGORIES.length)]
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
      kind,
      measure,
      remaining: random.integer(0, 10),
      unit: measure === 'places' ? '名' : '次',
      serviceArea,
      location: random.next() < 0.9 ? nearby(streetCentres[homeStreet], 8) : undefined,
      rating: random.next() < 0.8 ? random.integer(30, 50) / 10 : undefined,
      window: random.next() < 0.3 ? random.pick(QUARTERS) : undefined,
      title: random.pick(titles),
    }
  })

  const communityIds = Object.keys(communities)
  const needs: MatchingNeed[] = Array.from({ length: NEED_COUNT }, (_, index) => {
    const communityId = random.pick(communityIds)
    const [kind, measure, titles] = CATEGORIES[random.skewedIndex(CATEGORIES.length)]
    return {
      id: `need-${String(index).padStart(5, '0')}`,
      communityId,
      streetId: communities[communityId].streetId,
      kind,
      measure,
      quantity: 1 + Math.floor(6 * random.next() ** 2),
      // Priority 1..3 times a focus-group factor (一老一小一新一特) of 1..3, plus urgency.
      weight: random.integer(1, 3) * random.integer(1, 3) + random.integer(0, 1),
      window: random.next() < 0.5 ? random.pick(QUARTERS) : undefined,
      whole: random.next() < wholeShare,
      title: random.pick(titles),
      communityName: communities[communityId].name,
      unit: measure === 'places' ? '个' : '次',
    }
  })
  return { needs, resources, communities }
}

function megabytes(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10
}

/**
 * Memory of one run as a cloud function sees it, in RUNS fresh processes: each runs this file
 * bundled to plain JavaScript (as the functions are deployed; under tsx the peak is some 30 MB
 * higher), builds the instance, then runs the engine once. Its peak RSS holds the runtime, the
 * instance and the engine; the RSS after building the instance is the baseline the engine adds to.
 * The peak varies by some MB from process to process with V8's collections, hence the median.
 */
async function memoryOfOneRun(wholeShare: number) {
  // Loaded here, so that the measured process does not hold esbuild.
  const { buildSync } = await import('esbuild')
  // Under dist/, so that the bundle still finds esbuild (left out of it) in node_modules.
  const bundle = join(__dirname, '..', 'dist', 'bench', 'matching.js')
  buildSync({
    entryPoints: [__filename],
    bundle: true,
    platform: 'node',
    external: ['esbuild'],
    outfile: bundle,
    logLevel: 'error',
  })
  const runs: Array<{ peakRssMB: number; peakRssAboveBaselineMB: number }> = []
  for (let run = 0; run < RUNS; run++) {
    const output = execFileSync(
      process.execPath,
      ['--expose-gc', bundle, '--once', String(wholeShare)],
      { encoding: 'utf8' },
    )
    runs.push(JSON.parse(output))
  }
  const peaks = runs.map((run) => run.peakRssMB).sort((a, b) => a - b)
  const aboveBaseline = runs.map((run) => run.peakRssAboveBaselineMB).sort((a, b) => a - b)
  return {
    processes: RUNS,
    medianPeakRssMB: peaks[Math.floor(RUNS / 2)],
    minPeakRssMB: peaks[0],
    maxPeakRssMB: peaks[RUNS - 1],
    medianPeakRssAboveBaselineMB: aboveBaseline[Math.floor(RUNS / 2)],
  }
}

function runOnce(wholeShare: number, collectGarbage: () => void): void {
  const input = districtInstance(20250701, wholeShare)
  collectGarbage()
  const baseline = process.memoryUsage().rss
  matchNeeds(input)
  // maxRSS is the process peak, in kilobytes.
  const peakRss = process.resourceUsage().maxRSS * 1024
  console.log(
    JSON.stringify({
      peakRssMB: megabytes(peakRss),
      peakRssAboveBaselineMB: megabytes(peakRss - baseline),
    }),
  )
}

/** Median of 5 runs on the district instance with this share of whole (unsplittable) needs. */
async function measure(wholeShare: number, collectGarbage: () => void) {
  const input = districtInstance(20250701, wholeShare)
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
  const started = process.hrtime.bigint()
  const greedy = matchNeedsGreedy(input)
  const greedyMs = Number(process.hrtime.bigint() - started) / 1e6
  return {
    wholeShare,
    instance: {
      communities: COMMUNITY_COUNT,
      streets: STREET_COUNT,
      kinds: CATEGORIES.length,
      needs: input.needs.length,
      wholeNeeds: input.needs.filter((need) => need.whole).length,
      resources: input.resources.length,
      demandUnits: input.needs.reduce((sum, need) => sum + need.quantity, 0),
      capacityUnits: input.resources.reduce((sum, resource) => sum + resource.remaining, 0),
    },
    runs: RUNS,
    medianMs: Math.round(timesMs[Math.floor(RUNS / 2)]),
    minMs: Math.round(timesMs[0]),
    maxMs: Math.round(timesMs[RUNS - 1]),
    greedyMs: Math.round(greedyMs),
    oneRun: await memoryOfOneRun(wholeShare),
    heapDeltaPerRunMB: megabytes(heapDeltaMax),
    engine: { ...result.totals, proposals: result.proposals.length },
    optimality: result.optimality,
    greedy: { ...greedy.totals, allocations: greedy.allocations.length },
    weightedServedRatioEngineToGreedy:
      Math.round((result.totals.weightedServed / greedy.totals.weightedServed) * 1000) / 1000,
  }
}

async function main(): Promise<void> {
  const collectGarbage = (globalThis as { gc?: () => void }).gc
  if (!collectGarbage) throw new Error('run node with --expose-gc (see the command at the top)')
  if (process.argv[2] === '--once') return runOnce(Number(process.argv[3]), collectGarbage)
  const figures = []
  for (const share of [0, 0.2]) figures.push(await measure(share, collectGarbage))
  console.log(JSON.stringify(figures, null, 2))
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
