// Integer minimum-cost flow (primal-dual): Dijkstra on reduced costs finds the shortest
// augmenting path length, then blocking flows (Dinic) push flow along every path of that
// length, so there is one Dijkstra per distinct path cost instead of one per path.
// Flow is sent only while the shortest source→sink path has negative cost, so the result is a
// minimum-cost flow of free value. Costs and capacities must be integers whose path sums stay
// below 2^53; the initial residual network must have no negative cycle.

export class FlowNetwork {
  readonly nodeCount: number
  edgeCount = 0
  private tails: Int32Array
  private heads: Int32Array
  private capacities: Float64Array
  private costs: Float64Array
  private flows: Float64Array = new Float64Array(0)

  constructor(nodeCount: number, expectedEdges = 16) {
    this.nodeCount = nodeCount
    const size = Math.max(1, expectedEdges)
    this.tails = new Int32Array(size)
    this.heads = new Int32Array(size)
    this.capacities = new Float64Array(size)
    this.costs = new Float64Array(size)
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
    return this.flows[edge] ?? 0
  }

  edges() {
    const { edgeCount, tails, heads, capacities, costs } = this
    return { edgeCount, tails, heads, capacities, costs }
  }

  recordFlows(flows: Float64Array): void {
    this.flows = flows
  }

  private grow(): void {
    const size = this.tails.length * 2
    const grown = <T extends Int32Array | Float64Array>(old: T, fresh: T): T => {
      fresh.set(old)
      return fresh
    }
    this.tails = grown(this.tails, new Int32Array(size))
    this.heads = grown(this.heads, new Int32Array(size))
    this.capacities = grown(this.capacities, new Float64Array(size))
    this.costs = grown(this.costs, new Float64Array(size))
  }
}

export interface MinCostFlowResult {
  flow: number
  cost: number
  /** Number of Dijkstra runs, for benchmarks. */
  phases: number
}

/** Residual network in compressed rows: the arcs of node v are first[v] .. first[v + 1] - 1. */
interface ResidualNetwork {
  first: Int32Array
  target: Int32Array
  twin: Int32Array
  residual: Float64Array
  cost: Float64Array
  /** Position of each edge's forward arc. */
  forwardArc: Int32Array
}

function buildResidualNetwork(network: FlowNetwork): ResidualNetwork {
  const { edgeCount, tails, heads, capacities, costs } = network.edges()
  const first = new Int32Array(network.nodeCount + 1)
  for (let edge = 0; edge < edgeCount; edge++) {
    first[tails[edge] + 1]++
    first[heads[edge] + 1]++
  }
  for (let node = 0; node < network.nodeCount; node++) first[node + 1] += first[node]
  const fill = first.slice(0, network.nodeCount)
  const arcs = edgeCount * 2
  const target = new Int32Array(arcs)
  const twin = new Int32Array(arcs)
  const residual = new Float64Array(arcs)
  const cost = new Float64Array(arcs)
  const forwardArc = new Int32Array(edgeCount)
  for (let edge = 0; edge < edgeCount; edge++) {
    const forward = fill[tails[edge]]++
    const backward = fill[heads[edge]]++
    target[forward] = heads[edge]
    target[backward] = tails[edge]
    twin[forward] = backward
    twin[backward] = forward
    residual[forward] = capacities[edge]
    cost[forward] = costs[edge]
    cost[backward] = -costs[edge]
    forwardArc[edge] = forward
  }
  return { first, target, twin, residual, cost, forwardArc }
}

