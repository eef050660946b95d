import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { functionNames, functionsOutput } from '../scripts/build-functions'

// A function's cold start, as far as its code decides it: in a fresh Node process, loading
// wx-server-sdk (every function pays it), then the function's bundle and what it requires at load.
// Medians of 7 processes per function (needs `npm run build:functions`).
const ROUNDS = 7
const LOAD = `const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6
const start = process.hrtime.bigint(); require(require.resolve('wx-server-sdk', { paths: [process.argv[1]] }))
const sdk = ms(start); const bundle = process.hrtime.bigint(); require(process.argv[1])
console.log(JSON.stringify([sdk, ms(bundle)]))`

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

async function main() {
  const rows = []
  for (const name of await functionNames()) {
    const bundle = path.join(functionsOutput, name, 'index.js')
    const times = Array.from(
      { length: ROUNDS },
      () =>
        JSON.parse(execFileSync(process.execPath, ['-e', LOAD, bundle], { encoding: 'utf8' })) as [
          number,
          number,
        ],
    )
    const round = (value: number) => Math.round(value * 10) / 10
    rows.push({
      function: name,
      sdkMs: round(median(times.map(([sdk]) => sdk))),
      bundleMs: round(median(times.map(([, own]) => own))),
    })
  }
  console.table(rows)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
