// The matching engine of 双清单: needs against resources, solved exactly as a min-cost flow.
//
// Objective (lexicographic): first maximize Σ weight × units served, then minimize
// Σ fitCost × units. The reward is folded into the costs as −weight × B with B larger than any
// total fit cost the component can reach, so the min-cost flow is the lexicographic optimum.
//
// Network per connected component: source → demand group (one edge per distinct weight,
// capacity = units of that weight) → resource (cost = fitCost) → sink (capacity = remaining).
// A demand group merges needs with the same (resource, fitCost) edges: they are
// interchangeable, so their flow is spread back over the members deterministically. Resources
// without a window are reached through a zero-cost hub per community and category, shared by
// the groups of every window there, which makes the network several times smaller.
import { FlowNetwork, solveMinimumCostFlow } from './minCostFlow'
import type {
  CommunityInfo,
  DateWindow,
  GeoPoint,
  MatchingInput,
  MatchingNeed,
  MatchingResource,
  MatchingResult,
  MatchProposal,
  UnmatchedNeed,
} from './types'

// Fit cost per unit, in points (integer, lower is better); one point is one kilometre of
// distance. A street-level listing costs 3 km more than a community-level one, a district-wide
// listing 6 km; a secondary category 4 km; each half star below 5.0 one km. The scale is kept
// coarse on purpose: the solver needs one phase per distinct path cost.
export const FIT_COST = {
  communityListing: 0,
  streetListing: 3,
  districtWide: 6,
  perKilometre: 1,
  /** Distance assumed when the community or the provider has no location. */
  unknownDistanceKm: 10,
  secondaryCategory: 4,
  perHalfStarBelowFive: 1,
  /** Rating assumed when the provider has none yet. */
  unknownRating: 3,
} as const

export type AreaLevel = 'community' | 'street' | 'district'

export function serviceAreaLevel(
  resource: MatchingResource,
  need: MatchingNeed,
): AreaLevel | undefined {
  const area = resource.serviceArea
  if (area.communityIds.includes(need.communityId)) return 'community'
  if (area.streetIds.includes(need.streetId)) return 'street'
  return area.districtWide ? 'district' : undefined
}

export function windowsOverlap(first?: DateWindow, second?: DateWindow): boolean {
  if (!first || !second) return true
  return overlapOf(first, second) !== undefined
}

export function isEligible(need: MatchingNeed, resource: MatchingResource): boolean {
  return (
    resource.remaining > 0 &&
    resource.categories.includes(need.category) &&
    serviceAreaLevel(resource, need) !== undefined &&
    windowsOverlap(need.window, resource.window)
  )
}

/** Fit cost per unit of an eligible (need, resource) pair. */
export function fitCostOf(
  need: MatchingNeed,
  resource: MatchingResource,
  communities: Record<string, CommunityInfo>,
): number {
  const areaCost = {
    community: FIT_COST.communityListing,
    street: FIT_COST.streetListing,
    district: FIT_COST.districtWide,
  }[serviceAreaLevel(resource, need) ?? 'district']
  const km = distanceKm(communities[need.communityId]?.location, resource.location)
  const distanceCost =
    FIT_COST.perKilometre * (km === undefined ? FIT_COST.unknownDistanceKm : Math.round(km))
  const categoryCost = resource.categories[0] === need.category ? 0 : FIT_COST.secondaryCategory
  const rating = resource.rating ?? FIT_COST.unknownRating
  const ratingCost = FIT_COST.perHalfStarBelowFive * Math.round((5 - rating) * 2)
  return areaCost + distanceCost + categoryCost + ratingCost
}

export function distanceKm(from?: GeoPoint, to?: GeoPoint): number | undefined {
  if (!from || !to) return undefined
  const radians = Math.PI / 180
  const deltaLat = (to.lat - from.lat) * radians
  const deltaLng = (to.lng - from.lng) * radians
  const chord =
    Math.sin(deltaLat / 2) ** 2 +
    Math.cos(from.lat * radians) * Math.cos(to.lat * radians) * Math.sin(deltaLng / 2) ** 2
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(chord)))
}

interface Allocation {
  need: number
  resource: number
  units: number
  fitCost: number
}

/** Resources without a window, seen at the same fit costs by all groups of a place and category. */
interface Hub {
  resources: number[]
  fitCosts: number[]
}

/** Interchangeable needs: same hub, same windowed resources at the same fit costs. */
interface DemandGroup {
  members: number[]
  hub?: number
  resources: number[]
  fitCosts: number[]
}

