// The matching engine of 双清单: needs against resources, solved as a min-cost flow, with whole
// (unsplittable) needs all-or-nothing inside the optimisation.
//
// Objective (lexicographic): first maximize Σ weight × units served, then minimize
// Σ fitCost × units. The reward is folded into the costs as −weight × B with B larger than any
// total fit cost a component can reach, so a min-cost flow is the lexicographic optimum.
//
// Network per connected component: source → demand group (one edge per distinct weight) →
// resource (cost = fit cost) → sink (capacity = what is left in the period). A group gathers
// interchangeable needs: the same place, kind, time window and wording, hence the same edges.
// Resources without a window are reached through a hub per place and kind at their plain cost
// (wording that fits nothing in particular), shared by every group there; a group whose wording
// fits such a resource better has its own edge to it. That keeps the network several times
// smaller than one edge per need and resource.
//
// Whole needs: the flow relaxes them (they may split); whole members are then packed into their
// group's flow, and a local search puts the whole needs left out where serving them gains weight.
// When that leaves nothing over, the relaxation is the optimum; otherwise a dive (fix what packed,
// re-solve) and then a branch-and-bound over whole needs (serve n wholly from r, for each r, or not
// at all) close the gap within one work budget, with the relaxation as bound, and the result says
// how far from the bound it is.
import { explainProposal, UnservedExplainer } from './explain'
import { FIT_COST, kindFitOf, placeCostOf, seatsFit, serviceAreaLevel, windowsOverlap } from './fit'
import { FlowNetwork, solveMinimumCostFlow } from './minCostFlow'
import { textFitOf, TextProfiles, type TextFit, type TextProfile } from './textSimilarity'
import { doubled } from './typedArrays'
import { placeIdOf, situationIdOf, TupleIds } from './tupleIds'
import type {
  DateWindow,
  MatchingInput,
  MatchingNeed,
  MatchingResource,
  MatchingResult,
  MatchProposal,
  UnmatchedNeed,
} from './types'

/** Arcs of dive and branch-and-bound relaxations allowed per run, unless the input says otherwise. */
export const DEFAULT_EXACT_WORK = 200_000

/** Relaxations the dive may solve; each settles every whole need the last one left split. */
const DIVE_STEPS = 40

export interface Allocation {
  need: number
  resource: number
  units: number
  fitCost: number
  textFit: TextFit
}

/** An edge of the model, a resource at a cost: its row in the model's `EdgeTable`. */
type Edge = number

const TEXT_FITS: readonly TextFit[] = ['none', 'related', 'same']

/**
 * Every edge of the model in flat arrays, named by row. An object per edge was some 120,000
 * objects at district scale, the largest part of what building the model kept, and what grew V8's
 * young generation to its largest.
 */
class EdgeTable {
  private resources = new Int32Array(1024)
  private costs = new Float64Array(1024)
  private textFits = new Uint8Array(1024)
  private count = 0

  add(resource: number, cost: number, textFit: TextFit): Edge {
    if (this.count === this.resources.length) this.grow()
    this.resources[this.count] = resource
    this.costs[this.count] = cost
    this.textFits[this.count] = TEXT_FITS.indexOf(textFit)
    return this.count++
  }

  resource(edge: Edge): number {
    return this.resources[edge]
  }

  cost(edge: Edge): number {
    return this.costs[edge]
  }

  textFit(edge: Edge): TextFit {
    return TEXT_FITS[this.textFits[edge]]
  }

  private grow(): void {
    this.resources = doubled(this.resources)
    this.costs = doubled(this.costs)
    this.textFits = doubled(this.textFits)
  }
}

/** Resources without a window of one place and kind, at their plain (wording-blind) cost. */
interface Hub {
  edges: Edge[]
}

/** Interchangeable needs: the same hub and the same direct edges at the same costs. */
interface Group {
  members: number[]
  whole: boolean
  hub: number
  edges: Edge[]
}

interface Model {
  input: MatchingInput
  edges: EdgeTable
  groups: Group[]
  hubs: Hub[]
  /** The group of each need, −1 when no resource may serve it. */
  groupOf: Int32Array
}

