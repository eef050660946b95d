// The writer the crash tests kill: single inserts and transactions back to back, each reported on
// stdout only after the call returned. Run as: node --import tsx storeWriter.ts <dataDir> <run>
import { LocalDatabase } from '../../localcloud/database'

const OPERATIONS = 100_000

async function main() {
  const [dataDir, run] = process.argv.slice(2)
  const database = await LocalDatabase.open(dataDir)
  if (!database.findOne('counters', { _id: 'pairs' })) {
    database.insertMany('counters', [{ _id: 'pairs', n: 0 }])
  }
  process.stdout.write('ready\n')
  for (let i = 0; i < OPERATIONS; i += 1) {
    if (i % 3 === 2) {
      // Two documents and a counter: all three or none.
      const transaction = database.startTransaction()
      database.transactionInsert(transaction, 'pairs', { _id: `${run}-${i}-a`, run, i })
      database.transactionInsert(transaction, 'pairs', { _id: `${run}-${i}-b`, run, i })
      database.transactionModify(
        transaction,
        'counters',
        'pairs',
        { $inc: { n: 1 } },
        { merge: true },
      )
      database.commitTransaction(transaction)
      // Writes to a pipe are synchronous on Linux: the line is out before the next operation.
      process.stdout.write(`tx ${i}\n`)
    } else {
      database.insertMany('singles', [{ _id: `${run}-${i}`, run, i }])
      process.stdout.write(`single ${i}\n`)
    }
  }
  database.close()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
