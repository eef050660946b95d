import type { Caller } from '../../shared/caller'
import type { ServiceDomain } from '../../shared/categories'
import type { OutputsOf } from '../../shared/endpoints'
import { AppError } from '../../shared/errors'
import { defineService } from '../../shared/handler'
import { isDistrictAdmin, overseesStreet } from '../../shared/roles'
import { storeFile, temporaryUrl } from '../../shared/storage'
import { DAY_MS, addDays, chinaDateOf, chinaDateTimeOf } from '../../shared/time'
import type { DistrictTree } from '../directory/domain'
import { loadDistrictTree } from '../directory/repository'
import { deskInputs, type DeskApi, type DeskNodeRef, type DeskOverviewView } from './contract'
import { deskWorkbook } from './deskExport'
import {
  ACTIVE_WITHIN_DAYS,
  TREND_MONTHS,
  emptyFigures,
  monthsUpTo,
  sumFigures,
  trendOf,
  type CommunityFigures,
  type DailyFigures,
  type ProjectStage,
} from './domain'
import {
  countClaimedNeeds,
  countListedNeeds,
  countMatchedNeeds,
  countMediationCases,
  countNeedsWithProjects,
  countPersonalNeeds,
  countProjects,
  countResources,
  countStallVisits,
  countVolunteers,
  findLastSnapshotOf,
  findSnapshot,
  insertSnapshot,
  saveSnapshot,
  sumDonations,
  sumHours,
  sumPeopleServed,
} from './repository'
import { todosOf } from './todos'
import { toFiguresView, toHeadline } from './views'

// The street and district desk: figures across district → street → community, read from the day's
// snapshot (taken by the timer at 00:30, or by the first desk opened that day) so a desk over a
// year of records reads a handful of documents, and each snapshot is counted on the database.

export const deskService = defineService<typeof deskInputs, OutputsOf<DeskApi>>(deskInputs, {
  async overview(input, caller) {
    const now = new Date()
    const tree = await loadDistrictTree()
    const { scope, id } = input
    const node = resolveNode(caller, tree, scope && id ? { scope, id } : undefined)
    const snapshot = await latestSnapshot(now)
    return overviewOf(node, snapshot, await monthEnds(snapshot), tree)
  },

  async exportTables(input, caller) {
    const now = new Date()
    const tree = await loadDistrictTree()
    const node = resolveNode(caller, tree, input)
    const snapshot = await latestSnapshot(now)
    const view = overviewOf(node, snapshot, await monthEnds(snapshot), tree)
    const { fileName, content } = await deskWorkbook(view)
    // One file per node, replaced by each export: nothing piles up in storage.
    const fileId = await storeFile(`exports/desk-${node.scope}-${node.id}.xlsx`, content)
    return { fileName, url: await temporaryUrl(fileId) }
  },

  async refresh(_input, caller) {
    resolveNode(caller, await loadDistrictTree(), undefined)
    const snapshot = await takeSnapshot(new Date())
    await saveSnapshot(snapshot)
    return { takenAt: chinaDateTimeOf(snapshot.takenAt) }
  },

  async todos(_input, caller) {
    return todosOf(caller)
  },
})

/** A node of the tree the caller may see, with what it holds. */
interface ResolvedNode extends DeskNodeRef {
  districtId: string
  path: DeskNodeRef[]
  communityIds: string[]
  streetIds: string[]
}

function resolveNode(
  caller: Caller,
  tree: DistrictTree,
  asked: { scope: DeskNodeRef['scope']; id: string } | undefined,
): ResolvedNode {
  const ref = asked ?? defaultNodeOf(caller)
  if (!ref) throw new AppError('FORBIDDEN', '数据服务台仅供街道和区级管理员使用')
  const districtOf = (id: string) => tree.districts.find((district) => district._id === id)
  if (ref.scope === 'district') {
    const district = districtOf(ref.id)
    if (!district) throw new AppError('NOT_FOUND', '所选区县不存在')
    if (!isDistrictAdmin(caller, district._id)) {
      throw new AppError('FORBIDDEN', `您不是${district.name}的管理员，无法查看`)
    }
    const here = { scope: 'district' as const, id: district._id, name: district.name }
    const streets = tree.streets.filter((street) => street.districtId === district._id)
    return {
      ...here,
      districtId: district._id,
      path: [here],
      streetIds: streets.map((street) => street._id),
      communityIds: tree.communities
        .filter((community) => community.districtId === district._id)
        .map((community) => community._id),
    }
  }
  const community =
    ref.scope === 'community' ? tree.communities.find((item) => item._id === ref.id) : undefined
  if (ref.scope === 'community' && !community) throw new AppError('NOT_FOUND', '所选社区不存在')
  const street = tree.streets.find((item) => item._id === (community?.streetId ?? ref.id))
  if (!street) throw new AppError('NOT_FOUND', '所选街道不存在')
  if (!overseesStreet(caller, street)) {
    throw new AppError('FORBIDDEN', `您不是${street.name}的管理员，无法查看`)
  }
  const district = districtOf(street.districtId)
  const path: DeskNodeRef[] = [
    ...(district && isDistrictAdmin(caller, district._id)
      ? [{ scope: 'district' as const, id: district._id, name: district.name }]
      : []),
    { scope: 'street', id: street._id, name: street.name },
    ...(community
      ? [{ scope: 'community' as const, id: community._id, name: community.name }]
      : []),
  ]
  const here = path[path.length - 1]
  return {
    ...here,
    districtId: street.districtId,
    path,
    streetIds: [street._id],
    communityIds: community
      ? [community._id]
      : tree.communities.filter((item) => item.streetId === street._id).map((item) => item._id),
  }
}