export function matchNeeds(input: MatchingInput): MatchingResult {
  const { needs, resources } = input
  validate(needs, resources)
  const { allocations, exact, weightedServedBound } = allocate(input)
  const merged = mergeAllocations(allocations)

  const servedUnits = new Int32Array(needs.length)
  for (const allocation of merged) servedUnits[allocation.need] += allocation.units
  const proposals: MatchProposal[] = merged.map((allocation) => ({
    needId: needs[allocation.need].id,
    resourceId: resources[allocation.resource].id,
    providerId: resources[allocation.resource].providerId,
    quantity: allocation.units,
    fitCost: allocation.fitCost,
    reasons: explainProposal(allocation, servedUnits[allocation.need], input),
  }))
  const explainer = new UnservedExplainer(input)
  const unmatched: UnmatchedNeed[] = []
  needs.forEach((need, index) => {
    const quantityUnserved = need.quantity - servedUnits[index]
    if (quantityUnserved === 0) return
    unmatched.push({
      needId: need.id,
      quantityUnserved,
      reason: explainer.reasonFor(need, servedUnits[index]),
    })
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
  for (const allocation of merged) fitCost += allocation.fitCost * allocation.units
  const bound = Math.max(weightedServedBound, weightedServed)
  return {
    proposals,
    unmatched,
    totals: { weightedServed, weightedDemand, unitsServed, fitCost },
    optimality: {
      exact,
      weightedServedBound: bound,
      gap: bound === 0 ? 0 : 1 - weightedServed / bound,
    },
  }
}

/**
 * The optimisation, apart from the explanations: its model, networks and indexes are garbage once
 * it returns, before the reasons are written.
 */
function allocate(input: MatchingInput) {
  const model = buildModel(input, new TextProfiles())
  const budget = { work: input.exactWork ?? DEFAULT_EXACT_WORK }
  // One network for every relaxation of the run, cleared each time, so its arrays are reused.
  const network = new FlowNetwork(2)
  const allocations: Allocation[] = []
  let exact = true
  let weightedServedBound = 0
  for (const component of connectedComponents(model)) {
    const outcome = solveComponent(model, component, network, budget)
    allocations.push(...outcome.allocations)
    exact &&= outcome.exact
    weightedServedBound += outcome.weightedBound
  }
  return { allocations, exact, weightedServedBound }
}

/** One allocation per need and resource, best fit first within a need. */
function mergeAllocations(allocations: Allocation[]): Allocation[] {
  const sorted = [...allocations].sort(
    (a, b) => a.need - b.need || a.resource - b.resource || a.fitCost - b.fitCost,
  )
  const merged: Allocation[] = []
  for (const allocation of sorted) {
    const last = merged[merged.length - 1]
    if (last && last.need === allocation.need && last.resource === allocation.resource) {
      last.units += allocation.units
    } else merged.push({ ...allocation })
  }
  return merged.sort((a, b) => a.need - b.need || a.fitCost - b.fitCost || a.resource - b.resource)
}

function validate(needs: MatchingNeed[], resources: MatchingResource[]): void {
  const isWholeAtLeast = (value: number, minimum: number) =>
    Number.isSafeInteger(value) && value >= minimum
  const checkWindow = (owner: string, window?: DateWindow) => {
    if (window && (Number.isNaN(Date.parse(window.from)) || Number.isNaN(Date.parse(window.to)))) {
      throw new RangeError(`${owner}: window must hold ISO dates`)
    }
  }
  const checkSeats = (owner: string, seats?: number) => {
    if (seats !== undefined && !isWholeAtLeast(seats, 1)) {
      throw new RangeError(`${owner}: seats must be an integer ≥ 1`)
    }
  }
  for (const need of needs) {
    if (!isWholeAtLeast(need.quantity, 1) || !isWholeAtLeast(need.weight, 1)) {
      throw new RangeError(`need ${need.id}: quantity and weight must be integers ≥ 1`)
    }
    checkWindow(`need ${need.id}`, need.window)
    checkSeats(`need ${need.id}`, need.seats)
  }
  for (const resource of resources) {
    if (!isWholeAtLeast(resource.remaining, 0)) {
      throw new RangeError(`resource ${resource.id}: remaining must be an integer ≥ 0`)
    }
    checkWindow(`resource ${resource.id}`, resource.window)
    checkSeats(`resource ${resource.id}`, resource.seats)
  }
}

/** Whole needs of one unit are served whole by any flow. */
function isWhole(need: MatchingNeed): boolean {
  return need.whole === true && need.quantity > 1
}

function buildModel(input: MatchingInput, profiles: TextProfiles): Model {
  const { needs, resources, communities } = input
  const byKind = new Map<string, number[]>()
  resources.forEach((resource, index) => {
    if (resource.remaining <= 0) return
    for (const kind of new Set([resource.kind, ...(resource.hosts ?? [])])) {
      const list = byKind.get(kind) ?? []
      list.push(index)
      byKind.set(kind, list)
    }
  })
  const resourceProfiles = resources.map((resource) =>
    profiles.profile(resource.title, resource.description),
  )
  const profileIds = new Map<TextProfile, number>()
  const idOf = (profile: TextProfile) => {
    let id = profileIds.get(profile)
    if (id === undefined) {
      id = profileIds.size
      profileIds.set(profile, id)
    }
    return id
  }
  // Lines repeat their wording (助学名额 from several providers), so each pair is compared once.
  const fits = new Map<number, TextFit>()
  const fitBetween = (need: TextProfile, resource: TextProfile): TextFit => {
    const key = idOf(need) * 0x100000 + idOf(resource)
    let fit = fits.get(key)
    if (fit === undefined) {
      fit = textFitOf(need, resource)
      fits.set(key, fit)
    }
    return fit
  }

  interface Candidate {
    resource: number
    placeCost: number
  }
  interface Place {
    hub: number
    plain: Candidate[]
    timed: Candidate[]
    /** Per wording (profile id): its edges to `timed` (aligned) and to the plain resources it fits better than the hub's price. */
    worded: Map<number, { timed: Edge[]; plain: Edge[] }>
  }
  const edges = new EdgeTable()
  const hubs: Hub[] = []
  const ids = new TupleIds()
  const places = new Map<number, Place>()
  /** Per situation, the positions in its place's `timed` whose window overlaps the need's. */
  const timedBySituation = new Map<number, number[]>()
  const groups: Group[] = []
  const groupByKey = new Map<number, number>()
  // Groups with the same edges merge; found by a hash of the edges, then compared edge by edge.
  const groupsByHash = new Map<number, number[]>()
  const groupOf = new Int32Array(needs.length)

  needs.forEach((need, index) => {
    const placeKey = placeIdOf(ids, need)
    let place = places.get(placeKey)
    if (!place) {
      const plain: Candidate[] = []
      const timed: Candidate[] = []
      for (const resource of byKind.get(need.kind) ?? []) {
        const offered = resources[resource]
        if (!kindFitOf(offered, need) || !serviceAreaLevel(offered, need)) continue
        if (!seatsFit(need, offered)) continue
        const candidate = { resource, placeCost: placeCostOf(need, offered, communities) }
        ;(offered.window ? timed : plain).push(candidate)
      }
      let hub = -1
      if (plain.length > 0) {
        hub = hubs.length
        hubs.push({
          edges: plain.map(({ resource, placeCost }) =>
            edges.add(resource, placeCost + FIT_COST.text.none, 'none'),
          ),
        })
      }
      place = { hub, plain, timed, worded: new Map() }
      places.set(placeKey, place)
    }
    const situationKey = situationIdOf(ids, placeKey, need)
    let timed = timedBySituation.get(situationKey)
    if (!timed) {
      timed = []
      place.timed.forEach(({ resource }, position) => {
        if (windowsOverlap(need.window, resources[resource].window)) timed?.push(position)
      })
      timedBySituation.set(situationKey, timed)
    }
    const profile = profiles.profile(need.title, need.description)
    const profileId = idOf(profile)
    const whole = isWhole(need)
    const groupKey = ids.ofPair(ids.ofPair(situationKey, profileId), whole ? 1 : 0)
    let group = groupByKey.get(groupKey)
    if (group === undefined) {
      // Edges are shared by every group of the place with this wording, not built per group.
      let worded = place.worded.get(profileId)
      if (!worded) {
        const textFitTo = ({ resource }: Candidate) =>
          fitBetween(profile, resourceProfiles[resource])
        const edgeTo = (candidate: Candidate, textFit = textFitTo(candidate)) =>
          edges.add(candidate.resource, candidate.placeCost + FIT_COST.text[textFit], textFit)
        // Through the hub a plain resource costs its wording-blind price; a better fit is its own edge.
        const plain: Edge[] = []
        for (const candidate of place.plain) {
          const textFit = textFitTo(candidate)
          if (textFit !== 'none') plain.push(edgeTo(candidate, textFit))
        }
        worded = { timed: place.timed.map((candidate) => edgeTo(candidate)), plain }
        place.worded.set(profileId, worded)
      }
      const direct = mergeByResource(edges, timed, worded.timed, worded.plain)
      const { hub } = place
      if (hub === -1 && direct.length === 0) {
        group = -1
      } else {
        const hash = edgesHash(edges, whole, hub, direct)
        const sameHash = groupsByHash.get(hash) ?? []
        group = sameHash.find((candidate) => {
          const other = groups[candidate]
          return other.whole === whole && other.hub === hub && sameEdges(edges, other.edges, direct)
        })
        if (group === undefined) {
          group = groups.length
          groups.push({ members: [], whole, hub, edges: direct })
          sameHash.push(group)
          groupsByHash.set(hash, sameHash)
        }
      }
      groupByKey.set(groupKey, group)
    }
    groupOf[index] = group
    if (group >= 0) groups[group].members.push(index)
  })
  return { input, edges, groups, hubs, groupOf }
}

/**
 * The timed edges at `positions` and the worded plain ones, by resource: both lists are already in
 * resource order (candidates follow `byKind`), so a merge rather than a sort per group.
 */
function mergeByResource(
  edges: EdgeTable,
  positions: number[],
  timed: Edge[],
  plain: Edge[],
): Edge[] {
  const merged: Edge[] = []
  let next = 0
  for (const position of positions) {
    const edge = timed[position]
    const resource = edges.resource(edge)
    while (next < plain.length && edges.resource(plain[next]) < resource) merged.push(plain[next++])
    merged.push(edge)
  }
  while (next < plain.length) merged.push(plain[next++])
  return merged
}

/** The edge to a resource in a list in resource order, by bisection; −1 when there is none. */
function findEdge(edges: EdgeTable, list: Edge[], resource: number): Edge {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (edges.resource(list[middle]) < resource) low = middle + 1
    else high = middle
  }
  return low < list.length && edges.resource(list[low]) === resource ? list[low] : -1
}

function edgesHash(edges: EdgeTable, whole: boolean, hub: number, list: Edge[]): number {
  let hash = Math.imul(whole ? 1 : 2, 0x9e3779b1) ^ hub
  for (const edge of list) {
    hash = Math.imul(hash ^ edges.resource(edge), 0x01000193)
    hash = Math.imul(hash ^ edges.cost(edge), 0x01000193)
  }
  return hash
}

/** The same resources at the same costs (both sorted by resource). */
function sameEdges(edges: EdgeTable, first: Edge[], second: Edge[]): boolean {
  return (
    first.length === second.length &&
    first.every(
      (edge, at) =>
        edges.resource(edge) === edges.resource(second[at]) &&
        edges.cost(edge) === edges.cost(second[at]),
    )
  )
}

interface Component {
  groups: number[]
  hubs: number[]
  resources: number[]
}

function connectedComponents(model: Model): Component[] {
  const { edges, groups, hubs } = model
  const resourceCount = model.input.resources.length
  // Union-find over groups, then hubs, then resources.
  const hubBase = groups.length
  const resourceBase = hubBase + hubs.length
  const parent = new Int32Array(resourceBase + resourceCount)
  for (let node = 0; node < parent.length; node++) parent[node] = node
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
    for (const edge of hub.edges) union(hubBase + hubIndex, resourceBase + edges.resource(edge))
  })
  groups.forEach((group, groupIndex) => {
    if (group.hub !== -1) union(groupIndex, hubBase + group.hub)
    for (const edge of group.edges) union(groupIndex, resourceBase + edges.resource(edge))
  })
  const byRoot = new Map<number, Component>()
  groups.forEach((_, groupIndex) => {
    const root = find(groupIndex)
    const component = byRoot.get(root) ?? { groups: [], hubs: [], resources: [] }
    component.groups.push(groupIndex)
    byRoot.set(root, component)
  })
  hubs.forEach((_, hub) => byRoot.get(find(hubBase + hub))?.hubs.push(hub))
  for (let resource = 0; resource < resourceCount; resource++) {
    byRoot.get(find(resourceBase + resource))?.resources.push(resource)
  }
  return [...byRoot.values()]
}

