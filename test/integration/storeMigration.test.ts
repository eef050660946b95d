import Datastore from '@seald-io/nedb'
import { existsSync } from 'node:fs'
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { LocalDatabase } from '../../localcloud/database'

// The previous store's files, written by nedb itself, are imported on the first open.
describe('migration from the nedb store', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'gongjian-migrate-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  async function writeNedbFile(collection: string, work: (store: Datastore) => Promise<void>) {
    const store = new Datastore({ filename: path.join(dir, `${collection}.db`) })
    await store.loadDatabaseAsync()
    await work(store)
  }

  it('imports the intact records, keeps a torn last line aside and renames the file', async () => {
    const createdAt = new Date(Date.UTC(2026, 10, 1, 2, 3, 4, 5))
    await writeNedbFile('personal_needs', async (store) => {
      await store.ensureIndexAsync({ fieldName: 'residentId' })
      await store.insertAsync([
        { _id: 'n1', residentId: 'r1', status: 'open', createdAt, detail: { tags: ['一老'] } },
        { _id: 'n2', residentId: 'r2', status: 'open', createdAt },
        { _id: 'n3', residentId: 'r1', status: 'open', createdAt },
      ])
      // Appended as later lines: an update replaces, a removal deletes.
      await store.updateAsync({ _id: 'n1' }, { $set: { status: 'accepted' } }, {})
      await store.removeAsync({ _id: 'n2' }, {})
    })
    await writeNedbFile('users', async (store) => {
      await store.insertAsync({ _id: 'r1', displayName: '王阿姨' })
    })
    // A power loss in the middle of an append.
    const tornLine = '{"_id":"n4","residentId":"r3","sta'
    await appendFile(path.join(dir, 'personal_needs.db'), tornLine)

    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    const database = await LocalDatabase.open(dir)
    try {
      expect(database.find('personal_needs')).toEqual([
        { _id: 'n1', residentId: 'r1', status: 'accepted', createdAt, detail: { tags: ['一老'] } },
        { _id: 'n3', residentId: 'r1', status: 'open', createdAt },
      ])
      expect(database.findOne('personal_needs', { _id: 'n1' })?.createdAt).toBeInstanceOf(Date)
      expect(database.find('users')).toEqual([{ _id: 'r1', displayName: '王阿姨' }])
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('personal_needs.db: 1 unreadable'))
    } finally {
      database.close()
      warn.mockRestore()
    }
    expect(await readFile(path.join(dir, 'personal_needs.db.bad-lines'), 'utf8')).toBe(
      `${tornLine}\n`,
    )
    expect(existsSync(path.join(dir, 'personal_needs.db'))).toBe(false)
    expect(existsSync(path.join(dir, 'personal_needs.db.migrated'))).toBe(true)

    // The next open imports nothing again and finds the same data.
    const reopened = await LocalDatabase.open(dir)
    try {
      expect(reopened.count('personal_needs')).toBe(2)
      expect(reopened.count('personal_needs', { residentId: 'r1' })).toBe(2)
    } finally {
      reopened.close()
    }
  })
})