export function solveMinimumCostFlow(
  network: FlowNetwork,
  source: number,
  sink: number,
): MinCostFlowResult {
  const { nodeCount } = network
  const residualNetwork = buildResidualNetwork(network)
  const { first, target, twin, residual, cost } = residualNetwork
  const potential = initialPotentials(nodeCount, residualNetwork, source)
  const distance = new Float64Array(nodeCount)
  const settled = new Uint8Array(nodeCount)
  const level = new Int32Array(nodeCount)
  const currentArc = new Int32Array(nodeCount)
  const queue = new Int32Array(nodeCount)
  const heap = new MinHeap()
  const path: number[] = []
  let totalFlow = 0
  let totalCost = 0
  let phases = 0

  // Dijkstra stopped at the sink; nodes not settled get the sink's distance so that reduced
  // costs stay non-negative. Returns false when the sink is unreachable.
  const updatePotentials = (): boolean => {
    distance.fill(Infinity)
    settled.fill(0)
    heap.clear()
    distance[source] = 0
    heap.push(0, source)
    let sinkDistance = Infinity
    while (heap.size > 0) {
      const key = heap.topKey()
      const node = heap.pop()
      if (settled[node] || key > distance[node]) continue
      settled[node] = 1
      if (node === sink) {
        sinkDistance = key
        break
      }
      const nodePotential = potential[node]
      for (let arc = first[node], end = first[node + 1]; arc < end; arc++) {
        if (residual[arc] <= 0) continue
        const to = target[arc]
        const candidate = key + cost[arc] + nodePotential - potential[to]
        if (candidate < distance[to]) {
          distance[to] = candidate
          heap.push(candidate, to)
        }
      }
    }
    if (sinkDistance === Infinity) return false
    for (let node = 0; node < nodeCount; node++) {
      potential[node] += settled[node] ? distance[node] : sinkDistance
    }
    return true
  }

  // Levels over admissible arcs (residual > 0, reduced cost 0): every such path is shortest.
  // Nodes at or beyond the sink's level cannot lie on a shortest level path, so stop there.
  const buildLevels = (): boolean => {
    level.fill(-1)
    level[source] = 0
    let readAt = 0
    let writeAt = 0
    queue[writeAt++] = source
    while (readAt < writeAt) {
      const node = queue[readAt++]
      if (level[sink] !== -1 && level[node] >= level[sink] - 1) break
      const nodePotential = potential[node]
      for (let arc = first[node], end = first[node + 1]; arc < end; arc++) {
        if (residual[arc] <= 0) continue
        const to = target[arc]
        if (level[to] === -1 && cost[arc] + nodePotential === potential[to]) {
          level[to] = level[node] + 1
          queue[writeAt++] = to
        }
      }
    }
    return level[sink] !== -1
  }

  // Iterative Dinic blocking flow; returns the units pushed.
  const pushBlockingFlow = (): number => {
    currentArc.set(first.subarray(0, nodeCount))
    path.length = 0
    let pushed = 0
    let node = source
    for (;;) {
      if (node === sink) {
        let bottleneck = Infinity
        for (const arc of path) bottleneck = Math.min(bottleneck, residual[arc])
        let firstSaturated = -1
        for (let index = 0; index < path.length; index++) {
          const arc = path[index]
          residual[arc] -= bottleneck
          residual[twin[arc]] += bottleneck
          if (firstSaturated === -1 && residual[arc] === 0) firstSaturated = index
        }
        pushed += bottleneck
        path.length = firstSaturated
        node = firstSaturated === 0 ? source : target[path[firstSaturated - 1]]
        continue
      }
      const nextLevel = level[node] + 1
      const nodePotential = potential[node]
      const end = first[node + 1]
      let arc = currentArc[node]
      while (arc < end) {
        const to = target[arc]
        if (
          residual[arc] > 0 &&
          level[to] === nextLevel &&
          cost[arc] + nodePotential === potential[to]
        ) {
          break
        }
        arc++
      }
      currentArc[node] = arc
      if (arc < end) {
        path.push(arc)
        node = target[arc]
        continue
      }
      if (node === source) return pushed
      level[node] = -1
      const back = path.pop() as number
      node = target[twin[back]]
      currentArc[node]++
    }
  }

  while (updatePotentials()) {
    phases++
    const pathCost = potential[sink] - potential[source]
    if (pathCost >= 0) break
    while (buildLevels()) {
      const pushed = pushBlockingFlow()
      totalFlow += pushed
      totalCost += pushed * pathCost
    }
  }

  const flows = new Float64Array(network.edgeCount)
  residualNetwork.forwardArc.forEach((arc, edge) => {
    flows[edge] = residual[twin[arc]]
  })
  network.recordFlows(flows)
  return { flow: totalFlow, cost: totalCost, phases }
}

// Bellman-Ford with a FIFO queue over arcs with capacity: exact shortest distances, so the
// first Dijkstra already works on non-negative reduced costs even with negative edge costs.
function initialPotentials(
  nodeCount: number,
  { first, target, residual, cost }: ResidualNetwork,
  source: number,
): Float64Array {
  const potential = new Float64Array(nodeCount).fill(Infinity)
  const inQueue = new Uint8Array(nodeCount)
  const queue = new Int32Array(nodeCount)
  let readAt = 0
  let queued = 1
  potential[source] = 0
  queue[0] = source
  inQueue[source] = 1
  while (queued > 0) {
    const node = queue[readAt]
    readAt = (readAt + 1) % nodeCount
    queued--
    inQueue[node] = 0
    for (let arc = first[node], end = first[node + 1]; arc < end; arc++) {
      if (residual[arc] <= 0) continue
      const to = target[arc]
      const candidate = potential[node] + cost[arc]
      if (candidate < potential[to]) {
        potential[to] = candidate
        if (!inQueue[to]) {
          inQueue[to] = 1
          queue[(readAt + queued) % nodeCount] = to
          queued++
        }
      }
    }
  }
  // Unreachable nodes stay unreachable (flow only runs through reachable ones): any value works.
  for (let node = 0; node < nodeCount; node++) {
    if (potential[node] === Infinity) potential[node] = 0
  }
  return potential
}

class MinHeap {
  private keys = new Float64Array(64)
  private nodes = new Int32Array(64)
  size = 0

  clear(): void {
    this.size = 0
  }

  topKey(): number {
    return this.keys[0]
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2)
      keys.set(this.keys)
      this.keys = keys
      const nodes = new Int32Array(this.size * 2)
      nodes.set(this.nodes)
      this.nodes = nodes
    }
    let at = this.size++
    while (at > 0) {
      const parent = (at - 1) >> 1
      if (this.keys[parent] <= key) break
      this.keys[at] = this.keys[parent]
      this.nodes[at] = this.nodes[parent]
      at = parent
    }
    this.keys[at] = key
    this.nodes[at] = node
  }

  pop(): number {
    const top = this.nodes[0]
    const lastKey = this.keys[--this.size]
    const lastNode = this.nodes[this.size]
    let at = 0
    for (;;) {
      let child = 2 * at + 1
      if (child >= this.size) break
      if (child + 1 < this.size && this.keys[child + 1] < this.keys[child]) child++
      if (this.keys[child] >= lastKey) break
      this.keys[at] = this.keys[child]
      this.nodes[at] = this.nodes[child]
      at = child
    }
    this.keys[at] = lastKey
    this.nodes[at] = lastNode
    return top
  }
}