interface GroupFlow {
  resource: number
  units: number
  fitCost: number
}

export function matchNeeds(input: MatchingInput): MatchingResult {
  const { needs, resources } = input
  validate(needs, resources)
  const { groups, hubs } = buildDemandGroups(input)
  const servedUnits = new Int32Array(needs.length)
  const allocations: Allocation[] = []

  for (const component of connectedComponents(groups, hubs, resources.length)) {
    const flows = solveComponent(component, groups, hubs, needs, resources)
    for (const [groupIndex, groupFlows] of flows) {
      for (const allocation of spreadOverMembers(groups[groupIndex], groupFlows, needs)) {
        servedUnits[allocation.need] += allocation.units
        allocations.push(allocation)
      }
    }
  }
  allocations.sort((a, b) => a.need - b.need || a.fitCost - b.fitCost || a.resource - b.resource)

  const proposals: MatchProposal[] = allocations.map(({ need, resource, units, fitCost }) => ({
    needId: needs[need].id,
    resourceId: resources[resource].id,
    providerId: resources[resource].providerId,
    quantity: units,
    fitCost,
    reasons: explainProposal(needs[need], resources[resource], units, input),
  }))
  const unmatched: UnmatchedNeed[] = []
  const reasonBySituation = new Map<string, string>()
  needs.forEach((need, index) => {
    const quantityUnserved = need.quantity - servedUnits[index]
    if (quantityUnserved === 0) return
    const situation = situationKey(need)
    let reason = reasonBySituation.get(situation)
    if (reason === undefined) {
      reason = explainUnserved(need, input)
      reasonBySituation.set(situation, reason)
    }
    unmatched.push({ needId: need.id, quantityUnserved, reason })
  })

  let weightedServed = 0
  let weightedDemand = 0
  let unitsServed = 0
  let fitCost = 0
  needs.forEach((need, index) => {
    weightedServed += need.weight * servedUnits[index]
    weightedDemand += need.weight * need.quantity
    unitsServed += servedUnits[index]
  })
  for (const allocation of allocations) fitCost += allocation.fitCost * allocation.units
  return {
    proposals,
    unmatched,
    totals: { weightedServed, weightedDemand, unitsServed, fitCost },
  }
}

function validate(needs: MatchingNeed[], resources: MatchingResource[]): void {
  const isWholeAtLeast = (value: number, minimum: number) =>
    Number.isSafeInteger(value) && value >= minimum
  const checkWindow = (owner: string, window?: DateWindow) => {
    if (window && (Number.isNaN(Date.parse(window.from)) || Number.isNaN(Date.parse(window.to)))) {
      throw new RangeError(`${owner}: window must hold ISO dates`)
    }
  }
  for (const need of needs) {
    if (!isWholeAtLeast(need.quantity, 1) || !isWholeAtLeast(need.weight, 1)) {
      throw new RangeError(`need ${need.id}: quantity and weight must be integers ≥ 1`)
    }
    checkWindow(`need ${need.id}`, need.window)
  }
  for (const resource of resources) {
    if (!isWholeAtLeast(resource.remaining, 0)) {
      throw new RangeError(`resource ${resource.id}: remaining must be an integer ≥ 0`)
    }
    checkWindow(`resource ${resource.id}`, resource.window)
  }
}

