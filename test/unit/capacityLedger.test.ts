import {
  admit,
  emptyLedger,
  normalized,
  problemsOf,
  queuePositionOf,
  release,
  withLimit,
  type CapacityLedger,
} from '../../cloudfunctions/shared/capacity/ledger'

const holding = (id: string, units = 1) => ({ id, units })

function admitted(ledger: CapacityLedger, id: string, mayWait = true, units = 1) {
  const outcome = admit(ledger, holding(id, units), mayWait)
  if (outcome.kind !== 'seated' && outcome.kind !== 'queued') {
    throw new Error(`${id}: ${outcome.kind}`)
  }
  return outcome.ledger
}

describe('capacity ledger', () => {
  it('seats while there is room, then queues in order of arrival', () => {
    let ledger = emptyLedger(2)
    for (const id of ['a', 'b', 'c', 'd']) ledger = admitted(ledger, id)
    expect(ledger.holders.map((h) => h.id)).toEqual(['a', 'b'])
    expect(ledger.queue.map((h) => h.id)).toEqual(['c', 'd'])
    expect([ledger.taken, ledger.waiting]).toEqual([2, 2])
    expect(queuePositionOf(ledger, 'd')).toBe(2)
    expect(problemsOf(ledger)).toEqual([])
  })

  it('a full place refuses someone who will not wait, and nobody is listed twice', () => {
    const ledger = admitted(emptyLedger(1), 'a')
    expect(admit(ledger, holding('b'), false).kind).toBe('full')
    expect(admit(ledger, holding('a'), true).kind).toBe('already-seated')
    const queued = admitted(ledger, 'b')
    expect(admit(queued, holding('b'), true)).toEqual({ kind: 'already-queued', position: 1 })
  })

  it('a newcomer never takes a freed place while someone waits', () => {
    // Room appeared (the limit grew) but people wait: the newcomer joins the end of the line.
    let ledger = admitted(admitted(emptyLedger(1), 'a'), 'b')
    ledger = { ...ledger, limit: 2 }
    const outcome = admit(ledger, holding('newcomer'), true)
    expect(outcome.kind).toBe('queued')
    expect(problemsOf(ledger)).toContain('head of line not seated')
  })

  it('releasing a seat seats the head of the line in the same step', () => {
    let ledger = emptyLedger(2)
    for (const id of ['a', 'b', 'c', 'd']) ledger = admitted(ledger, id)
    const change = release(ledger, 'a')
    expect(change.wasSeated).toBe(true)
    expect(change.promoted.map((h) => h.id)).toEqual(['c'])
    expect(change.ledger.holders.map((h) => h.id)).toEqual(['b', 'c'])
    expect(change.ledger.queue.map((h) => h.id)).toEqual(['d'])
    expect(change.ledger.rev).toBe(ledger.rev + 1)
    expect(problemsOf(change.ledger)).toEqual([])
  })

  it('leaving the line frees nothing and moves the others up', () => {
    let ledger = emptyLedger(1)
    for (const id of ['a', 'b', 'c']) ledger = admitted(ledger, id)
    const change = release(ledger, 'b')
    expect(change.wasSeated).toBe(false)
    expect(change.promoted).toEqual([])
    expect(queuePositionOf(change.ledger, 'c')).toBe(1)
  })

  it('releasing someone not listed changes nothing', () => {
    const ledger = admitted(emptyLedger(1), 'a')
    const change = release(ledger, 'nobody')
    expect(change.released).toBeUndefined()
    expect(change.ledger).toBe(ledger)
  })

  it('multi-unit holdings: the head is seated only when it fits, nobody jumps it', () => {
    let ledger = emptyLedger(5)
    ledger = admitted(ledger, 'claim:1', false, 3)
    ledger = admitted(ledger, 'big', true, 3)
    ledger = admitted(ledger, 'small', true, 1)
    // Two units are free, but the head needs three: the one-unit holding behind it waits too.
    expect(ledger.queue.map((h) => h.id)).toEqual(['big', 'small'])
    const change = release(ledger, 'claim:1')
    expect(change.promoted.map((h) => h.id)).toEqual(['big', 'small'])
    expect(change.ledger.taken).toBe(4)
  })

  it('a limit never goes below what is held; a larger one seats the line', () => {
    let ledger = emptyLedger(1)
    for (const id of ['a', 'b', 'c']) ledger = admitted(ledger, id)
    expect(withLimit(ledger, 0)).toBeUndefined()
    const grown = withLimit(ledger, 2)
    expect(grown?.promoted.map((h) => h.id)).toEqual(['b'])
    expect(grown?.ledger.limit).toBe(2)
  })

  it('normalizing fixes counts, duplicates and an unseated head', () => {
    const broken: CapacityLedger = {
      limit: 2,
      taken: 5,
      waiting: 0,
      holders: [holding('a'), holding('a')],
      queue: [holding('b'), holding('c')],
      rev: 7,
    }
    expect(problemsOf(broken)).toEqual([
      'duplicate holder',
      'taken differs from holders',
      'waiting differs from queue',
    ])
    expect(problemsOf({ ...broken, limit: 1, taken: 2, waiting: 2 })).toEqual([
      'duplicate holder',
      'over limit',
    ])
    const fixed = normalized(broken)
    expect(fixed.ledger.holders.map((h) => h.id)).toEqual(['a', 'b'])
    expect(fixed.ledger.queue.map((h) => h.id)).toEqual(['c'])
    expect(fixed.promoted.map((h) => h.id)).toEqual(['b'])
    expect(problemsOf(fixed.ledger)).toEqual([])
  })
})
