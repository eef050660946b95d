import Database from 'libsql'
import { spawn } from 'node:child_process'
import { mkdtemp, open, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { LocalDatabase } from '../../localcloud/database'

const ROOT = path.resolve(__dirname, '..', '..')
const WRITER = path.join(__dirname, 'storeWriter.ts')

type Acknowledged = { singles: number[]; transactions: number[] }

/**
 * Runs the writer on dataDir, SIGKILLs it once it has acknowledged `killAfter` operations, and
 * answers every operation it acknowledged before it died.
 */
async function writeUntilKilled(dataDir: string, run: string, killAfter: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, run], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const acknowledged: Acknowledged = { singles: [], transactions: [] }
  // Lines already in the pipe when the kill lands were acknowledged too: read to the end.
  for await (const line of createInterface({ input: child.stdout })) {
    const [kind, index] = line.split(' ')
    if (kind === 'single') acknowledged.singles.push(Number(index))
    if (kind === 'tx') acknowledged.transactions.push(Number(index))
    if (acknowledged.singles.length + acknowledged.transactions.length === killAfter) {
      child.kill('SIGKILL')
    }
  }
  expect(await exited).toBe(null)
  return acknowledged
}

/** What a run left: the indexes of its singles and of its pairs, and the pair counter. */
function contents(database: LocalDatabase, run: string) {
  const singles = database.find<{ i: number }>('singles', { run }).map((doc) => doc.i)
  const pairs = database.find<{ _id: string; i: number }>('pairs', { run })
  const halves = (suffix: string) =>
    pairs.filter((doc) => doc._id.endsWith(suffix)).map((doc) => doc.i)
  return { singles, pairsA: halves('-a'), pairsB: halves('-b') }
}

describe('the store after a crash', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'gongjian-crash-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('keeps every acknowledged write and applies no transaction by half, killed at any moment', async () => {
    const runs: [string, number][] = [
      ['early', 1],
      ['middle', 40],
      ['late', 400],
    ]
    let pairsSoFar = 0
    for (const [run, killAfter] of runs) {
      const acknowledged = await writeUntilKilled(dir, run, killAfter)
      const database = await LocalDatabase.open(dir)
      try {
        const { singles, pairsA, pairsB } = contents(database, run)
        expect(singles).toEqual(expect.arrayContaining(acknowledged.singles))
        expect(pairsA).toEqual(expect.arrayContaining(acknowledged.transactions))
        expect(pairsB).toEqual(pairsA)
        pairsSoFar += pairsA.length
        expect(database.findOne('counters', { _id: 'pairs' })?.n).toBe(pairsSoFar)
      } finally {
        database.close()
      }
    }
  }, 60_000)

  it('opens after its write-ahead log is torn mid-frame, with the committed prefix', async () => {
    await writeUntilKilled(dir, 'torn', 150)
    const wal = path.join(dir, 'gongjian.sqlite-wal')
    const handle = await open(wal, 'r+')
    try {
      // WAL header: 32 bytes, the page size at offset 8; then frames of 24 bytes + one page.
      const header = Buffer.alloc(32)
      await handle.read(header, 0, 32, 0)
      const frameSize = 24 + header.readUInt32BE(8)
      const frames = Math.floor(((await stat(wal)).size - 32) / frameSize)
      expect(frames).toBeGreaterThan(10)
      await handle.truncate(32 + Math.floor(frames * 0.6) * frameSize + Math.floor(frameSize / 2))
    } finally {
      await handle.close()
    }

    const database = await LocalDatabase.open(dir)
    try {
      const { singles, pairsA, pairsB } = contents(database, 'torn')
      const present = [...singles, ...pairsA].sort((a, b) => a - b)
      // Operations 0..m-1 and nothing after: a prefix of what was committed.
      expect(present.length).toBeGreaterThan(0)
      expect(present).toEqual(present.map((_, index) => index))
      expect(pairsB).toEqual(pairsA)
      expect(database.findOne('counters', { _id: 'pairs' })?.n).toBe(pairsA.length)
    } finally {
      database.close()
    }
    const sqlite = new Database(path.join(dir, 'gongjian.sqlite'), { readonly: true })
    try {
      expect(sqlite.prepare('PRAGMA integrity_check').raw(true).all()).toEqual([['ok']])
    } finally {
      sqlite.close()
    }
  }, 60_000)
})
