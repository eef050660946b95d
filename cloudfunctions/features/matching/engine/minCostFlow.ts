// Integer minimum-cost flow of free value from a source to a sink, by the primal network simplex
// method (the structure of LEMON's NetworkSimplex: a strongly feasible spanning tree, block-search
// pricing). A return arc sink → source turns the problem into a minimum-cost circulation, so
// flow is sent exactly while it lowers the cost. Costs and capacities must be integers whose path
// sums stay below 2^53.

import { doubled, type NumberArray } from './typedArrays'

/**
 * Typed arrays kept from one solve to the next, by name: the relaxations of a matching run differ
 * little in size, and allocating them afresh for each left most of a run's memory to the garbage
 * collector. A taken array holds whatever the last solve left there.
 */
class Workspace {
  private readonly arrays = new Map<string, NumberArray>()

  take<T extends NumberArray>(name: string, size: number, Kind: new (size: number) => T): T {
    let array = this.arrays.get(name) as T | undefined
    if (!array || array.length < size) {
      array = new Kind(Math.max(size, 2 * (array?.length ?? 0)))
      this.arrays.set(name, array)
    }
    return array.subarray(0, size) as T
  }
}

export class FlowNetwork {
  nodeCount: number
  edgeCount = 0
  private tails: Int32Array
  private heads: Int32Array
  private capacities: Float64Array
  private costs: Float64Array
  private flows: Float64Array = new Float64Array(0)
  private solvedEdges = 0
  readonly workspace = new Workspace()

  constructor(nodeCount: number, expectedEdges = 16) {
    this.nodeCount = nodeCount
    const size = Math.max(1, expectedEdges)
    this.tails = new Int32Array(size)
    this.heads = new Int32Array(size)
    this.capacities = new Float64Array(size)
    this.costs = new Float64Array(size)
  }

  /** Empties the network for another problem, keeping its arrays and workspace. */
  reset(nodeCount: number): void {
    this.nodeCount = nodeCount
    this.edgeCount = 0
    this.solvedEdges = 0
  }

  /** Adds a directed edge; returns its id for `flowOn`. */
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    if (this.edgeCount === this.tails.length) this.grow()
    const edge = this.edgeCount++
    this.tails[edge] = from
    this.heads[edge] = to
    this.capacities[edge] = capacity
    this.costs[edge] = cost
    return edge
  }

  /** Flow on an edge after `solveMinimumCostFlow`. */
  flowOn(edge: number): number {
    return edge < this.solvedEdges ? this.flows[edge] : 0
  }

  /**
   * The edges' arrays with room for `arcCount` arcs, for the simplex to append its own arcs after
   * the edges and solve in place: copies of them were the largest arrays of a run.
   */
  arcs(arcCount: number) {
    while (this.tails.length < arcCount) this.grow()
    const { tails, heads, capacities, costs } = this
    return { tails, heads, capacities, costs }
  }

  /** Keeps the solver's flows (not a copy): the next solve comes after `reset`. */
  recordFlows(flows: Float64Array): void {
    this.flows = flows
    this.solvedEdges = flows.length
  }

  private grow(): void {
    this.tails = doubled(this.tails)
    this.heads = doubled(this.heads)
    this.capacities = doubled(this.capacities)
    this.costs = doubled(this.costs)
  }
}

export interface MinCostFlowResult {
  flow: number
  cost: number
  /** Number of simplex pivots, for benchmarks. */
  pivots: number
}

const AT_LOWER = 1
const AT_UPPER = -1
const IN_TREE = 0
/** A tree arc points from the node to its parent (up) or from the parent to the node (down). */
const UP = 1
const DOWN = -1

export function solveMinimumCostFlow(
  network: FlowNetwork,
  source: number,
  sink: number,
): MinCostFlowResult {
  const simplex = new NetworkSimplex(network, source, sink)
  simplex.buildInitialTree()
  let pivots = 0
  for (let inArc = simplex.findEnteringArc(); inArc !== -1; inArc = simplex.findEnteringArc()) {
    simplex.pivot(inArc)
    pivots++
  }
  return { ...simplex.finish(), pivots }
}