// Needs of one community, street, category and window see the same resources at the same
// costs. Resources without a window go through a hub shared by all windows of that place and
// category, which keeps the network several times smaller; groups and hubs with identical
// edges are merged.
function buildDemandGroups(input: MatchingInput): { groups: DemandGroup[]; hubs: Hub[] } {
  const { needs, resources, communities } = input
  const resourcesByCategory = new Map<string, number[]>()
  resources.forEach((resource, index) => {
    if (resource.remaining <= 0) return
    for (const category of new Set(resource.categories)) {
      const list = resourcesByCategory.get(category) ?? []
      list.push(index)
      resourcesByCategory.set(category, list)
    }
  })
  const edgeKey = (edges: { resources: number[]; fitCosts: number[] }) =>
    edges.resources.map((resource, index) => `${resource}:${edges.fitCosts[index]}`).join(',')

  const hubs: Hub[] = []
  const hubByEdges = new Map<string, number>()
  const hubByPlace = new Map<string, number | undefined>()
  const groups: DemandGroup[] = []
  const groupByEdges = new Map<string, number>()
  const groupBySituation = new Map<string, number | undefined>()
  needs.forEach((need, index) => {
    const situation = situationKey(need)
    if (!groupBySituation.has(situation)) {
      const place = [need.communityId, need.streetId, need.category].join('\u0000')
      const shared: Hub = { resources: [], fitCosts: [] }
      const windowed: Hub = { resources: [], fitCosts: [] }
      for (const resourceIndex of resourcesByCategory.get(need.category) ?? []) {
        const resource = resources[resourceIndex]
        if (!serviceAreaLevel(resource, need)) continue
        const edges = resource.window ? windowed : shared
        if (resource.window && !windowsOverlap(need.window, resource.window)) continue
        edges.resources.push(resourceIndex)
        edges.fitCosts.push(fitCostOf(need, resource, communities))
      }
      if (!hubByPlace.has(place)) {
        const key = edgeKey(shared)
        if (shared.resources.length > 0 && !hubByEdges.has(key)) {
          hubByEdges.set(key, hubs.length)
          hubs.push(shared)
        }
        hubByPlace.set(place, hubByEdges.get(key))
      }
      const hub = hubByPlace.get(place)
      const key = `${hub ?? ''}|${edgeKey(windowed)}`
      if ((hub !== undefined || windowed.resources.length > 0) && !groupByEdges.has(key)) {
        groupByEdges.set(key, groups.length)
        groups.push({ members: [], hub, ...windowed })
      }
      groupBySituation.set(situation, groupByEdges.get(key))
    }
    const group = groupBySituation.get(situation)
    if (group !== undefined) groups[group].members.push(index)
  })
  return { groups, hubs }
}

/** Everything that decides which resources a need can use and at what fit cost. */
function situationKey(need: MatchingNeed): string {
  const { communityId, streetId, category, window } = need
  return [communityId, streetId, category, window?.from ?? '', window?.to ?? ''].join('\u0000')
}

interface Component {
  groups: number[]
  hubs: number[]
  resources: number[]
}

function connectedComponents(
  groups: DemandGroup[],
  hubs: Hub[],
  resourceCount: number,
): Component[] {
  // Union-find over groups, then hubs, then resources.
  const hubBase = groups.length
  const resourceBase = hubBase + hubs.length
  const parent = Array.from({ length: resourceBase + resourceCount }, (_, index) => index)
  const find = (node: number): number => {
    while (parent[node] !== node) {
      parent[node] = parent[parent[node]]
      node = parent[node]
    }
    return node
  }
  const union = (first: number, second: number) => {
    parent[find(second)] = find(first)
  }
  hubs.forEach((hub, hubIndex) => {
    for (const resource of hub.resources) union(hubBase + hubIndex, resourceBase + resource)
  })
  groups.forEach((group, groupIndex) => {
    if (group.hub !== undefined) union(groupIndex, hubBase + group.hub)
    for (const resource of group.resources) union(groupIndex, resourceBase + resource)
  })
  const byRoot = new Map<number, Component>()
  groups.forEach((_, groupIndex) => {
    const root = find(groupIndex)
    const component = byRoot.get(root) ?? { groups: [], hubs: [], resources: [] }
    component.groups.push(groupIndex)
    byRoot.set(root, component)
  })
  hubs.forEach((_, hub) => byRoot.get(find(hubBase + hub))?.hubs.push(hub))
  return [...byRoot.values()]
}