/** A district admin opens on their district, a street admin on their street. */
function defaultNodeOf(caller: Caller): { scope: DeskNodeRef['scope']; id: string } | undefined {
  for (const role of caller.roles) {
    if (role.kind === 'district_admin') return { scope: 'district', id: role.districtId }
  }
  for (const role of caller.roles) {
    if (role.kind === 'street_admin') return { scope: 'street', id: role.streetId }
  }
  return undefined
}

function overviewOf(
  node: ResolvedNode,
  snapshot: DailyFigures,
  ends: Map<string, DailyFigures>,
  tree: DistrictTree,
): DeskOverviewView {
  const byCommunity = new Map(snapshot.communities.map((figures) => [figures.communityId, figures]))
  const figuresOf = (id: string, communityIds: string[], from = byCommunity) =>
    sumFigures(
      id,
      communityIds.map((communityId) => from.get(communityId) ?? emptyFigures(communityId)),
    )
  const total = figuresOf(node.id, node.communityIds)
  const children =
    node.scope === 'district'
      ? tree.streets
          .filter((street) => node.streetIds.includes(street._id))
          .map((street) => ({
            scope: 'street' as const,
            id: street._id,
            name: street.name,
            ids: tree.communities
              .filter((community) => community.streetId === street._id)
              .map((community) => community._id),
          }))
      : node.scope === 'street'
        ? tree.communities
            .filter((community) => node.communityIds.includes(community._id))
            .map((community) => ({
              scope: 'community' as const,
              id: community._id,
              name: community.name,
              ids: [community._id],
            }))
        : []
  const months = monthsUpTo(snapshot.month, TREND_MONTHS)
  const monthFigures = (doc: DailyFigures | undefined) =>
    doc &&
    figuresOf(
      node.id,
      node.communityIds,
      new Map(doc.communities.map((figures) => [figures.communityId, figures])),
    )
  const atMonthEnd = new Map<string, CommunityFigures>()
  for (const month of months) {
    const figures = monthFigures(ends.get(month))
    if (figures) atMonthEnd.set(month, figures)
  }
  return {
    scope: node.scope,
    id: node.id,
    name: node.name,
    path: node.path,
    takenAt: chinaDateTimeOf(snapshot.takenAt),
    headline: toHeadline(total),
    figures: toFiguresView(
      total,
      snapshot.streets.filter((street) => node.streetIds.includes(street.streetId)),
      snapshot.districts.find((district) => district.districtId === node.districtId),
    ),
    children: children.map(({ ids, ...child }) => ({
      ...child,
      headline: toHeadline(figuresOf(child.id, ids)),
    })),
    trends: trendOf(months, monthFigures(ends.get(monthBefore(months[0]))), atMonthEnd),
    canExport: true,
    canRefresh: true,
  }
}

function monthBefore(month: string): string {
  return monthsUpTo(month, 2)[0]
}

/** The last snapshot of each trend month (the current one is today's) and of the month before. */
async function monthEnds(today: DailyFigures): Promise<Map<string, DailyFigures>> {
  const months = monthsUpTo(today.month, TREND_MONTHS + 1).slice(0, -1)
  const found = await Promise.all(months.map((month) => findLastSnapshotOf(month)))
  const ends = new Map<string, DailyFigures>([[today.month, today]])
  found.forEach((doc, index) => doc && ends.set(months[index], doc))
  return ends
}

/**
 * Today's snapshot, or yesterday's until the timer has run (00:30) so the desk opens at once; with
 * neither (a new deployment, a timer that failed), the figures are counted now and kept for the day.
 */
async function latestSnapshot(now: Date): Promise<DailyFigures> {
  const today = chinaDateOf(now)
  const kept = (await findSnapshot(today)) ?? (await findSnapshot(addDays(today, -1)))
  if (kept) return kept
  const snapshot = await takeSnapshot(now)
  await insertSnapshot(snapshot)
  return snapshot
}

