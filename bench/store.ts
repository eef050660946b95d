// The embedded store at scale, through the local cloud's HTTP gateway (part of `npm run bench`;
// needs built functions). On its own: npx tsx bench/store.ts
// 50,000 personal needs of 5,000 residents in 13 communities are written as nedb data files, the
// format of the previous store, which the local cloud loads (or, since SQLite, migrates) on start.
// Prints one JSON object: start time, the median latency of needs.listMine, and the throughput of
// 50 clients mixing posts, lists and bookings; medians over 5 rounds.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { PERSONAL_NEED_CATEGORIES, PERSONAL_NEED_KINDS } from '../cloudfunctions/shared/categories'
import { SessionSigner } from '../localcloud/session'
import { callAs, signIn, startTestCloud } from '../test/integration/localCloudClient'
import { publishEventStartingIn } from '../test/integration/stallsHelpers'
import { createRandom } from '../scripts/seededRandom'

const ROUNDS = 5
const NEEDS = 50_000
const RESIDENTS = 5_000
const CLIENTS = 50
// Fewer calls let the same script measure the previous, much slower store in reasonable time.
const LIST_CALLS = Number(process.env.BENCH_STORE_LIST_CALLS ?? 100)
const MIXED_CALLS = Number(process.env.BENCH_STORE_MIXED_CALLS ?? 1_000)
// The demo data's communities, as the previous store's data folder would hold their needs.
const COMMUNITIES = [
  ['xianshan', 'tongji'],
  ['jifa-yangguangcheng', 'tongji'],
  ['shuohuiyuan', 'tongji'],
  ['dahua', 'chaohai'],
  ['gucheng', 'chaohai'],
  ['chaohai-huayuan', 'chaohai'],
  ['xinhui', 'beian'],
  ['beian-zhongxin', 'beian'],
  ['huanxiuhu', 'huanxiu'],
  ['wenfeng', 'huanxiu'],
  ['heshanlu', 'huanxiu'],
  ['longshan', 'longshan'],
  ['guanshan', 'longshan'],
] as const

const random = createRandom(2026)

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** nedb's file format: one JSON document per line, dates as {"$$date": ms}. */
function nedbLines(docs: object[]): string {
  const line = (doc: object) =>
    JSON.stringify(doc, function (this: Record<string, unknown>, key, value) {
      const raw = this[key]
      return raw instanceof Date ? { $$date: raw.getTime() } : value
    })
  return `${docs.map(line).join('\n')}\n`
}

async function writeDataFolder(dataDir: string) {
  const residents = Array.from({ length: RESIDENTS }, (_, index) => {
    const [communityId] = COMMUNITIES[index % COMMUNITIES.length]
    return {
      _id: `bench-resident-${index}`,
      displayName: `居民${index}`,
      roles: [{ kind: 'resident', communityId }],
      homeCommunityId: communityId,
      createdAt: new Date(Date.UTC(2026, 0, 1)),
    }
  })
  const kinds = Object.keys(PERSONAL_NEED_KINDS)
  const categories = Object.keys(PERSONAL_NEED_CATEGORIES)
  const needs = Array.from({ length: NEEDS }, (_, index) => {
    const resident = residents[index % RESIDENTS]
    const [communityId, streetId] = COMMUNITIES[(index % RESIDENTS) % COMMUNITIES.length]
    const createdAt = new Date(Date.UTC(2026, 0, 1) + random.integer(0, 300 * 86_400) * 1000)
    return {
      _id: `bench-need-${index}`,
      residentId: resident._id,
      residentName: resident.displayName,
      districtId: 'jimo',
      streetId,
      communityId,
      kind: random.pick(kinds),
      category: random.pick(categories),
      description: `第${index}号需求：楼道灯坏了，晚上出行不便，希望尽快维修。`,
      status: random.pick(['open', 'open', 'accepted', 'closed']),
      createdAt,
      updatedAt: createdAt,
    }
  })
  await writeFile(path.join(dataDir, 'users.db'), nedbLines(residents))
  await writeFile(path.join(dataDir, 'personal_needs.db'), nedbLines(needs))
  const signer = await SessionSigner.open(dataDir)
  return residents.map((resident) => signer.issue(resident._id).token)
}

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gongjian-bench-store-'))
  const tokens = await writeDataFolder(dataDir)
  const starting = performance.now()
  const env = await startTestCloud(dataDir)
  const startSeconds = (performance.now() - starting) / 1000
  try {
    const { cloud } = env
    const admin = await signIn(cloud, 'demo-district-admin')
    const { slotId } = await publishEventStartingIn(cloud, 24 * 60, 500)
    const ok = async (
      pending: Promise<{ ok: true } | { ok: false; error: { message: string } }>,
    ) => {
      const result = await pending
      if (!result.ok) throw new Error(result.error.message)
    }
    const resident = () => random.pick(tokens)
    const operations = [
      () =>
        ok(
          callAs(cloud, resident(), 'needs', 'post', {
            kind: 'help',
            category: 'elderly_care',
            description: '家里老人行动不便，需要志愿者帮忙买菜。',
            communityId: random.pick(COMMUNITIES)[0],
          }),
        ),
      () => ok(callAs(cloud, resident(), 'needs', 'listMine', { page: 1 })),
      () =>
        ok(
          callAs(cloud, admin, 'needs', 'listCommunity', {
            communityId: random.pick(COMMUNITIES)[0],
            status: 'open',
            page: random.integer(1, 5),
          }),
        ),
      () => ok(callAs(cloud, resident(), 'stalls', 'list', {})),
      () => ok(callAs(cloud, resident(), 'stalls', 'book', { slotId, joinWaitlist: true })),
    ]

    const listLatencies: number[] = []
    const throughputs: number[] = []
    for (let round = 0; round < ROUNDS; round += 1) {
      const latencies: number[] = []
      for (let index = 0; index < LIST_CALLS; index += 1) {
        const started = performance.now()
        await ok(callAs(cloud, resident(), 'needs', 'listMine', { page: 1 }))
        latencies.push(performance.now() - started)
      }
      listLatencies.push(median(latencies))

      let remaining = MIXED_CALLS
      const started = performance.now()
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          while (remaining > 0) {
            remaining -= 1
            await random.pick(operations)()
          }
        }),
      )
      throughputs.push(MIXED_CALLS / ((performance.now() - started) / 1000))
    }
    console.log(
      JSON.stringify({
        needs: NEEDS,
        residents: RESIDENTS,
        startSeconds: Number(startSeconds.toFixed(1)),
        listMineMedianMs: Number(median(listLatencies).toFixed(1)),
        listMineRoundsMs: listLatencies.map((value) => Number(value.toFixed(1))),
        mixedClients: CLIENTS,
        mixedCallsPerRound: MIXED_CALLS,
        mixedCallsPerSecond: Number(median(throughputs).toFixed(1)),
        mixedRoundsCallsPerSecond: throughputs.map((value) => Number(value.toFixed(1))),
      }),
    )
  } finally {
    await env.cleanUp()
    await rm(dataDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