/**
 * Owners' edges (a group's or a hub's) listed by resource in flat typed arrays: offsets, owner and
 * position in the owner's list. A map of arrays per resource and component was much of what a
 * district run promoted to the old generation.
 */
class EdgesByResource {
  private readonly starts: Int32Array
  private readonly owners: Int32Array
  private readonly positions: Int32Array

  constructor(
    edges: EdgeTable,
    resourceCount: number,
    owners: number[],
    private readonly edgesOf: (owner: number) => Edge[],
  ) {
    const starts = new Int32Array(resourceCount + 1)
    for (const owner of owners) {
      for (const edge of edgesOf(owner)) starts[edges.resource(edge) + 1]++
    }
    for (let resource = 0; resource < resourceCount; resource++) {
      starts[resource + 1] += starts[resource]
    }
    const next = starts.slice(0, resourceCount)
    this.owners = new Int32Array(starts[resourceCount])
    this.positions = new Int32Array(starts[resourceCount])
    for (const owner of owners) {
      edgesOf(owner).forEach((edge, position) => {
        const at = next[edges.resource(edge)]++
        this.owners[at] = owner
        this.positions[at] = position
      })
    }
    this.starts = starts
  }

  /** Visits the owners with an edge to the resource, in the order they were given. */
  forEach(resource: number, visit: (owner: number, edge: Edge) => void): void {
    for (let at = this.starts[resource]; at < this.starts[resource + 1]; at++) {
      const owner = this.owners[at]
      visit(owner, this.edgesOf(owner)[this.positions[at]])
    }
  }
}