/** Every community's figures now, each measure counted on the database in one pipeline. */
async function takeSnapshot(now: Date): Promise<DailyFigures> {
  const [
    tree,
    personalNeeds,
    listedNeeds,
    matched,
    claimed,
    withProject,
    closedProject,
    projects,
    served,
    visits,
    volunteers,
    hours,
    recentHours,
    cases,
    donations,
    resources,
  ] = await Promise.all([
    loadDistrictTree(),
    countPersonalNeeds(),
    countListedNeeds(),
    countMatchedNeeds(),
    countClaimedNeeds(),
    countNeedsWithProjects(),
    countNeedsWithProjects('closed'),
    countProjects(),
    sumPeopleServed(),
    countStallVisits(),
    countVolunteers(),
    sumHours(),
    sumHours(new Date(now.getTime() - ACTIVE_WITHIN_DAYS * DAY_MS)),
    countMediationCases(),
    sumDonations(),
    countResources(),
  ])
  const figures = new Map(
    tree.communities.map((community) => [community._id, emptyFigures(community._id)]),
  )
  const each = <R>(
    rows: R[],
    communityOf: (row: R) => string,
    add: (f: CommunityFigures, row: R) => void,
  ) => {
    for (const row of rows) {
      const into = figures.get(communityOf(row))
      if (into) add(into, row)
    }
  }
  each(
    personalNeeds,
    (row) => row._id.communityId,
    (f, row) => {
      if (row._id.status === 'open') f.personalNeedsOpen += row.count
      if (row._id.status === 'accepted') f.personalNeedsAccepted += row.count
    },
  )
  each(
    listedNeeds,
    (row) => row._id.communityId,
    (f, row) => {
      f.funnel.published += row.count
      if (row._id.status === 'open' || row._id.status === 'partly_served') {
        f.listedNeedsOpen += row.count
      }
    },
  )
  each(
    matched,
    (row) => row._id,
    (f, row) => (f.funnel.matched = row.count),
  )
  each(
    claimed,
    (row) => row._id,
    (f, row) => (f.funnel.claimed = row.count),
  )
  each(
    withProject,
    (row) => row._id,
    (f, row) => (f.funnel.project = row.count),
  )
  each(
    closedProject,
    (row) => row._id,
    (f, row) => (f.funnel.closed = row.count),
  )
  each(
    projects,
    (row) => row._id.communityId,
    (f, row) => {
      const closed = row._id.status === 'closed'
      if (closed) f.projectsClosed += row.count
      else f.projectsActive += row.count
      const stage: ProjectStage = closed ? 'closed' : row._id.reporting ? 'underWay' : 'starting'
      const stages = (f.projects[row._id.domain as ServiceDomain] ??= {
        starting: 0,
        underWay: 0,
        closed: 0,
      })
      stages[stage] += row.count
    },
  )
  each(
    served,
    (row) => row._id,
    (f, row) => (f.projectPeopleServed = row.total),
  )
  each(
    visits,
    (row) => row._id,
    (f, row) => (f.stallVisits = row.count),
  )
  each(
    volunteers,
    (row) => row._id.communityId,
    (f, row) => {
      if (row._id.status === 'verified') f.volunteersVerified += row.count
      if (row._id.status === 'verified' || row._id.status === 'pending') {
        f.volunteersRegistered += row.count
      }
    },
  )
  each(
    hours,
    (row) => row._id,
    (f, row) => (f.hoursMinutes = row.minutes),
  )
  each(
    recentHours,
    (row) => row._id,
    (f, row) => (f.volunteersActive = row.volunteers),
  )
  each(
    cases,
    (row) => row._id.communityId,
    (f, row) => {
      f.mediationCases += row.count
      if (row._id.result === 'success') f.mediationSucceeded += row.count
    },
  )
  const districts = new Map<string, DailyFigures['districts'][number]>()
  for (const row of resources) {
    const district = districts.get(row._id.districtId) ?? {
      districtId: row._id.districtId,
      resources: {},
    }
    district.resources[row._id.kind as keyof typeof district.resources] = {
      providers: row.providers,
      offerings: row.offerings,
    }
    districts.set(district.districtId, district)
  }
  const date = chinaDateOf(now)
  return {
    _id: date,
    month: date.slice(0, 7),
    takenAt: now,
    communities: [...figures.values()],
    streets: donations.map((row) => ({
      streetId: row._id,
      donations: row.count,
      donationsFen: (row.amountFen ?? 0) + (row.valueFen ?? 0),
    })),
    districts: [...districts.values()],
  }
}

/** The desk function's daily timer: records today's snapshot, once (a second run keeps the first). */
export async function deskOnTimer(): Promise<{
  date: string
  communities: number
  taken: boolean
}> {
  const now = new Date()
  const date = chinaDateOf(now)
  const kept = await findSnapshot(date)
  if (kept) return { date, communities: kept.communities.length, taken: false }
  const snapshot = await takeSnapshot(now)
  const taken = await insertSnapshot(snapshot)
  return { date, communities: snapshot.communities.length, taken }
}
