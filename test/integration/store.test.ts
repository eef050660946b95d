import Database from 'libsql'
import { find as mingoFind } from 'mingo'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { INDEXES } from '../../cloudfunctions/shared/collections'
import { LocalDatabase, type FindOptions } from '../../localcloud/database'
import type { AnyObject } from '../../localcloud/documentCodec'
import { narrowingOf } from '../../localcloud/queryPlan'
import { createRandom } from '../../scripts/seededRandom'

// volunteer_shifts has manifest indexes on status, date and the dotted organizer.id; the same
// documents in an ad-hoc collection (no secondary index) are read by full scans.
const INDEXED = 'volunteer_shifts'
const SCANNED = 'shifts_copy'

function shifts(count: number): AnyObject[] {
  const random = createRandom(7)
  return Array.from({ length: count }, (_, index) => {
    const doc: AnyObject = {
      _id: `shift-${String(index).padStart(4, '0')}`,
      // Mostly strings; a few numbers, a null and gaps, to exercise type semantics.
      status: random.chance(0.05) ? random.integer(1, 3) : random.pick(['open', 'closed', 'full']),
      date: random.chance(0.05)
        ? random.integer(1, 9)
        : `2026-0${random.integer(1, 6)}-${String(random.integer(10, 28))}`,
      organizer: { id: `org-${random.integer(1, 5)}`, kind: random.pick(['team', 'community']) },
      taken: random.integer(0, 8),
      tags: random.chance(0.5) ? ['a', random.pick(['b', 'c'])] : [],
      createdAt: new Date(Date.UTC(2026, 0, 1) + random.integer(0, 90) * 86_400_000),
    }
    if (random.chance(0.1)) delete doc.status
    if (random.chance(0.1)) doc.note = random.chance(0.5) ? null : '需要带证件'
    if (index % 97 === 0) doc.date = '2026-03-15\uffff'
    return doc
  })
}

const QUERIES: AnyObject[] = [
  {},
  { status: 'open' },
  { status: 2 },
  { status: { $in: ['open', 'full'] } },
  { status: { $in: ['open', 2] } },
  { status: { $eq: 'closed' }, taken: { $lt: 3 } },
  { date: { $gte: '2026-03-01', $lt: '2026-04-01' } },
  { date: { $gt: 5 } },
  { date: { $lte: '2026-02-15' }, status: { $ne: 'open' } },
  { date: { $gt: '2026-03-15' } },
  { date: { $gte: '2026-03-15\uffff' } },
  { 'organizer.id': 'org-2' },
  { 'organizer.id': { $in: ['org-1', 'org-3'] }, status: 'open' },
  { $and: [{ status: 'open' }, { date: { $gte: '2026-03-01' } }] },
  { $or: [{ status: 'closed' }, { taken: { $gt: 6 } }] },
  { status: { $exists: false } },
  { note: null },
  { note: { $exists: true } },
  { tags: 'b' },
  { tags: { $in: ['c'] }, 'organizer.kind': 'team' },
  { _id: 'shift-0042' },
  { _id: { $in: ['shift-0001', 'shift-0100', 'missing'] }, status: 'open' },
  { createdAt: { $gte: new Date(Date.UTC(2026, 1, 1)) } },
  { status: { $in: [] } },
]

const ORDERS: FindOptions[] = [
  {},
  { sort: { date: 1, _id: 1 } },
  // Ties in taken keep insertion order, in both stores.
  { sort: { taken: -1 } },
  { sort: { createdAt: -1, _id: 1 }, skip: 5, limit: 7 },
  { sort: { 'organizer.id': 1, taken: 1 }, skip: 0, limit: 20, projection: { taken: 1 } },
  { projection: { _id: 0, status: 1, 'organizer.id': 1 }, limit: 15 },
]

function expected(docs: AnyObject[], query: AnyObject, options: FindOptions): AnyObject[] {
  let cursor = mingoFind(docs, query, options.projection ?? {})
  if (options.sort) cursor = cursor.sort(options.sort)
  if (options.skip) cursor = cursor.skip(options.skip)
  if (options.limit !== undefined) cursor = cursor.limit(options.limit)
  return cursor.all() as AnyObject[]
}