/** Whole needs decided in a branch: served wholly by a resource, or not at all. */
interface Decisions {
  assigned: Map<number, number>
  dropped: Set<number>
}

/** Units a group receives from a resource in a relaxation. */
interface Supply {
  resource: number
  units: number
  cost: number
  textFit: TextFit
}

interface Relaxation {
  decisions: Decisions
  /** Σ edge cost × flow, the decided needs' share included: the objective. */
  cost: number
  weighted: number
  supplies: Map<number, Supply[]>
  /** Σ weight × units each group receives. */
  groupWeighted: Map<number, number>
}

/** An allocation that serves every need it names as the rules say, and what it is worth. */
interface Solution {
  allocations: Allocation[]
  cost: number
  weighted: number
}

class ComponentSolver {
  private readonly needs: MatchingNeed[]
  private readonly resources: MatchingResource[]
  private readonly edges: EdgeTable
  /** Larger than any total fit cost of the component: weight × B dominates every fit trade-off. */
  private readonly rewardScale: number
  readonly arcs: number

  constructor(
    private readonly model: Model,
    private readonly component: Component,
    private readonly network: FlowNetwork,
  ) {
    this.needs = model.input.needs
    this.resources = model.input.resources
    this.edges = model.edges
    const { edges, groups, hubs } = model
    let maxFit = 0
    let maxWeight = 0
    let supply = 0
    let arcs = component.resources.length
    for (const groupIndex of component.groups) {
      const group = groups[groupIndex]
      for (const member of group.members) {
        maxWeight = Math.max(maxWeight, this.needs[member].weight)
        supply += this.needs[member].quantity
      }
      for (const edge of group.edges) maxFit = Math.max(maxFit, edges.cost(edge))
      arcs += group.edges.length + 2
    }
    for (const hub of component.hubs) {
      for (const edge of hubs[hub].edges) maxFit = Math.max(maxFit, edges.cost(edge))
      arcs += hubs[hub].edges.length
    }
    let capacity = 0
    for (const resource of component.resources) capacity += this.resources[resource].remaining
    this.arcs = arcs
    this.rewardScale = maxFit * Math.min(supply, capacity) + 1
    const nodes = 2 + component.groups.length + component.hubs.length + component.resources.length
    if (!Number.isSafeInteger(maxWeight * this.rewardScale * 4 * nodes)) {
      throw new RangeError('matching instance too large for exact integer costs')
    }
  }

  /** The objective of an allocation: −B × weight + fit cost. */
  private valueOf(allocations: Allocation[]): Solution {
    let weighted = 0
    let fit = 0
    for (const { need, units, fitCost } of allocations) {
      weighted += this.needs[need].weight * units
      fit += fitCost * units
    }
    return { allocations, weighted, cost: -this.rewardScale * weighted + fit }
  }

  private reach?: {
    /** Per resource, the groups with a direct edge to it. */
    direct: EdgesByResource
    /** Per group, the last resource (+1) visited with a direct edge from it. */
    directTo: Int32Array
    viaHubs: EdgesByResource
    groupsOfHub: Map<number, number[]>
  }

  /**
   * Visits each group that reaches a resource, at its cost (a direct edge over the hub's). Indexed
   * by resource and by hub rather than listing every group of a hub under each of its resources:
   * a district-wide hub has thousands of groups.
   */
  private forEachGroupReaching(resource: number, visit: (group: number, edge: Edge) => void) {
    const reach = (this.reach ??= this.reachIndex())
    const stamp = resource + 1
    reach.direct.forEach(resource, (group, edge) => {
      reach.directTo[group] = stamp
      visit(group, edge)
    })
    reach.viaHubs.forEach(resource, (hub, edge) => {
      for (const group of reach.groupsOfHub.get(hub) ?? []) {
        if (reach.directTo[group] !== stamp) visit(group, edge)
      }
    })
  }

  private reachIndex(): NonNullable<ComponentSolver['reach']> {
    const { edges, groups, hubs, input } = this.model
    const groupsOfHub = new Map<number, number[]>()
    for (const group of this.component.groups) {
      const { hub } = groups[group]
      if (hub === -1) continue
      const list = groupsOfHub.get(hub)
      if (list) list.push(group)
      else groupsOfHub.set(hub, [group])
    }
    const resourceCount = input.resources.length
    return {
      direct: new EdgesByResource(
        edges,
        resourceCount,
        this.component.groups,
        (group) => groups[group].edges,
      ),
      directTo: new Int32Array(groups.length),
      viaHubs: new EdgesByResource(
        edges,
        resourceCount,
        this.component.hubs,
        (hub) => hubs[hub].edges,
      ),
      groupsOfHub,
    }
  }

