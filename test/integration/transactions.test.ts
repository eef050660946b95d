import * as cloud from 'wx-server-sdk'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { LocalDatabase } from '../../localcloud/database'
import { TRANSACTION_SCOPE_MESSAGE } from '../../localcloud/requester'
import { openEmbeddedDatabase } from './localCloudClient'

type Db = ReturnType<typeof cloud.database>
type Transaction = Awaited<ReturnType<Db['startTransaction']>>
type Account = { _id: string; balance: number }

// The SDK's typings return `Promise<…> | void | string`; this reads a result's data as T.
async function dataOf<T>(request: unknown): Promise<T> {
  return ((await request) as { data: T }).data
}

// Transactions as the functions will use them: the real wx-server-sdk on the embedded store.
describe('CloudBase transactions on the embedded database', () => {
  let database: LocalDatabase
  let cleanUp: () => Promise<void>
  const db = () => cloud.database()
  const balanceOf = (id: string) => database.findOne<Account>('accounts', { _id: id })?.balance

  beforeEach(async () => {
    ;({ database, cleanUp } = await openEmbeddedDatabase())
    database.insertMany('accounts', [
      { _id: 'a', balance: 100 },
      { _id: 'b', balance: 0 },
    ])
  })
  afterEach(async () => {
    await cleanUp()
  })

  const transfer = (transaction: Transaction, amount: number) => {
    const _ = db().command
    return Promise.all([
      transaction
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: _.inc(-amount) } }),
      transaction
        .collection('accounts')
        .doc('b')
        .update({ data: { balance: _.inc(amount) } }),
      transaction.collection('transfers').add({ data: { _id: 't1', amount } }),
    ])
  }

  it('a commit applies every write; reads inside see the transaction’s own writes', async () => {
    const seenInside = await db().runTransaction(async (transaction: Transaction) => {
      await transfer(transaction, 30)
      // Not visible outside before the commit.
      expect(balanceOf('a')).toBe(100)
      return dataOf<Account>(transaction.collection('accounts').doc('a').get())
    })
    expect(seenInside.balance).toBe(70)
    expect([balanceOf('a'), balanceOf('b')]).toEqual([70, 30])
    expect(database.findOne('transfers', { _id: 't1' })).toEqual({ _id: 't1', amount: 30 })
  })

  it('a thrown error rolls everything back, as does an explicit rollback', async () => {
    await expect(
      db().runTransaction(async (transaction: Transaction) => {
        await transfer(transaction, 30)
        throw new Error('余额校验失败')
      }),
    ).rejects.toThrow('余额校验失败')
    const transaction = await db().startTransaction()
    await transfer(transaction, 50)
    await transaction.rollback()
    expect([balanceOf('a'), balanceOf('b')]).toEqual([100, 0])
    expect(database.count('transfers')).toBe(0)
  })

  it('reads see the snapshot taken at the start, not later commits', async () => {
    const transaction = await db().startTransaction()
    await db()
      .collection('accounts')
      .doc('b')
      .update({ data: { balance: 5 } })
    const seen = await dataOf<Account>(transaction.collection('accounts').doc('b').get())
    expect(seen.balance).toBe(0)
    await transaction.commit()
  })

  it('concurrent increments of one document never lose an update: losers retry or fail', async () => {
    const increment = () =>
      db().runTransaction(async (transaction: Transaction) => {
        const account = await dataOf<Account>(transaction.collection('accounts').doc('b').get())
        await transaction
          .collection('accounts')
          .doc('b')
          .update({ data: { balance: account.balance + 1 } })
      }, 10)
    // Two at once: the second to commit conflicts, and runTransaction runs it again.
    await Promise.all([increment(), increment()])
    expect(balanceOf('b')).toBe(2)

    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, increment))
    const succeeded = outcomes.filter((outcome) => outcome.status === 'fulfilled').length
    expect(succeeded).toBeGreaterThan(0)
    expect(balanceOf('b')).toBe(2 + succeeded)
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') {
        expect(JSON.stringify(outcome.reason)).toContain('database transaction conflict')
      }
    }
  })

  it('the second of two transactions writing one document fails at its commit, with the code the SDK retries on', async () => {
    const first = await db().startTransaction()
    const second = await db().startTransaction()
    for (const transaction of [first, second]) {
      await transaction
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: 1 } })
    }
    await first.commit()
    await expect(second.commit()).rejects.toMatchObject({
      code: 'DATABASE_TRANSACTION_CONFLICT',
      message: 'database transaction conflict',
    })
  })

  it('a plain write racing a transaction makes the transaction conflict, at the write or at the commit', async () => {
    const _ = db().command
    // Committed before the transaction writes: the write itself is refused. The SDK turns that
    // answer into a CloudSDKError without `code`, so runTransaction would not retry it.
    const early = await db().startTransaction()
    await db()
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: _.inc(1) } })
    const refused = await early
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: 0 } })
      .catch((error: unknown) => error)
    expect(refused).toMatchObject({
      errCode: -501001,
      errMsg: expect.stringContaining('database transaction conflict'),
    })
    expect((refused as { code?: string }).code).toBeUndefined()

    // Committed after the transaction wrote: its commit is refused.
    const late = await db().startTransaction()
    await late
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: 0 } })
    await db()
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: _.inc(1) } })
    await expect(late.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    expect(balanceOf('a')).toBe(102)

    // A removal counts too, though the row is gone.
    const afterRemoval = await db().startTransaction()
    await db().collection('accounts').doc('b').remove()
    await expect(
      afterRemoval
        .collection('accounts')
        .doc('b')
        .set({ data: { balance: 9 } }),
    ).rejects.toThrow('database transaction conflict')
    expect(database.findOne('accounts', { _id: 'b' })).toBeUndefined()
  })

  it('two transactions adding the same _id: the first to commit wins', async () => {
    const first = await db().startTransaction()
    const second = await db().startTransaction()
    await first.collection('transfers').add({ data: { _id: 'same', by: 'first' } })
    await second.collection('transfers').add({ data: { _id: 'same', by: 'second' } })
    await first.commit()
    await expect(second.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    expect(database.find('transfers')).toEqual([{ _id: 'same', by: 'first' }])
  })

  it('refuses queries, multi-document writes, counts and aggregates inside a transaction', async () => {
    const _ = db().command
    const transaction = await db().startTransaction()
    const accounts = transaction.collection('accounts')
    const refusals = [
      accounts.where({ balance: _.gt(10) }).get(),
      accounts.where({ balance: _.gt(10) }).update({ data: { balance: 0 } }),
      accounts.where({ _id: 'a' }).remove(),
      accounts.where({ balance: 0 }).count(),
      accounts.aggregate().match({ balance: 0 }).end(),
    ]
    for (const refusal of refusals) {
      await expect(refusal).rejects.toThrow(TRANSACTION_SCOPE_MESSAGE)
    }
    // A query by _id alone is a document read.
    const byId = await dataOf<Account[]>(accounts.where({ _id: 'a' }).get())
    expect(byId).toEqual([{ _id: 'a', balance: 100 }])
    await transaction.commit()
    expect([balanceOf('a'), balanceOf('b')]).toEqual([100, 0])
  })

  it('doc.get() of a missing document throws by default, inside a transaction too', async () => {
    await expect(db().collection('accounts').doc('nobody').get()).rejects.toThrow('does not exist')
    const transaction = await db().startTransaction()
    await expect(transaction.collection('accounts').doc('nobody').get()).rejects.toThrow(
      'does not exist',
    )
    await transaction.rollback()
  })
})

describe('transaction expiry', () => {
  it('rolls back a transaction idle for 30 s and refuses its commit', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'gongjian-expiry-'))
    let clock = 0
    const database = await LocalDatabase.open(dir, { now: () => clock })
    try {
      const id = database.startTransaction()
      database.transactionInsert(id, 'accounts', { _id: 'late', balance: 1 })
      clock += 30_001
      expect(() => database.commitTransaction(id)).toThrow('已自动回滚')
      expect(database.count('accounts')).toBe(0)
      // A transaction kept busy does not expire.
      const busy = database.startTransaction()
      for (let step = 0; step < 5; step += 1) {
        clock += 20_000
        database.transactionGet(busy, 'accounts', 'late')
      }
      database.transactionInsert(busy, 'accounts', { _id: 'kept', balance: 2 })
      database.commitTransaction(busy)
      expect(database.find('accounts')).toEqual([{ _id: 'kept', balance: 2 }])
    } finally {
      database.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
