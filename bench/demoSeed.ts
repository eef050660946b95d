// The first `npm start`'s demo data (part of `npm run bench`). On its own: npx tsx bench/demoSeed.ts
// Seeds the pilot with the district's history into a fresh data folder, then runs the full
// invariant check the local cloud runs at every start-up; prints the medians of 5 rounds and
// how many documents the history holds.
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { LocalDatabase } from '../localcloud/database'
import { seedDemoData } from '../localcloud/demoData'
import { installLocalCloud, routeSdkToLocalCloud } from '../localcloud/runtime'

const ROUNDS = 5

async function main() {
  routeSdkToLocalCloud()
  // After the SDK is routed: the service reads wx-server-sdk when it loads.
  const { checkAndRepair } = await import('../cloudfunctions/features/maintenance/service')
  const seeding: number[] = []
  const checking: number[] = []
  let documents: Record<string, number> = {}
  for (let round = 0; round < ROUNDS; round += 1) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'gongjian-bench-demo-'))
    const db = await LocalDatabase.open(dir)
    installLocalCloud(db)
    let started = performance.now()
    seedDemoData(db, { history: true })
    seeding.push(performance.now() - started)
    started = performance.now()
    const report = await checkAndRepair({ now: new Date(), full: true, settleFresh: true })
    checking.push(performance.now() - started)
    if (report.repairs.length > 0)
      throw new Error(`the demo needed ${report.repairs.length} repairs`)
    documents = Object.fromEntries(
      ['stall_events', 'stall_slots', 'stall_bookings', 'volunteer_hours', 'project_progress'].map(
        (name) => [name, db.count(name)],
      ),
    )
    db.close()
    await rm(dir, { recursive: true, force: true })
  }
  const median = (values: number[]) =>
    Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)])
  console.log(
    JSON.stringify({
      seedMs: median(seeding),
      startupCheckMs: median(checking),
      documents,
    }),
  )
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