/**
 * The simplex over the network's arrays and typed arrays from its workspace. Methods rather than closures
 * made per solve: optimized code that called a closure of the previous solve was thrown away at
 * the next one, so much of each solve ran unoptimized.
 */
class NetworkSimplex {
  private readonly nodeCount: number
  private readonly edgeCount: number
  private readonly root: number
  private readonly returnArc: number
  /** Arcs whose reduced cost is checked: the network's and the return arc. */
  private readonly priced: number
  private readonly blockSize: number
  private nextArc = 0
  private readonly from: Int32Array
  private readonly to: Int32Array
  private readonly cap: Float64Array
  private readonly cost: Float64Array
  private readonly flow: Float64Array
  private readonly state: Int8Array
  private readonly parent: Int32Array
  private readonly pred: Int32Array
  private readonly predDir: Int8Array
  private readonly depth: Int32Array
  private readonly potential: Float64Array
  private readonly firstChild: Int32Array
  private readonly nextSibling: Int32Array
  private readonly previousSibling: Int32Array
  private readonly stack: Int32Array

  constructor(
    private readonly network: FlowNetwork,
    source: number,
    private readonly sink: number,
  ) {
    const { nodeCount, edgeCount } = network
    this.nodeCount = nodeCount
    this.edgeCount = edgeCount
    this.root = nodeCount
    this.returnArc = edgeCount
    // Arcs: the network's, the return arc, then one artificial arc per node up to the root. The
    // artificial arcs start the tree and never carry flow (every cycle through the root is blocked
    // by one of them), so they are never priced.
    this.priced = edgeCount + 1
    this.blockSize = Math.max(10, Math.ceil(Math.sqrt(this.priced)))
    const arcCount = this.priced + nodeCount
    const work = network.workspace
    const { tails: from, heads: to, capacities: cap, costs: cost } = network.arcs(arcCount)
    this.from = from
    this.to = to
    this.cap = cap
    this.cost = cost
    this.flow = work.take('flow', arcCount, Float64Array).fill(0)
    this.state = work.take('state', arcCount, Int8Array).fill(AT_LOWER)
    let sourceOut = 0
    for (let arc = 0; arc < edgeCount; arc++) {
      if (from[arc] === source) sourceOut += cap[arc]
    }
    from[this.returnArc] = sink
    to[this.returnArc] = source
    cap[this.returnArc] = sourceOut
    cost[this.returnArc] = 0
    for (let node = 0; node < nodeCount; node++) {
      const arc = this.priced + node
      from[arc] = node
      to[arc] = this.root
      cap[arc] = Infinity
      cost[arc] = 0
    }

    const treeSize = nodeCount + 1
    this.parent = work.take('parent', treeSize, Int32Array)
    this.pred = work.take('pred', treeSize, Int32Array)
    this.predDir = work.take('predDir', treeSize, Int8Array)
    this.depth = work.take('depth', treeSize, Int32Array)
    this.potential = work.take('potential', treeSize, Float64Array)
    this.firstChild = work.take('firstChild', treeSize, Int32Array).fill(-1)
    this.nextSibling = work.take('nextSibling', treeSize, Int32Array).fill(-1)
    this.previousSibling = work.take('previousSibling', treeSize, Int32Array).fill(-1)
    this.stack = work.take('stack', treeSize, Int32Array)
    this.parent[this.root] = -1
    this.pred[this.root] = -1
    this.depth[this.root] = 0
    this.potential[this.root] = 0
  }

