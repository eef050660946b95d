import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { LocalDatabase } from '../../localcloud/database'
import { seedDemoData } from '../../localcloud/demoData'
import { installLocalCloud } from '../../localcloud/runtime'

/**
 * The demo data `npm start` seeds, in a fresh embedded database before each test: the pilot alone,
 * or with the district's history (`history`) as a first `npm start` writes it.
 */
export function useDemo({ history = false } = {}): { readonly db: LocalDatabase } {
  let db: LocalDatabase | undefined
  let dir = ''
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'gongjian-demo-'))
    db = await LocalDatabase.open(dir)
    installLocalCloud(db)
    if (!seedDemoData(db, { history })) throw new Error('the demo seeds an empty database')
  })
  afterEach(async () => {
    db?.close()
    await rm(dir, { recursive: true, force: true })
  })
  return {
    get db() {
      if (!db) throw new Error('the demo is seeded before each test')
      return db
    },
  }
}