/** Returns, per group, the units it gets from each resource. */
function solveComponent(
  component: Component,
  groups: DemandGroup[],
  hubs: Hub[],
  needs: MatchingNeed[],
  resources: MatchingResource[],
): Map<number, GroupFlow[]> {
  const source = 0
  const sink = 1
  const hubNode = new Map<number, number>()
  component.hubs.forEach((hub, index) => hubNode.set(hub, 2 + component.groups.length + index))
  const resourceNode = new Map<number, number>()
  const resourceBase = 2 + component.groups.length + component.hubs.length
  const addResource = (resource: number) => {
    if (!resourceNode.has(resource)) resourceNode.set(resource, resourceBase + resourceNode.size)
  }
  const groupUnits = component.groups.map((groupIndex) =>
    groups[groupIndex].members.reduce((sum, member) => sum + needs[member].quantity, 0),
  )
  const hubUnits = new Map<number, number>()
  let maxFit = 0
  let maxWeight = 0
  let edgeEstimate = 0
  component.groups.forEach((groupIndex, position) => {
    const group = groups[groupIndex]
    for (const member of group.members) maxWeight = Math.max(maxWeight, needs[member].weight)
    if (group.hub !== undefined) {
      hubUnits.set(group.hub, (hubUnits.get(group.hub) ?? 0) + groupUnits[position])
    }
    group.resources.forEach(addResource)
    for (const fit of group.fitCosts) maxFit = Math.max(maxFit, fit)
    edgeEstimate += group.resources.length + 4
  })
  for (const hub of component.hubs) {
    hubs[hub].resources.forEach(addResource)
    for (const fit of hubs[hub].fitCosts) maxFit = Math.max(maxFit, fit)
    edgeEstimate += hubs[hub].resources.length
  }
  const supply = groupUnits.reduce((sum, units) => sum + units, 0)
  let capacity = 0
  for (const resource of resourceNode.keys()) capacity += resources[resource].remaining
  // Any two allocations differ in total fit cost by less than B, and in weighted units by a
  // whole number, so weight × B dominates every fit-cost trade-off.
  const rewardScale = maxFit * Math.min(supply, capacity) + 1
  const nodeCount = resourceBase + resourceNode.size
  if (!Number.isSafeInteger(maxWeight * rewardScale * 4 * nodeCount)) {
    throw new RangeError('matching instance too large for exact integer costs')
  }

  const network = new FlowNetwork(nodeCount, edgeEstimate + resourceNode.size)
  const directEdges: Array<{ group: number; flow: GroupFlow; edge: number }> = []
  const hubEdges: Array<{ group: number; hub: number; edge: number }> = []
  component.groups.forEach((groupIndex, position) => {
    const group = groups[groupIndex]
    const groupNode = 2 + position
    const unitsByWeight = new Map<number, number>()
    for (const member of group.members) {
      const { weight, quantity } = needs[member]
      unitsByWeight.set(weight, (unitsByWeight.get(weight) ?? 0) + quantity)
    }
    for (const [weight, units] of unitsByWeight) {
      network.addEdge(source, groupNode, units, -weight * rewardScale)
    }
    if (group.hub !== undefined) {
      const edge = network.addEdge(
        groupNode,
        hubNode.get(group.hub) as number,
        groupUnits[position],
        0,
      )
      hubEdges.push({ group: groupIndex, hub: group.hub, edge })
    }
    group.resources.forEach((resource, index) => {
      const cap = Math.min(groupUnits[position], resources[resource].remaining)
      const fitCost = group.fitCosts[index]
      const edge = network.addEdge(groupNode, resourceNode.get(resource) as number, cap, fitCost)
      directEdges.push({ group: groupIndex, flow: { resource, units: 0, fitCost }, edge })
    })
  })
  const hubOutEdges = new Map<number, Array<{ flow: GroupFlow; edge: number }>>()
  for (const hub of component.hubs) {
    const { resources: hubResources, fitCosts } = hubs[hub]
    const outgoing = hubResources.map((resource, index) => {
      const cap = Math.min(hubUnits.get(hub) ?? 0, resources[resource].remaining)
      const fitCost = fitCosts[index]
      const node = resourceNode.get(resource) as number
      const edge = network.addEdge(hubNode.get(hub) as number, node, cap, fitCost)
      return { flow: { resource, units: 0, fitCost }, edge }
    })
    hubOutEdges.set(hub, outgoing)
  }
  for (const [resource, node] of resourceNode) {
    network.addEdge(node, sink, resources[resource].remaining, 0)
  }
  solveMinimumCostFlow(network, source, sink)

  const flows = new Map<number, GroupFlow[]>()
  const addFlow = (group: number, flow: GroupFlow) => {
    if (flow.units === 0) return
    const list = flows.get(group) ?? []
    list.push(flow)
    flows.set(group, list)
  }
  for (const { group, flow, edge } of directEdges) {
    addFlow(group, { ...flow, units: network.flowOn(edge) })
  }
  // A hub passes flow through at no cost, so its resources may be shared among its groups in
  // any way that gives each group its inflow: best fit first, groups in order.
  const hubSupplies = new Map<number, GroupFlow[]>()
  for (const [hub, outgoing] of hubOutEdges) {
    const supplies = outgoing
      .map(({ flow, edge }) => ({ ...flow, units: network.flowOn(edge) }))
      .filter((flow) => flow.units > 0)
      .sort((a, b) => a.fitCost - b.fitCost || a.resource - b.resource)
    hubSupplies.set(hub, supplies)
  }
  for (const { group, hub, edge } of hubEdges) {
    let wanted = network.flowOn(edge)
    const supplies = hubSupplies.get(hub) as GroupFlow[]
    while (wanted > 0) {
      const supply = supplies[0]
      const units = Math.min(wanted, supply.units)
      addFlow(group, { ...supply, units })
      wanted -= units
      supply.units -= units
      if (supply.units === 0) supplies.shift()
    }
  }
  return flows
}