  /**
   * Every resource a group reaches, at its cost: its hub's in the hub's order (a direct edge
   * standing in for the hub's), then those only a direct edge reaches. Both lists are in resource
   * order, so they are merged per call rather than indexed in a map per group, which kept some
   * 70,000 entries alive through a district run.
   */
  private edgesOf(groupIndex: number): Edge[] {
    const { hub, edges: direct } = this.model.groups[groupIndex]
    if (hub === -1) return direct
    const { edges } = this
    const viaHub = this.model.hubs[hub].edges
    const reached: Edge[] = []
    let next = 0
    for (const edge of viaHub) {
      const resource = edges.resource(edge)
      while (next < direct.length && edges.resource(direct[next]) < resource) next++
      const own = next < direct.length && edges.resource(direct[next]) === resource
      reached.push(own ? direct[next] : edge)
    }
    for (const edge of direct) {
      if (findEdge(edges, viaHub, edges.resource(edge)) === -1) reached.push(edge)
    }
    return reached
  }

  /** The edge from a group to a resource, direct or through its hub; −1 when there is none. */
  private edgeOf(groupIndex: number, resource: number): Edge {
    const { hub, edges: direct } = this.model.groups[groupIndex]
    const edge = findEdge(this.edges, direct, resource)
    return edge !== -1 || hub === -1
      ? edge
      : findEdge(this.edges, this.model.hubs[hub].edges, resource)
  }

  /** The allocation of units of a need along an edge. */
  private allocationOf(need: number, edge: Edge, units: number): Allocation {
    const { edges } = this
    return {
      need,
      resource: edges.resource(edge),
      units,
      fitCost: edges.cost(edge),
      textFit: edges.textFit(edge),
    }
  }

  /** Units a group receives along an edge. */
  private supplyOf(edge: Edge, units: number): Supply {
    const { edges } = this
    return {
      resource: edges.resource(edge),
      units,
      cost: edges.cost(edge),
      textFit: edges.textFit(edge),
    }
  }

  private readonly rankedMembers = new Map<number, number[]>()

  /** A group's members by priority (`byPriority`), sorted once for every relaxation. */
  private ranked(groupIndex: number): number[] {
    let members = this.rankedMembers.get(groupIndex)
    if (!members) {
      members = [...this.model.groups[groupIndex].members].sort(this.byPriority)
      this.rankedMembers.set(groupIndex, members)
    }
    return members
  }

  /** The group's members no decision has settled, by priority. */
  private undecided(groupIndex: number, decisions: Decisions): number[] {
    return this.ranked(groupIndex).filter((member) => !isDecided(member, decisions))
  }

  /** The min-cost flow with the undecided whole needs allowed to split. */
  relax(decisions: Decisions): Relaxation {
    const { groups, hubs } = this.model
    const { component, edges, needs, resources } = this
    // Indexed by resource: typed arrays, since this runs for every relaxation of the search.
    const left = new Int32Array(resources.length)
    for (const resource of component.resources) left[resource] = resources[resource].remaining
    let constant = 0
    let constantWeighted = 0
    for (const [need, resource] of decisions.assigned) {
      const { quantity, weight } = needs[need]
      left[resource] -= quantity
      const edge = this.edgeOf(this.model.groupOf[need], resource)
      constant += (-this.rewardScale * weight + edges.cost(edge)) * quantity
      constantWeighted += weight * quantity
    }

    const source = 0
    const sink = 1
    const groupBase = 2
    const hubBase = groupBase + component.groups.length
    const resourceBase = hubBase + component.hubs.length
    const hubNode = new Map(component.hubs.map((hub, position) => [hub, hubBase + position]))
    const resourceNode = new Int32Array(resources.length)
    component.resources.forEach((resource, position) => {
      resourceNode[resource] = resourceBase + position
    })
    const { network } = this
    network.reset(resourceBase + component.resources.length)
    const hubUnits = new Map<number, number>()
    const sourceEdges: Array<{ group: number; weight: number; id: number }> = []
    // Direct edges as (group, position in its edges, network id) in typed arrays the run reuses:
    // a relaxation has hundreds of thousands. At most `arcs` of them.
    const { workspace } = network
    const directGroups = workspace.take('directGroups', this.arcs, Int32Array)
    const directEdgeAt = workspace.take('directEdgeAt', this.arcs, Int32Array)
    const directIds = workspace.take('directIds', this.arcs, Int32Array)
    let directCount = 0
    const hubEdges: Array<{ group: number; hub: number; id: number }> = []
    // A group's units per distinct weight, in the order the weights first occur among its members;
    // kept across groups rather than a map per group.
    const weights: number[] = []
    const unitsOfWeight: number[] = []
    component.groups.forEach((groupIndex, position) => {
      const group = groups[groupIndex]
      weights.length = 0
      unitsOfWeight.length = 0
      let units = 0
      for (const member of group.members) {
        if (isDecided(member, decisions)) continue
        const { weight, quantity } = needs[member]
        let at = weights.indexOf(weight)
        if (at === -1) {
          at = weights.push(weight) - 1
          unitsOfWeight.push(0)
        }
        unitsOfWeight[at] += quantity
        units += quantity
      }
      if (units === 0) return
      const groupNode = groupBase + position
      weights.forEach((weight, at) => {
        const id = network.addEdge(source, groupNode, unitsOfWeight[at], -weight * this.rewardScale)
        sourceEdges.push({ group: groupIndex, weight, id })
      })
      if (group.hub !== -1) {
        const id = network.addEdge(groupNode, hubNode.get(group.hub) as number, units, 0)
        hubEdges.push({ group: groupIndex, hub: group.hub, id })
        hubUnits.set(group.hub, (hubUnits.get(group.hub) ?? 0) + units)
      }
      for (let at = 0; at < group.edges.length; at++) {
        const edge = group.edges[at]
        const resource = edges.resource(edge)
        const room = Math.min(units, left[resource])
        if (room <= 0) continue
        directGroups[directCount] = groupIndex
        directEdgeAt[directCount] = at
        directIds[directCount++] = network.addEdge(
          groupNode,
          resourceNode[resource],
          room,
          edges.cost(edge),
        )
      }
    })
    const hubOut = new Map<number, Array<{ edge: Edge; id: number }>>()
    for (const hub of component.hubs) {
      const units = hubUnits.get(hub) ?? 0
      if (units === 0) continue
      const outgoing: Array<{ edge: Edge; id: number }> = []
      for (const edge of hubs[hub].edges) {
        const resource = edges.resource(edge)
        const room = Math.min(units, left[resource])
        if (room <= 0) continue
        const node = resourceNode[resource]
        outgoing.push({
          edge,
          id: network.addEdge(hubNode.get(hub) as number, node, room, edges.cost(edge)),
        })
      }
      hubOut.set(hub, outgoing)
    }
    for (const resource of component.resources) {
      const node = resourceNode[resource]
      const room = left[resource]
      if (room > 0) network.addEdge(node, sink, room, 0)
    }
    const { cost } = solveMinimumCostFlow(network, source, sink)

    const supplies = new Map<number, Supply[]>()
    const addSupply = (group: number, supply: Supply) => {
      if (supply.units === 0) return
      const list = supplies.get(group) ?? []
      list.push(supply)
      supplies.set(group, list)
    }
    for (let at = 0; at < directCount; at++) {
      const units = network.flowOn(directIds[at])
      if (units === 0) continue
      const group = directGroups[at]
      addSupply(group, this.supplyOf(groups[group].edges[directEdgeAt[at]], units))
    }
    // A hub passes flow through at no cost, so its resources may be shared among its groups in any
    // way that gives each group its inflow (in an optimal flow no group then gets, through the hub,
    // a resource its own cheaper edge could have taken): best fit first, groups in order.
    const hubSupplies = new Map<number, Supply[]>()
    for (const [hub, outgoing] of hubOut) {
      const pool: Supply[] = []
      for (const { edge, id } of outgoing) {
        const units = network.flowOn(id)
        if (units > 0) pool.push(this.supplyOf(edge, units))
      }
      hubSupplies.set(hub, pool.sort(byFit))
    }
    for (const { group, hub, id } of hubEdges) {
      let wanted = network.flowOn(id)
      const pool = hubSupplies.get(hub) as Supply[]
      while (wanted > 0) {
        const supply = pool[0]
        const units = Math.min(wanted, supply.units)
        addSupply(group, { ...supply, units })
        wanted -= units
        supply.units -= units
        if (supply.units === 0) pool.shift()
      }
    }
    let weighted = constantWeighted
    const groupWeighted = new Map<number, number>()
    for (const { group, weight, id } of sourceEdges) {
      const value = weight * network.flowOn(id)
      weighted += value
      groupWeighted.set(group, (groupWeighted.get(group) ?? 0) + value)
    }
    return { decisions, cost: cost + constant, weighted, supplies, groupWeighted }
  }