  /**
   * The first tree: shortest paths to the sink over arcs with room (Bellman-Ford with a queue),
   * each arc pointing up, so the tree is strongly feasible; the sink and the nodes that cannot
   * reach it hang from the root. Every arc but the return arc then prices out, and the simplex
   * starts from where successive shortest paths would.
   */
  buildInitialTree(): void {
    const { nodeCount, edgeCount, sink, from, to, cap, cost, state, pred, predDir, parent } = this
    const work = this.network.workspace
    const distance = work.take('distance', nodeCount, Float64Array).fill(Infinity)
    const towards = work.take('towards', nodeCount, Int32Array).fill(-1)
    const incoming = work.take('incoming', nodeCount + 1, Int32Array).fill(0)
    for (let arc = 0; arc < edgeCount; arc++) incoming[to[arc] + 1]++
    for (let node = 0; node < nodeCount; node++) incoming[node + 1] += incoming[node]
    const inArcs = work.take('inArcs', edgeCount, Int32Array)
    const fill = work.take('fill', nodeCount, Int32Array)
    fill.set(incoming.subarray(0, nodeCount))
    for (let arc = 0; arc < edgeCount; arc++) inArcs[fill[to[arc]]++] = arc
    const queue = work.take('queue', nodeCount, Int32Array)
    const queued = work.take('queued', nodeCount, Uint8Array).fill(0)
    let head = 0
    let length = 1
    distance[sink] = 0
    queue[0] = sink
    queued[sink] = 1
    while (length > 0) {
      const node = queue[head]
      head = head + 1 === nodeCount ? 0 : head + 1
      length--
      queued[node] = 0
      for (let at = incoming[node], end = incoming[node + 1]; at < end; at++) {
        const arc = inArcs[at]
        if (cap[arc] <= 0) continue
        const tail = from[arc]
        const candidate = distance[node] + cost[arc]
        if (candidate < distance[tail]) {
          distance[tail] = candidate
          towards[tail] = arc
          if (!queued[tail]) {
            queued[tail] = 1
            queue[(head + length) % nodeCount] = tail
            length++
          }
        }
      }
    }
    for (let node = 0; node < nodeCount; node++) {
      const arc = towards[node] === -1 || node === sink ? this.priced + node : towards[node]
      pred[node] = arc
      predDir[node] = UP
      parent[node] = to[arc]
      state[arc] = IN_TREE
    }
    for (let node = 0; node < nodeCount; node++) this.attach(node, parent[node])
    this.updateSubtree(this.root)
  }

  /**
   * Block search: scan arcs in blocks from where the last search stopped and take the most
   * violating arc of the first block that has one; −1 when every arc prices out.
   */
  findEnteringArc(): number {
    const { priced, blockSize } = this
    for (let scanned = 0; scanned < priced; scanned += blockSize) {
      const start = this.nextArc
      const count = Math.min(blockSize, priced - scanned)
      const best = this.mostViolating(start, count)
      this.nextArc = (start + count) % priced
      if (best !== -1) return best
    }
    return -1
  }

  /**
   * The arc of most negative reduced cost among `count` arcs from `start` (wrapping round), or −1.
   * A short method called per block rather than one long loop: V8 then optimizes it as a whole.
   */
  private mostViolating(start: number, count: number): number {
    const { priced, state, cost, potential, from, to } = this
    let best = -1
    let bestViolation = 0
    for (let arc = start, left = count; left > 0; left--) {
      const violation = state[arc] * (cost[arc] + potential[from[arc]] - potential[to[arc]])
      if (violation < bestViolation) {
        bestViolation = violation
        best = arc
      }
      arc = arc + 1 === priced ? 0 : arc + 1
    }
    return best
  }

