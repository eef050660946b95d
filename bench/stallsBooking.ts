// Booking throughput and latency on the local cloud at the contention of the concurrency test
// (part of `npm run bench`; needs built functions). On its own: npx tsx bench/stallsBooking.ts
// Prints one JSON object: medians over the runs of throughput, median and p95 latency.
import {
  bookAllAtOnce,
  createResidents,
  publishEventStartingIn,
} from '../test/integration/stallsHelpers'
import { startTestCloud } from '../test/integration/localCloudClient'

const RUNS = 5
const RESIDENTS = 1000
const PLACES = 30

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]
}

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  )
}

async function oneRun(run: number) {
  const env = await startTestCloud()
  try {
    const tokens = await createResidents(env.cloud, env.dataDir, RESIDENTS, `bench${run}`)
    const { slotId } = await publishEventStartingIn(env.cloud, 24 * 60, PLACES)
    const started = performance.now()
    const results = await bookAllAtOnce(env.cloud, tokens, slotId)
    const seconds = (performance.now() - started) / 1000
    const latencies = results.map((result) => result.milliseconds).sort((a, b) => a - b)
    const booked = results.filter((result) => result.outcome === 'booked').length
    if (booked !== PLACES) throw new Error(`run ${run}: ${booked} bookings for ${PLACES} places`)
    return {
      callsPerSecond: RESIDENTS / seconds,
      medianMs: percentile(latencies, 0.5),
      p95Ms: percentile(latencies, 0.95),
    }
  } finally {
    await env.cleanUp()
  }
}

async function main() {
  const runs = []
  for (let run = 0; run < RUNS; run += 1) runs.push(await oneRun(run))
  const round = (value: number) => Math.round(value)
  console.log(
    JSON.stringify({
      calls: RESIDENTS,
      places: PLACES,
      runs: RUNS,
      callsPerSecond: round(median(runs.map((run) => run.callsPerSecond))),
      medianLatencyMs: round(median(runs.map((run) => run.medianMs))),
      p95LatencyMs: round(median(runs.map((run) => run.p95Ms))),
    }),
  )
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