// Members are interchangeable within a group, so any split is optimal; this one serves higher
// weights first, then the earliest window, then the id, and fills each need from the
// best-fitting resource first so that a need gets as few providers as possible.
function spreadOverMembers(
  group: DemandGroup,
  groupFlows: GroupFlow[],
  needs: MatchingNeed[],
): Allocation[] {
  const members = [...group.members].sort((a, b) => {
    const first = needs[a]
    const second = needs[b]
    return (
      second.weight - first.weight ||
      compareWindowStart(first.window, second.window) ||
      (first.id < second.id ? -1 : first.id > second.id ? 1 : 0)
    )
  })
  const supplies = groupFlows
    .map((flow) => ({ ...flow }))
    .sort((a, b) => a.fitCost - b.fitCost || a.resource - b.resource)
  // Higher weights cost less, so an optimal flow fills a group's weights from the top: serving
  // members in weight order reproduces the flow on every source edge.
  const result: Allocation[] = []
  let supplyAt = 0
  for (const member of members) {
    let wanted = needs[member].quantity
    while (wanted > 0 && supplyAt < supplies.length) {
      const supply = supplies[supplyAt]
      const units = Math.min(wanted, supply.units)
      result.push({ need: member, resource: supply.resource, units, fitCost: supply.fitCost })
      wanted -= units
      supply.units -= units
      if (supply.units === 0) supplyAt++
    }
  }
  return result
}

function compareWindowStart(first?: DateWindow, second?: DateWindow): number {
  if (!first || !second) return (first ? 0 : 1) - (second ? 0 : 1)
  return Date.parse(first.from) - Date.parse(second.from)
}

function overlapOf(first: DateWindow, second: DateWindow): DateWindow | undefined {
  const from = Date.parse(first.from) >= Date.parse(second.from) ? first.from : second.from
  const to = Date.parse(first.to) <= Date.parse(second.to) ? first.to : second.to
  return Date.parse(from) <= Date.parse(to) ? { from, to } : undefined
}

function explainProposal(
  need: MatchingNeed,
  resource: MatchingResource,
  units: number,
  input: MatchingInput,
): string[] {
  const reasons: string[] = []
  const level = serviceAreaLevel(resource, need)
  if (level === 'community') reasons.push(`服务范围覆盖${need.communityName}`)
  if (level === 'street') {
    reasons.push(`服务范围覆盖${input.streets?.[need.streetId]?.name ?? '该社区所在街道'}`)
  }
  if (level === 'district') reasons.push('服务范围为全区')
  reasons.push(
    resource.categories[0] === need.category
      ? `「${need.category}」是该组织的主要服务类别`
      : `该组织也提供「${need.category}」服务（非主要类别）`,
  )
  const km = distanceKm(input.communities[need.communityId]?.location, resource.location)
  reasons.push(
    km === undefined
      ? `位置信息不全，距离按约 ${FIT_COST.unknownDistanceKm} 公里估算`
      : `距离${need.communityName}约 ${km.toFixed(1)} 公里`,
  )
  reasons.push(
    resource.rating === undefined ? '暂无评分' : `评分 ${Math.round(resource.rating * 10) / 10}`,
  )
  const overlap = need.window && resource.window && overlapOf(need.window, resource.window)
  if (overlap) reasons.push(`服务时间与需求时间重叠（${overlap.from} 至 ${overlap.to}）`)
  reasons.push(
    `剩余容量 ${resource.remaining} ${resource.unit}，本次分配 ${units} ${resource.unit}`,
  )
  return reasons
}

// Names the first filter that leaves no resource: category, area, time, capacity.
function explainUnserved(need: MatchingNeed, input: MatchingInput): string {
  const category = need.category
  const offering = input.resources.filter((resource) => resource.categories.includes(category))
  if (offering.length === 0) return `没有提供「${category}」类服务的资源`
  const covering = offering.filter((resource) => serviceAreaLevel(resource, need))
  if (covering.length === 0) return `没有服务范围覆盖该社区的「${category}」类资源`
  const timely = covering.filter((resource) => windowsOverlap(need.window, resource.window))
  if (timely.length === 0) {
    return `时间不匹配：覆盖该社区的「${category}」类资源的服务时间与需求时间不重叠`
  }
  if (timely.every((resource) => resource.remaining === 0)) {
    return `符合条件的「${category}」类资源本期已无剩余容量`
  }
  return '同类资源容量已全部分配给优先级更高或更合适的需求'
}