  pivot(inArc: number): void {
    const { from, to, cap, flow, state, parent, pred, predDir, depth } = this
    let u = from[inArc]
    let v = to[inArc]
    while (u !== v) {
      if (depth[u] >= depth[v]) u = parent[u]
      else v = parent[v]
    }
    const join = u
    // The cycle runs first → (tree, down from the join) … in the arc's direction of change.
    const first = state[inArc] === AT_LOWER ? from[inArc] : to[inArc]
    const second = state[inArc] === AT_LOWER ? to[inArc] : from[inArc]
    let delta = cap[inArc]
    let side = 0
    let leavingNode = -1
    // Strongly feasible trees: the last blocking arc of the cycle, oriented from the join, leaves.
    for (let node = first; node !== join; node = parent[node]) {
      const arc = pred[node]
      const room = predDir[node] === DOWN ? cap[arc] - flow[arc] : flow[arc]
      if (room < delta) {
        delta = room
        leavingNode = node
        side = 1
      }
    }
    for (let node = second; node !== join; node = parent[node]) {
      const arc = pred[node]
      const room = predDir[node] === UP ? cap[arc] - flow[arc] : flow[arc]
      if (room <= delta) {
        delta = room
        leavingNode = node
        side = 2
      }
    }
    if (delta > 0) {
      const change = state[inArc] * delta
      flow[inArc] += change
      for (let node = from[inArc]; node !== join; node = parent[node]) {
        flow[pred[node]] -= predDir[node] * change
      }
      for (let node = to[inArc]; node !== join; node = parent[node]) {
        flow[pred[node]] += predDir[node] * change
      }
    }
    if (side === 0) {
      state[inArc] = -state[inArc]
      return
    }
    const outArc = pred[leavingNode]
    state[inArc] = IN_TREE
    state[outArc] = flow[outArc] === 0 ? AT_LOWER : AT_UPPER
    const enteringNode = side === 1 ? first : second
    const newParentOfEntering = side === 1 ? second : first

    // The path from the entering node up to the leaving node turns over: each node on it hangs
    // from the one below, and the entering node from the other end of the entering arc.
    let node = enteringNode
    let newParent = newParentOfEntering
    let newPred = inArc
    let newDir = enteringNode === from[inArc] ? UP : DOWN
    for (;;) {
      const oldParent = parent[node]
      const oldPred = pred[node]
      const oldDir = predDir[node]
      this.detach(node)
      this.attach(node, newParent)
      pred[node] = newPred
      predDir[node] = newDir
      if (node === leavingNode) break
      newParent = node
      newPred = oldPred
      newDir = -oldDir
      node = oldParent
    }
    // Depths and potentials of the moved subtree follow from its new parent.
    depth[enteringNode] = depth[newParentOfEntering] + 1
    this.potential[enteringNode] =
      this.potential[newParentOfEntering] - predDir[enteringNode] * this.cost[pred[enteringNode]]
    this.updateSubtree(enteringNode)
  }

  /** Flows into the network; the total cost and the flow through the return arc. */
  finish(): { flow: number; cost: number } {
    const { edgeCount, cost, flow } = this
    const flows = flow.subarray(0, edgeCount)
    let totalCost = 0
    for (let arc = 0; arc < edgeCount; arc++) totalCost += cost[arc] * flows[arc]
    this.network.recordFlows(flows)
    return { flow: flow[this.returnArc], cost: totalCost }
  }

  /** Depths and potentials below a node, from its own. */
  private updateSubtree(top: number): void {
    const { stack, firstChild, nextSibling, depth, potential, predDir, cost, pred } = this
    let size = 0
    stack[size++] = top
    while (size > 0) {
      const at = stack[--size]
      for (let child = firstChild[at]; child !== -1; child = nextSibling[child]) {
        depth[child] = depth[at] + 1
        potential[child] = potential[at] - predDir[child] * cost[pred[child]]
        stack[size++] = child
      }
    }
  }

  private detach(node: number): void {
    const { previousSibling, nextSibling, firstChild, parent } = this
    const before = previousSibling[node]
    const after = nextSibling[node]
    if (before === -1) firstChild[parent[node]] = after
    else nextSibling[before] = after
    if (after !== -1) previousSibling[after] = before
  }

  private attach(node: number, newParent: number): void {
    const { previousSibling, nextSibling, firstChild, parent } = this
    const head = firstChild[newParent]
    nextSibling[node] = head
    previousSibling[node] = -1
    if (head !== -1) previousSibling[head] = node
    firstChild[newParent] = node
    parent[node] = newParent
  }
}
