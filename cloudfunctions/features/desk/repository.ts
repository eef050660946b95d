import {
  COLLECTIONS,
  collection,
  command,
  findById,
  insertIfAbsent,
  saveDocument,
} from '../../shared/db'
import type { CollectionName } from '../../shared/collections'
import { readAll, readFirst } from '../../shared/paging'
import type { DailyFigures } from './domain'

// The desk's reads: figures grouped on the database (aggregate pipelines, one per measure over
// every community at once), and the daily snapshots they are kept in.

/** Group results per pipeline: communities × a few keys, far below this. */
const GROUPS_LIMIT = 10_000

type Stage = Record<string, unknown>

/** Runs a pipeline of plain stages; answers its rows. */
async function aggregate<T>(name: CollectionName, stages: Stage[]): Promise<T[]> {
  let pipeline = collection(name).aggregate() as unknown as Record<
    string,
    (arg: unknown) => unknown
  >
  for (const stage of stages) {
    const [operator, argument] = Object.entries(stage)[0]
    pipeline = pipeline[operator.slice(1)](argument) as typeof pipeline
  }
  const { list } = (await (pipeline.limit(GROUPS_LIMIT) as { end(): Promise<unknown> }).end()) as {
    list: T[]
  }
  return list
}

const $ = () => command().aggregate

/** Counts per `key` (an object of field paths) of the documents matching `match`. */
function countBy<K>(name: CollectionName, match: object, key: K) {
  return aggregate<{ _id: K; count: number }>(name, [
    { $match: match },
    { $group: { _id: key, count: $().sum(1) } },
  ])
}

/** Per community, how many distinct needs have a document matching `match` (claims, proposals, projects). */
function distinctNeedsBy(name: CollectionName, match: object) {
  return aggregate<{ _id: string; count: number }>(name, [
    { $match: match },
    { $group: { _id: { communityId: '$communityId', needId: '$needId' } } },
    { $group: { _id: '$_id.communityId', count: $().sum(1) } },
  ])
}

export function countPersonalNeeds() {
  return countBy(COLLECTIONS.personalNeeds, {}, { communityId: '$communityId', status: '$status' })
}

export function countListedNeeds() {
  return countBy(COLLECTIONS.communityNeeds, {}, { communityId: '$communityId', status: '$status' })
}

export function countMatchedNeeds() {
  return distinctNeedsBy(COLLECTIONS.matchProposals, {
    status: command().in(['proposed', 'accepted']),
  })
}

export function countClaimedNeeds() {
  return distinctNeedsBy(COLLECTIONS.claims, { status: command().in(['pending', 'approved']) })
}

export function countNeedsWithProjects(status?: 'closed') {
  return distinctNeedsBy(COLLECTIONS.projects, status ? { status } : {})
}

export function countProjects() {
  return countBy(
    COLLECTIONS.projects,
    {},
    {
      communityId: '$communityId',
      domain: '$domain',
      status: '$status',
      reporting: $().gt(['$progressCount', 0]),
    },
  )
}

/** People served per community, from the monthly progress of its projects. */
export function sumPeopleServed() {
  return aggregate<{ _id: string; total: number }>(COLLECTIONS.projectProgress, [
    { $group: { _id: '$projectId', total: $().sum('$peopleServed') } },
    { $lookup: { from: COLLECTIONS.projects, localField: '_id', foreignField: '_id', as: 'p' } },
    { $unwind: '$p' },
    { $group: { _id: '$p.communityId', total: $().sum('$total') } },
  ])
}

/** Residents checked in at stalls, per community of the event. */
export function countStallVisits() {
  return aggregate<{ _id: string; count: number }>(COLLECTIONS.stallBookings, [
    { $match: { checkedInAt: command().exists(true) } },
    { $group: { _id: '$eventId', count: $().sum(1) } },
    { $lookup: { from: COLLECTIONS.stallEvents, localField: '_id', foreignField: '_id', as: 'e' } },
    { $unwind: '$e' },
    { $group: { _id: '$e.communityId', count: $().sum('$count') } },
  ])
}

export function countVolunteers() {
  return countBy(COLLECTIONS.volunteers, {}, { communityId: '$communityId', status: '$status' })
}

/** Credited minutes and distinct volunteers per community, of hours lines since `since` (or all). */
export function sumHours(since?: Date) {
  return aggregate<{ _id: string; minutes: number; volunteers: number }>(
    COLLECTIONS.volunteerHours,
    [
      { $match: since ? { createdAt: command().gte(since) } : {} },
      { $group: { _id: '$volunteerId', minutes: $().sum('$minutes') } },
      {
        $lookup: { from: COLLECTIONS.volunteers, localField: '_id', foreignField: '_id', as: 'v' },
      },
      { $unwind: '$v' },
      {
        $group: {
          _id: '$v.communityId',
          minutes: $().sum('$minutes'),
          volunteers: $().sum($().cond([$().gt(['$minutes', 0]), 1, 0])),
        },
      },
    ],
  )
}

export function countMediationCases() {
  return countBy(
    COLLECTIONS.mediationCases,
    {},
    { communityId: '$communityId', result: '$outcome.result' },
  )
}

export function sumDonations() {
  return aggregate<{ _id: string; count: number; amountFen: number; valueFen: number }>(
    COLLECTIONS.charityDonations,
    [
      {
        $group: {
          _id: '$streetId',
          count: $().sum(1),
          amountFen: $().sum('$amountFen'),
          valueFen: $().sum('$valueFen'),
        },
      },
    ],
  )
}

/** Offerings and distinct providers per district and provider kind. */
export function countResources() {
  return aggregate<{
    _id: { districtId: string; kind: string }
    providers: number
    offerings: number
  }>(COLLECTIONS.resourceOfferings, [
    {
      $group: {
        _id: {
          districtId: '$districtId',
          kind: '$organizationKind',
          organizationId: '$organizationId',
        },
        offerings: $().sum(1),
      },
    },
    {
      $group: {
        _id: { districtId: '$_id.districtId', kind: '$_id.kind' },
        providers: $().sum(1),
        offerings: $().sum('$offerings'),
      },
    },
  ])
}

/** The ids of the documents matching `filter` (a day's shifts: a few dozen at most). */
export async function idsWhere(name: CollectionName, filter: object): Promise<string[]> {
  const found = await readAll<{ _id: string }>(name, filter, [['_id', 'asc']], { _id: true })
  return found.map((doc) => doc._id)
}

export function findSnapshot(date: string): Promise<DailyFigures | undefined> {
  return findById<DailyFigures>(COLLECTIONS.dailyFigures, date)
}

/** Writes the day's snapshot unless one was taken already (answers whether this one was kept). */
export function insertSnapshot(snapshot: DailyFigures): Promise<boolean> {
  return insertIfAbsent(COLLECTIONS.dailyFigures, snapshot)
}

/** Writes the day's snapshot under its date (a refresh replaces the day's earlier one). */
export function saveSnapshot(snapshot: DailyFigures): Promise<void> {
  return saveDocument(COLLECTIONS.dailyFigures, snapshot)
}

/** The last snapshot taken in a month, if any. */
export async function findLastSnapshotOf(month: string): Promise<DailyFigures | undefined> {
  const [last] = await readFirst<DailyFigures>(
    COLLECTIONS.dailyFigures,
    { month },
    [['_id', 'desc']],
    1,
  )
  return last
}
