// A district matching run end to end on the local cloud (part of `npm run bench`; needs built
// functions): 107 communities, 20,000 need lines and 2,000 offerings in the store, then 资源匹配 for
// the whole district through the `matching` function, proposals written and published.
// On its own: npx tsx bench/matchingCloud.ts
import type { CommunityNeed, ResourceOffering } from '../cloudfunctions/features/lists/domain'
import { emptyLedger } from '../cloudfunctions/shared/capacity/ledger'
import { createRandom } from '../scripts/seededRandom'
import { callAs, signIn, startTestCloud } from '../test/integration/localCloudClient'
import { CATEGORIES } from './matching'

const STREETS = ['tongji', 'chaohai', 'beian', 'huanxiu', 'longshan']
const EXTRA_COMMUNITIES = 94
const NEEDS = 20_000
const OFFERINGS = 2_000
const WINDOW = { from: '2026-01-01', to: '2026-12-31' }

async function main() {
  const random = createRandom(20250701)
  const env = await startTestCloud()
  try {
    const db = env.cloud.database
    const extra = Array.from({ length: EXTRA_COMMUNITIES }, (_, index) => ({
      _id: `bench-community-${index}`,
      districtId: 'jimo',
      streetId: STREETS[index % STREETS.length],
      name: `测试社区${index}`,
      pilot: false,
      location: { lat: 36.3 + random.next() * 0.2, lng: 120.35 + random.next() * 0.2 },
    }))
    db.insertMany('communities', extra)
    const now = new Date()
    const needs: CommunityNeed[] = Array.from({ length: NEEDS }, (_, index) => {
      const community = random.pick(extra)
      const [kind, measure, titles] = CATEGORIES[random.skewedIndex(CATEGORIES.length)]
      return {
        _id: `bench-need-${String(index).padStart(5, '0')}`,
        districtId: 'jimo',
        streetId: community.streetId,
        communityId: community._id,
        communityName: community.name,
        list: 'basic',
        domain: 'service_supply',
        focusGroups: random.chance(0.3) ? ['elderly'] : [],
        title: random.pick(titles),
        description: '测试需求',
        kind,
        capacity: emptyLedger(1 + Math.floor(6 * random.next() ** 2)),
        unit: measure === 'places' ? '个' : '次',
        splittable: !random.chance(0.2),
        window: WINDOW,
        priority: random.pick(['high', 'medium', 'low'] as const),
        status: 'open',
        promotedFrom: [],
        createdBy: 'bench',
        createdAt: now,
        updatedAt: now,
      }
    })
    const offerings: ResourceOffering[] = Array.from({ length: OFFERINGS }, (_, index) => {
      const [kind, measure, , titles] = CATEGORIES[random.skewedIndex(CATEGORIES.length)]
      const street = random.pick(STREETS)
      return {
        _id: `bench-offer-${String(index).padStart(4, '0')}`,
        districtId: 'jimo',
        organizationId: 'mayi',
        organizationName: '测试组织',
        organizationKind: 'volunteer_org',
        domains: ['service_supply'],
        focusGroups: [],
        title: random.pick(titles),
        description: '测试资源',
        kind,
        capacity: emptyLedger(random.integer(1, 10)),
        unit: measure === 'places' ? '名' : '次',
        period: 'year',
        serviceArea: random.chance(0.2)
          ? { districtWide: true, streetIds: [], communityIds: [] }
          : { districtWide: false, streetIds: [street], communityIds: [] },
        availability: WINDOW,
        status: 'active',
        createdBy: 'bench',
        createdAt: now,
        updatedAt: now,
      }
    })
    db.insertMany('community_needs', needs)
    db.insertMany('resource_offerings', offerings)

    const token = await signIn(env.cloud, 'demo-district-admin')
    const started = performance.now()
    const run = await callAs(env.cloud, token, 'matching', 'run', {
      scope: 'district',
      scopeId: 'jimo',
    })
    const seconds = (performance.now() - started) / 1000
    if (!run.ok) throw new Error(run.error.message)
    console.log(
      JSON.stringify(
        {
          needs: run.data.needsConsidered,
          offerings: run.data.offeringsConsidered,
          proposals: run.data.proposals.length,
          unmatched: run.data.unmatched.length,
          endToEndSeconds: Math.round(seconds * 10) / 10,
        },
        null,
        2,
      ),
    )
  } finally {
    await env.cleanUp()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
