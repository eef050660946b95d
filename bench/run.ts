import { execSync } from 'node:child_process'
import { benchPackageSize } from './packageSize'

// `npm run bench`: long-running figures kept out of `npm test`. Results go to bench/README.md.
async function main() {
  execSync('npm run build:weapp', { stdio: 'inherit' })
  console.log('\n## weapp package sizes')
  console.table(await benchPackageSize())
  console.log('\n## matching at district scale')
  // Its own process, so memory figures are the engine's and garbage collection can be forced.
  execSync('node --expose-gc --import tsx bench/matching.ts', { stdio: 'inherit' })
  console.log('\n## a district matching run end to end on the local cloud')
  execSync('npm run build:functions && npx tsx bench/matchingCloud.ts', { stdio: 'inherit' })
  console.log('\n## stall booking under contention (1,000 residents, 30 places)')
  execSync('npm run build:functions && npx tsx bench/stallsBooking.ts', { stdio: 'inherit' })
  console.log('\n## cold start: loading each function')
  execSync('npx tsx bench/coldStart.ts', { stdio: 'inherit' })
  console.log('\n## the district desk at scale (107 communities, a year of records)')
  execSync('npm run build:functions && npx tsx bench/desk.ts', { stdio: 'inherit' })
  console.log('\n## the first `npm start`: demo data and the start-up check')
  execSync('npx tsx bench/demoSeed.ts', { stdio: 'inherit' })
  console.log('\n## H5 first load on a slow phone (slow 4G, CPU 4× slower)')
  execSync('npm run build:functions && npm run build:h5 && npx tsx bench/h5Load.ts', {
    stdio: 'inherit',
  })
  console.log('\n## the embedded store at scale (50,000 needs, 5,000 residents)')
  execSync('npx tsx bench/store.ts', { stdio: 'inherit' })
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