describe('the SQLite store', () => {
  let dir: string
  let database: LocalDatabase
  const docs = shifts(600)

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'gongjian-store-'))
    database = await LocalDatabase.open(dir)
    database.insertMany(INDEXED, docs)
    database.insertMany(SCANNED, docs)
  })
  afterAll(async () => {
    database.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('answers queries, sorts, pages, projections and counts as MongoDB semantics (mingo) do', () => {
    for (const query of QUERIES) {
      for (const options of ORDERS) {
        const want = expected(docs, query, options)
        expect(database.find(INDEXED, query, options)).toEqual(want)
        expect(database.find(SCANNED, query, options)).toEqual(want)
      }
      const total = expected(docs, query, {}).length
      expect([database.count(INDEXED, query), database.count(SCANNED, query)]).toEqual([
        total,
        total,
      ])
    }
  })

  it('narrows in SQL through the manifest’s indexes', () => {
    const indexed = new Set(INDEXES.volunteer_shifts.flatMap((spec) => spec.fields.map(([f]) => f)))
    const sqlite = new Database(path.join(dir, 'gongjian.sqlite'), { readonly: true })
    try {
      const plan = (query: AnyObject) => {
        const narrowing = narrowingOf(query, (field) =>
          indexed.has(field) ? 'scalar' : 'unindexed',
        )
        const rows = sqlite
          .prepare(`EXPLAIN QUERY PLAN SELECT doc FROM "${INDEXED}" WHERE ${narrowing.sql}`)
          .raw(true)
          .all(...narrowing.params) as unknown[][]
        return rows.map((row) => String(row[3])).join(' ')
      }
      expect(plan({ status: 'open', date: { $gte: '2026-03-01' } })).toMatch(
        /USING INDEX _ix_volunteer_shifts__status_asc__date_asc/,
      )
      expect(plan({ 'organizer.id': 'org-2' })).toMatch(
        /USING INDEX _ix_volunteer_shifts__organizer_id/,
      )
      expect(plan({ _id: { $in: ['shift-0001'] } })).toMatch(/USING INDEX sqlite_autoindex/)
    } finally {
      sqlite.close()
    }
  })

  it('stays exact when a document breaks an index’s promise of scalars', () => {
    const all = () => database.find(INDEXED)
    // An object whose JSON text equals the string asked for: json_extract answers that text.
    database.insertMany(INDEXED, [{ _id: 'object-status', status: { a: 1 } }])
    expect(database.find(INDEXED, { status: '{"a":1}' })).toEqual([])
    expect(database.count(INDEXED, { status: { $in: ['{"a":1}', 'open'] } })).toBe(
      expected(all(), { status: { $in: ['{"a":1}', 'open'] } }, {}).length,
    )
    // An array on the path: json_extract cannot see its elements, so SQL stops narrowing there.
    database.insertMany(INDEXED, [{ _id: 'multi-organizer', organizer: [{ id: 'org-2' }] }])
    const query = { 'organizer.id': 'org-2' }
    expect(database.find(INDEXED, query).map((doc) => doc._id)).toContain('multi-organizer')
    expect(database.find(INDEXED, query, { sort: { 'organizer.id': 1, _id: -1 } })).toEqual(
      expected(all(), query, { sort: { 'organizer.id': 1, _id: -1 } }),
    )
    database.remove(INDEXED, { _id: { $in: ['object-status', 'multi-organizer'] } }, true)
  })

  it('keeps documents exactly: dates, nested objects, arrays, numbers, booleans, null', () => {
    const doc = {
      _id: 'round-trip',
      at: new Date(Date.UTC(2026, 10, 23, 8, 30, 15, 123)),
      nested: { list: [1, -2.5, 1e21, { deep: [new Date(0), null, true] }], empty: {}, none: [] },
      flags: [true, false],
      nothing: null,
      text: '共建 "quoted" \\ \u2028 😀',
      dollar: { $date: 'not a date tag' },
    }
    database.insertMany('round_trip', [doc])
    const [stored] = database.find('round_trip')
    expect(stored).toStrictEqual(doc)
    expect(stored.at).toBeInstanceOf(Date)
  })

  it('keeps cached pages only while no write could change them', () => {
    const query = { status: 'open' }
    const options: FindOptions = { sort: { taken: -1, _id: 1 }, skip: 2, limit: 3 }
    const check = () => {
      expect(database.find(INDEXED, query, options)).toEqual(
        expected(database.find(INDEXED), query, options),
      )
      expect(database.count(INDEXED, { ...query, taken: { $gte: 0 } })).toBe(
        expected(database.find(INDEXED), { ...query, taken: { $gte: 0 } }, {}).length,
      )
    }
    check()
    const [first] = database.find(INDEXED, query, options)
    const writes = [
      () => database.updateMany(INDEXED, { _id: first._id }, { $set: { taken: 99 } }),
      () => database.insertMany(INDEXED, [{ _id: 'newcomer', status: 'open', taken: 50 }]),
      () => database.updateMany(INDEXED, { _id: 'newcomer' }, { $set: { status: 'closed' } }),
      () => database.updateMany(INDEXED, { _id: 'newcomer' }, { $set: { status: 'open' } }),
      // Outside the query: the cached order stays valid.
      () => database.updateMany(INDEXED, { status: 'full' }, { $inc: { taken: 1 } }),
      () => database.remove(INDEXED, { _id: 'newcomer' }, false),
      () => database.updateMany(INDEXED, { _id: first._id }, { $set: { taken: first.taken } }),
    ]
    for (const write of writes) {
      write()
      check()
    }
  })
})