  /**
   * The relaxation's flow of a splittable group over its members. Members are interchangeable, so
   * any split is optimal; this one serves higher weights first (an optimal flow fills a group's
   * weights from the top), then the earliest window, then the id, each from the best-fitting
   * resource first so that a need gets as few providers as possible.
   */
  spread(groupIndex: number, supplies: Supply[], decisions: Decisions): Allocation[] {
    const members = this.undecided(groupIndex, decisions)
    const pool = supplies.map((supply) => ({ ...supply })).sort(byFit)
    const result: Allocation[] = []
    let at = 0
    for (const member of members) {
      let wanted = this.needs[member].quantity
      while (wanted > 0 && at < pool.length) {
        const supply = pool[at]
        const units = Math.min(wanted, supply.units)
        result.push({
          need: member,
          resource: supply.resource,
          units,
          fitCost: supply.cost,
          textFit: supply.textFit,
        })
        wanted -= units
        supply.units -= units
        if (supply.units === 0) at++
      }
    }
    return result
  }

  private readonly byPriority = (a: number, b: number): number => {
    const first = this.needs[a]
    const second = this.needs[b]
    return (
      second.weight - first.weight ||
      second.quantity - first.quantity ||
      compareWindowStart(first.window, second.window) ||
      (first.id < second.id ? -1 : first.id > second.id ? 1 : 0)
    )
  }

  /**
   * A feasible allocation from a relaxation: each whole group's members are packed whole into the
   * units its resources sent (highest weight first, each to the best-fitting resource with room);
   * units left over go back to whoever may use them, highest weight first. `conflicts` are the
   * whole needs the relaxation served in parts or partly.
   */
  round(relaxation: Relaxation): { solution: Solution; conflicts: number[] } {
    const { decisions, supplies } = relaxation
    const { needs } = this
    const allocations: Allocation[] = []
    for (const [need, resource] of decisions.assigned) {
      const edge = this.edgeOf(this.model.groupOf[need], resource)
      allocations.push(this.allocationOf(need, edge, needs[need].quantity))
    }
    const freed = new Map<number, number>()
    const conflicts: number[] = []
    for (const [groupIndex, groupSupplies] of supplies) {
      const group = this.model.groups[groupIndex]
      if (!group.whole) {
        allocations.push(...this.spread(groupIndex, groupSupplies, decisions))
        continue
      }
      const pool = groupSupplies.map((supply) => ({ ...supply })).sort(byFit)
      const members = this.undecided(groupIndex, decisions)
      const unpacked: number[] = []
      let packedWeighted = 0
      for (const member of members) {
        const quantity = needs[member].quantity
        // Best fit: the supply with the least room that holds the need, so large rooms stay whole.
        let supply: Supply | undefined
        for (const candidate of pool) {
          if (candidate.units >= quantity && (!supply || candidate.units < supply.units)) {
            supply = candidate
          }
        }
        if (!supply) {
          unpacked.push(member)
          continue
        }
        packedWeighted += needs[member].weight * quantity
        allocations.push({
          need: member,
          resource: supply.resource,
          units: quantity,
          fitCost: supply.cost,
          textFit: supply.textFit,
        })
        supply.units -= quantity
      }
      const leftover = pool.filter((supply) => supply.units > 0)
      if (leftover.length > 0 || packedWeighted < (relaxation.groupWeighted.get(groupIndex) ?? 0)) {
        conflicts.push(...unpacked)
      }
      for (const supply of leftover) {
        freed.set(supply.resource, (freed.get(supply.resource) ?? 0) + supply.units)
      }
    }
    if (freed.size > 0) allocations.push(...this.refill(freed, allocations, decisions))
    return { solution: this.valueOf(this.insertWholeNeeds(allocations)), conflicts }
  }

