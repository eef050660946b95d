import * as cloud from 'wx-server-sdk'
import { openEmbeddedDatabase } from './localCloudClient'

// The SDK's typings return `Promise<…> | void | string`; this reads a query's data as T.
async function dataOf<T>(request: unknown): Promise<T> {
  return ((await request) as { data: T }).data
}

// The real wx-server-sdk, as the cloud functions use it, on the local cloud's embedded database.
describe('wx-server-sdk on the embedded database', () => {
  let cleanUp: () => Promise<void>
  const db = () => cloud.database()

  beforeEach(async () => {
    ;({ cleanUp } = await openEmbeddedDatabase())
  })
  afterEach(async () => {
    await cleanUp()
  })

  it('never lets concurrent conditional increments pass the capacity', async () => {
    const _ = db().command
    await db()
      .collection('slots')
      .add({ data: { _id: 'haircut-0900', capacity: 3, booked: 0 } })
    const attempts = await Promise.all(
      Array.from({ length: 50 }, () =>
        db()
          .collection('slots')
          .where({ _id: 'haircut-0900', booked: _.lt(3) })
          .update({ data: { booked: _.inc(1) } }),
      ),
    )
    const updated = attempts.map(
      (result) => (result as { stats: { updated: number } }).stats.updated,
    )
    expect(updated.filter((count) => count === 1)).toHaveLength(3)
    const slot = await dataOf<{ booked: number }>(
      db().collection('slots').doc('haircut-0900').get(),
    )
    expect(slot.booked).toBe(3)
  })

  it('queries, sorts, pages, projects and counts like the cloud database', async () => {
    const _ = db().command
    const people = Array.from({ length: 12 }, (_unused, index) => ({
      name: `居民${index}`,
      age: 60 + index,
      tags: index % 2 ? ['一老'] : ['一小'],
      joinedAt: new Date(Date.UTC(2026, 0, index + 1)),
    }))
    await Promise.all(people.map((person) => db().collection('people').add({ data: person })))
    const query = db()
      .collection('people')
      .where({ age: _.gte(65), tags: _.in(['一老']) })
    const { total } = (await query.count()) as { total: number }
    expect(total).toBe(4)
    const page = await dataOf<{ name: string; age?: number }[]>(
      query.orderBy('age', 'desc').skip(1).limit(2).field({ name: true }).get(),
    )
    expect(page.map((row) => row.name)).toEqual(['居民9', '居民7'])
    expect(page[0].age).toBeUndefined()
    const dated = await dataOf<{ joinedAt: Date }[]>(
      db()
        .collection('people')
        .where({ joinedAt: _.lt(new Date(Date.UTC(2026, 0, 3))) })
        .get(),
    )
    expect(dated).toHaveLength(2)
    expect(dated[0].joinedAt).toBeInstanceOf(Date)
  })

  it('applies update operators, merges nested fields and refuses a duplicate _id', async () => {
    const _ = db().command
    await db()
      .collection('needs')
      .add({ data: { _id: 'n1', progress: { meetings: 1, notes: ['启动'] }, status: 'open' } })
    await db()
      .collection('needs')
      .doc('n1')
      .update({ data: { progress: { meetings: _.inc(1), notes: _.push(['月度例会']) } } })
    const need = await dataOf<object>(db().collection('needs').doc('n1').get())
    expect(need).toMatchObject({
      status: 'open',
      progress: { meetings: 2, notes: ['启动', '月度例会'] },
    })
    await expect(
      db()
        .collection('needs')
        .add({ data: { _id: 'n1', status: 'copy' } }),
    ).rejects.toBeTruthy()
  })

  it('runs aggregation pipelines, $lookup into another collection included', async () => {
    await db()
      .collection('communities')
      .add({ data: [{ _id: 'dahua', name: '大华社区' }] })
    await db()
      .collection('needs')
      .add({
        data: [
          { communityId: 'dahua', status: 'open', units: 2 },
          { communityId: 'dahua', status: 'open', units: 3 },
          { communityId: 'dahua', status: 'closed', units: 7 },
        ],
      })
    const $ = db().command.aggregate
    const { list } = (await db()
      .collection('needs')
      .aggregate()
      .match({ status: 'open' })
      .group({ _id: '$communityId', units: $.sum('$units') })
      .lookup({ from: 'communities', localField: '_id', foreignField: '_id', as: 'community' })
      .end()) as { list: unknown[] }
    expect(list).toEqual([
      { _id: 'dahua', units: 5, community: [{ _id: 'dahua', name: '大华社区' }] },
    ])
  })
})
