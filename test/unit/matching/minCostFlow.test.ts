// The solver alone, on random networks with negative costs, against HiGHS.
import loadHighs from 'highs'
import type { Highs } from 'highs'
import { FlowNetwork, solveMinimumCostFlow } from '../../../cloudfunctions/features/matching/engine'
import { createRandom } from '../../../scripts/seededRandom'

interface Arc {
  from: number
  to: number
  capacity: number
  cost: number
}

// Arcs go from lower to higher node numbers, so there is no negative cycle to begin with;
// parallel arcs and dead ends are allowed.
function randomArcs(seed: number): { nodeCount: number; arcs: Arc[] } {
  const { integer } = createRandom(seed)
  const nodeCount = integer(3, 9)
  const arcs: Arc[] = []
  const arcCount = integer(2, 24)
  for (let index = 0; index < arcCount; index++) {
    const from = integer(0, nodeCount - 2)
    arcs.push({
      from,
      to: integer(from + 1, nodeCount - 1),
      capacity: integer(0, 7),
      cost: integer(-9, 9),
    })
  }
  return { nodeCount, arcs }
}

function optimumWithHighs(highs: Highs, nodeCount: number, arcs: Arc[]): number {
  const variables = arcs.map((_, index) => `f${index}`)
  const rows: string[] = []
  for (let node = 1; node < nodeCount - 1; node++) {
    const terms = arcs.flatMap((arc, index) => [
      ...(arc.to === node ? [`+ ${variables[index]}`] : []),
      ...(arc.from === node ? [`- ${variables[index]}`] : []),
    ])
    if (terms.length > 0) rows.push(` balance${node}: ${terms.join(' ')} = 0`)
  }
  const objective = arcs.map(
    (arc, index) => `${arc.cost >= 0 ? '+' : '-'} ${Math.abs(arc.cost)} ${variables[index]}`,
  )
  const bounds = arcs.map((arc, index) => ` 0 <= ${variables[index]} <= ${arc.capacity}`)
  const lp = [
    'Minimize',
    ` obj: ${objective.join(' ')}`,
    'Subject To',
    ...(rows.length > 0 ? rows : [` empty: ${variables[0]} >= 0`]),
    'Bounds',
    ...bounds,
    'End',
  ].join('\n')
  const solution = highs.solve(lp, { output_flag: false })
  expect(solution.Status).toBe('Optimal')
  return Math.round(solution.ObjectiveValue)
}

describe('solveMinimumCostFlow', () => {
  let highs: Highs
  beforeAll(async () => {
    highs = await loadHighs()
  })

  it('matches the LP optimum of free-value min-cost flow on 300 random networks', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { nodeCount, arcs } = randomArcs(seed)
      const network = new FlowNetwork(nodeCount)
      const edges = arcs.map((arc) => network.addEdge(arc.from, arc.to, arc.capacity, arc.cost))
      const result = solveMinimumCostFlow(network, 0, nodeCount - 1)
      const expected = optimumWithHighs(highs, nodeCount, arcs)
      expect({ seed, cost: result.cost }).toEqual({ seed, cost: expected })

      const flows = edges.map((edge) => network.flowOn(edge))
      const balance = new Array<number>(nodeCount).fill(0)
      arcs.forEach((arc, index) => {
        expect(flows[index]).toBeGreaterThanOrEqual(0)
        expect(flows[index]).toBeLessThanOrEqual(arc.capacity)
        balance[arc.from] -= flows[index]
        balance[arc.to] += flows[index]
      })
      expect(balance.slice(1, -1).every((value) => value === 0)).toBe(true)
      expect(balance[nodeCount - 1]).toBe(result.flow)
      expect(arcs.reduce((sum, arc, index) => sum + arc.cost * flows[index], 0)).toBe(result.cost)
    }
  })

  it('solves each problem alike on a network reset and reused, as on a fresh one', () => {
    // The engine clears one network between relaxations; nothing of a solve may leak into the next.
    const reused = new FlowNetwork(2)
    for (let seed = 1; seed <= 300; seed++) {
      const { nodeCount, arcs } = randomArcs(seed)
      const fresh = new FlowNetwork(nodeCount)
      reused.reset(nodeCount)
      for (const network of [fresh, reused]) {
        for (const arc of arcs) network.addEdge(arc.from, arc.to, arc.capacity, arc.cost)
      }
      const expected = solveMinimumCostFlow(fresh, 0, nodeCount - 1)
      const result = solveMinimumCostFlow(reused, 0, nodeCount - 1)
      expect({ seed, ...result }).toEqual({ seed, ...expected })
      expect(arcs.map((_, edge) => reused.flowOn(edge))).toEqual(
        arcs.map((_, edge) => fresh.flowOn(edge)),
      )
    }
  })

  it('sends nothing when every path costs something', () => {
    const network = new FlowNetwork(3)
    const edge = network.addEdge(0, 1, 5, -2)
    network.addEdge(1, 2, 5, 2)
    expect(solveMinimumCostFlow(network, 0, 2)).toMatchObject({ flow: 0, cost: 0 })
    expect(network.flowOn(edge)).toBe(0)
  })

  it('reroutes earlier flow through reverse edges', () => {
    // The cheapest first path 0→1→2→3 must be undone partly to reach flow 2 at minimum cost.
    const network = new FlowNetwork(4)
    network.addEdge(0, 1, 1, -10)
    network.addEdge(0, 2, 1, -10)
    network.addEdge(1, 2, 1, 0)
    network.addEdge(1, 3, 1, 5)
    network.addEdge(2, 3, 1, 0)
    expect(solveMinimumCostFlow(network, 0, 3)).toMatchObject({ flow: 2, cost: -15 })
  })
})
