import { createIndexSql, narrowingOf, type FieldKind } from '../../localcloud/queryPlan'

// Which conditions of a MongoDB query the store hands to SQL, and when SQL alone is the answer.
describe('narrowing a query in SQL', () => {
  const kinds: Record<string, FieldKind> = {
    status: 'scalar',
    communityId: 'scalar',
    createdAt: 'mixed',
    'organizer.id': 'scalar',
    tags: 'unindexed',
  }
  const narrow = (query: Record<string, unknown>) =>
    narrowingOf(query, (field) => kinds[field] ?? 'unindexed')

  it('translates _id and string equality exactly', () => {
    expect(
      narrow({ _id: 'a', communityId: 'dahua', status: { $in: ['open', 'accepted'] } }),
    ).toEqual({
      sql: "id = ? AND json_extract(doc, '$.communityId') = ? AND json_extract(doc, '$.status') IN (?, ?)",
      params: ['a', 'dahua', 'open', 'accepted'],
      exact: true,
    })
    expect(narrow({ $and: [{ 'organizer.id': 'org-1' }, { _id: { $in: ['x', 'y'] } }] })).toEqual({
      sql: "json_extract(doc, '$.organizer.id') = ? AND id IN (?, ?)",
      params: ['org-1', 'x', 'y'],
      exact: true,
    })
  })

  it('checks the JSON type where a field has held objects', () => {
    expect(narrow({ createdAt: 'x' }).sql).toBe(
      "json_extract(doc, '$.createdAt') = ? AND json_type(doc, '$.createdAt') = 'text'",
    )
  })

  it('only narrows with numbers and ranges, leaving the exact test to the query engine', () => {
    expect(narrow({ status: 3 })).toMatchObject({ params: [3], exact: false })
    expect(narrow({ status: { $gte: 'a', $lt: 'm' } })).toEqual({
      sql: "json_extract(doc, '$.status') >= ? AND json_extract(doc, '$.status') < ?",
      params: ['a', 'm'],
      exact: false,
    })
  })

  it('leaves alone what SQL cannot answer as MongoDB does', () => {
    for (const query of [
      { tags: 'a' }, // held an array: json_extract cannot see its elements
      { note: 'x' }, // not indexed
      { status: { $ne: 'open' } },
      { status: /op/ },
      { status: null },
      { $or: [{ status: 'open' }, { communityId: 'dahua' }] },
      // UTF-8 and UTF-16 orders differ beyond U+D7FF.
      { status: { $gt: '\uffff' } },
    ]) {
      expect(narrow(query)).toEqual({ sql: '', params: [], exact: false })
    }
    // The translatable part still narrows; the rest keeps the query inexact.
    expect(narrow({ status: 'open', note: 'x' })).toMatchObject({ params: ['open'], exact: false })
    expect(narrow({})).toEqual({ sql: '', params: [], exact: true })
  })

  it('declares compound indexes on JSON expressions, in order', () => {
    expect(
      createIndexSql('personal_needs', {
        fields: [
          ['communityId', 'asc'],
          ['createdAt', 'desc'],
        ],
      }),
    ).toBe(
      'CREATE INDEX IF NOT EXISTS "_ix_personal_needs__communityId_asc__createdAt_desc" ON "personal_needs" (json_extract(doc, \'$.communityId\') ASC, json_extract(doc, \'$.createdAt\') DESC)',
    )
  })
})
