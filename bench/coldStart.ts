import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { functionNames, functionsOutput } from '../scripts/build-functions'

// A function's cold start, as far as its code decides it: loading its bundle (and what the bundle
// requires at load) in a fresh Node process. Median of 7 processes per function (needs
// `npm run build:functions`).
const ROUNDS = 7
const LOAD = `const start = process.hrtime.bigint(); require(process.argv[1]);
console.log(Number(process.hrtime.bigint() - start) / 1e6)`

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

async function main() {
  const rows = []
  for (const name of await functionNames()) {
    const bundle = path.join(functionsOutput, name, 'index.js')
    const times = Array.from({ length: ROUNDS }, () =>
      Number(execFileSync(process.execPath, ['-e', LOAD, bundle], { encoding: 'utf8' }).trim()),
    )
    rows.push({ function: name, loadMs: Math.round(median(times) * 10) / 10 })
  }
  console.table(rows)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
