// The district desk at scale on the local cloud (part of `npm run bench`; needs built functions):
// 107 communities and a year of records (needs, claims, projects and their monthly progress,
// volunteers and their hours, stall bookings, residents' needs, mediation cases) plus a year of
// daily snapshots; a district admin opens the desk through the `desk` function over HTTP.
// On its own: npx tsx bench/desk.ts
import { emptyFigures, type DailyFigures } from '../cloudfunctions/features/desk/domain'
import { DAY_MS, addDays, chinaDateOf } from '../cloudfunctions/shared/time'
import { createRandom } from '../scripts/seededRandom'
import { callAs, signIn, startTestCloud } from '../test/integration/localCloudClient'

const STREETS = ['tongji', 'chaohai', 'beian', 'huanxiu', 'longshan']
const EXTRA_COMMUNITIES = 94
const DOMAINS = ['service_supply', 'civic_culture', 'harmonious_management', 'self_governance']
const RUNS = 5

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function main() {
  const random = createRandom(20261124)
  const env = await startTestCloud()
  try {
    const db = env.cloud.database
    const now = Date.now()
    const within = (days: number) => new Date(now - random.integer(1, days) * DAY_MS)
    db.insertMany(
      'communities',
      Array.from({ length: EXTRA_COMMUNITIES }, (_, index) => ({
        _id: `bench-community-${index}`,
        districtId: 'jimo',
        streetId: STREETS[index % STREETS.length],
        name: `测试社区${index}`,
        pilot: false,
      })),
    )
    const communities = db.find<{ _id: string; streetId: string }>('communities', {
      districtId: 'jimo',
    })
    const counts: Record<string, number> = {}
    const insert = (collection: string, docs: object[]) => {
      db.insertMany(collection, docs)
      counts[collection] = (counts[collection] ?? 0) + docs.length
    }
    for (const community of communities) {
      const place = { districtId: 'jimo', streetId: community.streetId, communityId: community._id }
      const key = (kind: string, index: number) => `${kind}-${community._id}-${index}`
      insert(
        'community_needs',
        Array.from({ length: 30 }, (_, i) => ({
          _id: key('need', i),
          ...place,
          status: random.pick(['open', 'partly_served', 'served', 'closed']),
          createdAt: within(365),
        })),
      )
      insert(
        'claims',
        Array.from({ length: 20 }, (_, i) => ({
          _id: key('claim', i),
          ...place,
          needId: key('need', i),
          status: random.pick(['pending', 'approved', 'declined']),
          createdAt: within(365),
        })),
      )
      insert(
        'match_proposals',
        Array.from({ length: 20 }, (_, i) => ({
          _id: key('proposal', i),
          ...place,
          needId: key('need', i + 5),
          status: random.pick(['proposed', 'accepted', 'rejected']),
          createdAt: within(365),
        })),
      )
      insert(
        'projects',
        Array.from({ length: 15 }, (_, i) => ({
          _id: key('project', i),
          ...place,
          needId: key('need', i),
          domain: random.pick(DOMAINS),
          status: random.chance(0.3) ? 'closed' : 'active',
          progressCount: 12,
          createdAt: within(365),
          updatedAt: within(60),
        })),
      )
      insert(
        'project_progress',
        Array.from({ length: 15 * 12 }, (_, i) => ({
          _id: key('progress', i),
          projectId: key('project', i % 15),
          month: `m${Math.floor(i / 15)}`,
          peopleServed: random.integer(5, 60),
        })),
      )
      insert(
        'volunteers',
        Array.from({ length: 40 }, (_, i) => ({
          _id: key('volunteer', i),
          ...place,
          status: random.pick(['pending', 'verified', 'verified', 'verified', 'rejected']),
          createdAt: within(365),
        })),
      )
      insert(
        'volunteer_hours',
        Array.from({ length: 480 }, (_, i) => ({
          _id: key('hours', i),
          volunteerId: key('volunteer', i % 40),
          minutes: 60 * random.integer(1, 4),
          createdAt: within(365),
        })),
      )
      insert(
        'stall_events',
        Array.from({ length: 24 }, (_, i) => ({
          _id: key('event', i),
          ...place,
          date: chinaDateOf(within(365)),
          status: 'published',
        })),
      )
      insert(
        'stall_bookings',
        Array.from({ length: 24 * 25 }, (_, i) => ({
          _id: key('booking', i),
          eventId: key('event', i % 24),
          userId: `resident-${i}`,
          status: 'booked',
          date: '2026-01-01',
          ...(random.chance(0.8) ? { checkedInAt: within(365) } : {}),
        })),
      )
      insert(
        'personal_needs',
        Array.from({ length: 50 }, (_, i) => ({
          _id: key('personal', i),
          ...place,
          residentId: `resident-${i}`,
          status: random.pick(['open', 'accepted', 'in_progress', 'resolved', 'closed']),
          createdAt: within(365),
        })),
      )
      insert(
        'mediation_cases',
        Array.from({ length: 5 }, (_, i) => ({
          _id: key('case', i),
          ...place,
          status: 'closed',
          outcome: { result: random.chance(0.8) ? 'success' : 'failure' },
          createdAt: within(365),
        })),
      )
    }
    // A year of daily snapshots before today, as the timer would have left them.
    const today = chinaDateOf(new Date(now))
    insert(
      'daily_figures',
      Array.from({ length: 365 }, (_, back): DailyFigures => {
        const date = addDays(today, -(back + 1))
        return {
          _id: date,
          month: date.slice(0, 7),
          takenAt: new Date(now - (back + 1) * DAY_MS),
          communities: communities.map((community) => ({
            ...emptyFigures(community._id),
            funnel: {
              published: 30 - Math.floor(back / 13),
              matched: 9,
              claimed: 12,
              project: 10,
              closed: 3,
            },
            projects: { service_supply: { starting: 2, underWay: 8, closed: 3 } },
          })),
          streets: [],
          districts: [],
        }
      }),
    )
    console.log('records:', counts)

    const token = await signIn(env.cloud, 'demo-district-admin')
    const timed = async (payload: object) => {
      const started = performance.now()
      const answer = await callAs(env.cloud, token, 'desk', 'overview', payload)
      if (!answer.ok) throw new Error(answer.error.message)
      return performance.now() - started
    }
    const first = await timed({})
    const rows: { open: string; ms: number }[] = [
      { open: 'district, first open (yesterday’s snapshot)', ms: Math.round(first) },
    ]
    for (const [open, payload] of [
      ['district', {}],
      ['street', { scope: 'street', id: 'tongji' }],
      ['community', { scope: 'community', id: 'xianshan' }],
    ] as const) {
      const runs: number[] = []
      for (let run = 0; run < RUNS; run += 1) runs.push(await timed(payload))
      rows.push({ open: `${open}, median of ${RUNS}`, ms: Math.round(median(runs)) })
    }
    const timer = performance.now()
    await callAs(env.cloud, token, 'desk', 'refresh', {})
    rows.push({
      open: 'refresh (the day’s snapshot retaken)',
      ms: Math.round(performance.now() - timer),
    })
    console.table(rows)
  } finally {
    await env.cleanUp()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