  /**
   * Local search on a feasible allocation: each unserved whole need, highest weight first, takes
   * the resource where serving it gains the most weight, pushing out splittable units of lower
   * weight when the room is short. Rounding strands such needs when their relaxed flow came from
   * several resources; this puts them back wherever that serves more.
   */
  private insertWholeNeeds(allocations: Allocation[]): Allocation[] {
    const { edges, needs, resources } = this
    const result = allocations.map((allocation) => ({ ...allocation }))
    const left = new Map<number, number>()
    for (const resource of this.component.resources)
      left.set(resource, resources[resource].remaining)
    const served = new Set<number>()
    // Per resource, its splittable allocations, lowest weight first: what may be pushed out.
    const splittableOn = new Map<number, Allocation[]>()
    for (const allocation of result) {
      left.set(allocation.resource, (left.get(allocation.resource) as number) - allocation.units)
      served.add(allocation.need)
      if (isWhole(needs[allocation.need])) continue
      const list = splittableOn.get(allocation.resource) ?? []
      list.push(allocation)
      splittableOn.set(allocation.resource, list)
    }
    const lighterFirst = (a: Allocation, b: Allocation) =>
      needs[a.need].weight - needs[b.need].weight || b.fitCost - a.fitCost || b.need - a.need
    for (const list of splittableOn.values()) list.sort(lighterFirst)

    const waiting: number[] = []
    for (const groupIndex of this.component.groups) {
      if (!this.model.groups[groupIndex].whole) continue
      for (const member of this.model.groups[groupIndex].members) {
        if (!served.has(member)) waiting.push(member)
      }
    }
    waiting.sort(this.byPriority)
    for (const need of waiting) {
      const { weight, quantity } = needs[need]
      let best: { edge: Edge; gain: number } | undefined
      for (const edge of this.edgesOf(this.model.groupOf[need])) {
        const resource = edges.resource(edge)
        let short = quantity - (left.get(resource) as number)
        let lost = 0
        for (const allocation of splittableOn.get(resource) ?? []) {
          if (short <= 0 || needs[allocation.need].weight >= weight) break
          const units = Math.min(short, allocation.units)
          lost += needs[allocation.need].weight * units
          short -= units
        }
        if (short > 0) continue
        const gain = weight * quantity - lost
        if (
          gain > 0 &&
          (!best ||
            gain > best.gain ||
            (gain === best.gain && edges.cost(edge) < edges.cost(best.edge)))
        ) {
          best = { edge, gain }
        }
      }
      if (!best) continue
      const resource = edges.resource(best.edge)
      let short = quantity - (left.get(resource) as number)
      const pool = splittableOn.get(resource) ?? []
      while (short > 0) {
        const allocation = pool[0]
        const units = Math.min(short, allocation.units)
        allocation.units -= units
        short -= units
        if (allocation.units === 0) pool.shift()
      }
      left.set(resource, Math.max(0, (left.get(resource) as number) - quantity))
      result.push(this.allocationOf(need, best.edge, quantity))
    }
    return result.filter((allocation) => allocation.units > 0)
  }

  /** Gives freed units to the needs that may use them: highest weight, then best fit, first. */
  private refill(
    freed: Map<number, number>,
    allocations: Allocation[],
    decisions: Decisions,
  ): Allocation[] {
    const { edges, needs } = this
    const served = new Int32Array(needs.length)
    for (const allocation of allocations) served[allocation.need] += allocation.units
    const added: Allocation[] = []
    const resources = [...freed.keys()].sort((a, b) => a - b)
    /** Can no longer take a freed unit: decided, served in full, or a whole need served at all. */
    const isSettled = (need: number) =>
      served[need] === needs[need].quantity ||
      (served[need] > 0 && isWhole(needs[need])) ||
      isDecided(need, decisions)
    // Per group, how many of its ranked members are settled: served only grows, so skip them once.
    const settledPrefix = new Map<number, number>()
    /** The group's first member by priority that may take units of a resource with this room. */
    const firstTaker = (groupIndex: number, room: number): number => {
      const members = this.ranked(groupIndex)
      let at = settledPrefix.get(groupIndex) ?? 0
      while (at < members.length && isSettled(members[at])) at++
      settledPrefix.set(groupIndex, at)
      for (; at < members.length; at++) {
        const need = members[at]
        if (isSettled(need) || (isWhole(needs[need]) && needs[need].quantity > room)) continue
        return need
      }
      return -1
    }
    // Each freed resource has a few units and thousands of needs in reach: pick the best one at a
    // time rather than sorting them all. Within a group every member has the same edge, so its best
    // is its first taker by priority.
    const better = (need: number, edge: Edge, than: { need: number; edge: Edge }) =>
      (needs[than.need].weight - needs[need].weight ||
        edges.cost(edge) - edges.cost(than.edge) ||
        this.byPriority(need, than.need)) < 0
    for (const resource of resources) {
      let room = freed.get(resource) as number
      while (room > 0) {
        let best: { need: number; edge: Edge } | undefined
        this.forEachGroupReaching(resource, (groupIndex, edge) => {
          const need = firstTaker(groupIndex, room)
          if (need !== -1 && (!best || better(need, edge, best))) best = { need, edge }
        })
        if (!best) break
        const { need, edge } = best
        const units = Math.min(needs[need].quantity - served[need], room)
        added.push(this.allocationOf(need, edge, units))
        served[need] += units
        room -= units
      }
    }
    return added
  }

  isWholeNeed(need: number): boolean {
    return isWhole(this.needs[need])
  }

  /** The ways to decide a whole need: each resource with room, best relaxed flow first; then none. */
  branches(relaxation: Relaxation, need: number): Decisions[] {
    const { decisions } = relaxation
    const { quantity } = this.needs[need]
    const groupIndex = this.model.groupOf[need]
    const used = new Map<number, number>()
    for (const [assignedNeed, resource] of decisions.assigned) {
      used.set(resource, (used.get(resource) ?? 0) + this.needs[assignedNeed].quantity)
    }
    const relaxedFlow = new Map<number, number>()
    for (const supply of relaxation.supplies.get(groupIndex) ?? []) {
      relaxedFlow.set(supply.resource, (relaxedFlow.get(supply.resource) ?? 0) + supply.units)
    }
    const { edges } = this
    const options = this.edgesOf(groupIndex)
      .map((edge) => ({ resource: edges.resource(edge), cost: edges.cost(edge) }))
      .filter(
        ({ resource }) =>
          this.resources[resource].remaining - (used.get(resource) ?? 0) >= quantity,
      )
      .sort(
        (a, b) =>
          (relaxedFlow.get(b.resource) ?? 0) - (relaxedFlow.get(a.resource) ?? 0) ||
          a.cost - b.cost ||
          a.resource - b.resource,
      )
    return [
      ...options.map(({ resource }) => ({
        assigned: new Map([...decisions.assigned, [need, resource]]),
        dropped: decisions.dropped,
      })),
      { assigned: decisions.assigned, dropped: new Set([...decisions.dropped, need]) },
    ]
  }
}

function isDecided(need: number, decisions: Decisions): boolean {
  return decisions.assigned.has(need) || decisions.dropped.has(need)
}

function byFit(a: Supply, b: Supply): number {
  return a.cost - b.cost || a.resource - b.resource
}

interface ComponentOutcome {
  allocations: Allocation[]
  exact: boolean
  weightedBound: number
}

function solveComponent(
  model: Model,
  component: Component,
  network: FlowNetwork,
  budget: { work: number },
): ComponentOutcome {
  const solver = new ComponentSolver(model, component, network)
  const root = solver.relax({ assigned: new Map(), dropped: new Set() })
  const first = solver.round(root)
  if (first.conflicts.length === 0 || first.solution.cost === root.cost) {
    return { allocations: first.solution.allocations, exact: true, weightedBound: root.weighted }
  }
  let best = dive(solver, root, first, budget)
  if (best.cost === root.cost) {
    return { allocations: best.allocations, exact: true, weightedBound: root.weighted }
  }
  // Depth first over whole needs, the relaxation as bound; each node is charged its arcs.
  const open: Array<{ decisions: Decisions; boundWeighted: number }> = solver
    .branches(root, first.conflicts[0])
    .reverse()
    .map((decisions) => ({ decisions, boundWeighted: root.weighted }))
  while (open.length > 0) {
    if (budget.work < solver.arcs) {
      const bound = open.reduce((most, node) => Math.max(most, node.boundWeighted), best.weighted)
      return { allocations: best.allocations, exact: false, weightedBound: bound }
    }
    budget.work -= solver.arcs
    const { decisions } = open.pop() as (typeof open)[number]
    const relaxation = solver.relax(decisions)
    if (relaxation.cost >= best.cost) continue
    const { solution, conflicts } = solver.round(relaxation)
    if (solution.cost < best.cost) best = solution
    if (conflicts.length === 0 || relaxation.cost >= best.cost) continue
    for (const branch of solver.branches(relaxation, conflicts[0]).reverse()) {
      open.push({ decisions: branch, boundWeighted: relaxation.weighted })
    }
  }
  return { allocations: best.allocations, exact: true, weightedBound: best.weighted }
}

/**
 * A good allocation fast, as the incumbent of the search: keep the whole needs the rounding packed
 * where it packed them, leave out those it could not pack, let the flow re-route everything else
 * around them, and repeat until the relaxation needs no rounding.
 */
function dive(
  solver: ComponentSolver,
  root: Relaxation,
  first: { solution: Solution; conflicts: number[] },
  budget: { work: number },
): Solution {
  let best = first.solution
  let { decisions } = root
  let rounded = first
  for (let step = 0; step < DIVE_STEPS && rounded.conflicts.length > 0; step++) {
    if (budget.work < solver.arcs) break
    budget.work -= solver.arcs
    const assigned = new Map(decisions.assigned)
    const dropped = new Set(decisions.dropped)
    for (const { need, resource } of rounded.solution.allocations) {
      if (solver.isWholeNeed(need) && !assigned.has(need)) assigned.set(need, resource)
    }
    for (const need of rounded.conflicts) if (!assigned.has(need)) dropped.add(need)
    decisions = { assigned, dropped }
    rounded = solver.round(solver.relax(decisions))
    if (rounded.solution.cost < best.cost) best = rounded.solution
  }
  return best
}

function compareWindowStart(first?: DateWindow, second?: DateWindow): number {
  if (!first || !second) return (first ? 0 : 1) - (second ? 0 : 1)
  return first.from < second.from ? -1 : first.from > second.from ? 1 : 0
}
