/**
 * A bounded quantity and who holds it: a stall slot's places, a shift's places, a need's units, an
 * offering's units. The ledger lives inside the document it bounds, so every change to it is one
 * single-document update: seating, queueing, releasing and promoting the first in line happen in
 * the same atomic step. These functions are pure; ./store.ts applies them to the database.
 */
export interface Holding {
  /** Who holds (or waits for) the units: a reservation's id, `claim:<id>`, `proposal:<id>`. */
  id: string
  units: number
}

export interface CapacityLedger {
  limit: number
  /** Σ units of the holders; kept beside them so queries can test for room. */
  taken: number
  /** The number in line; kept beside the line for the same reason. */
  waiting: number
  holders: Holding[]
  /** Strictly first in line: the head is seated before anyone else. */
  queue: Holding[]
  /** Bumped by every change, for compare-and-set updates. */
  rev: number
}

export function emptyLedger(limit: number): CapacityLedger {
  return { limit, taken: 0, waiting: 0, holders: [], queue: [], rev: 0 }
}

export function remainingOf(ledger: Pick<CapacityLedger, 'limit' | 'taken'>): number {
  return Math.max(ledger.limit - ledger.taken, 0)
}

export function holdingOf(ledger: CapacityLedger, id: string): Holding | undefined {
  return ledger.holders.find((holding) => holding.id === id)
}

/** 1 = next in line; undefined when not waiting. */
export function queuePositionOf(ledger: CapacityLedger, id: string): number | undefined {
  const index = ledger.queue.findIndex((holding) => holding.id === id)
  return index < 0 ? undefined : index + 1
}

/** Whether the units can be seated now: they fit and nobody is waiting ahead. */
export function hasRoomFor(ledger: CapacityLedger, units: number): boolean {
  return ledger.waiting === 0 && ledger.taken + units <= ledger.limit
}

export type Admission =
  | { kind: 'seated'; ledger: CapacityLedger }
  | { kind: 'queued'; ledger: CapacityLedger; position: number }
  | { kind: 'full' }
  | { kind: 'already-seated' }
  | { kind: 'already-queued'; position: number }

/** Seats the holding if it fits and nobody waits; otherwise queues it, if it may wait. */
export function admit(ledger: CapacityLedger, holding: Holding, mayWait: boolean): Admission {
  if (holdingOf(ledger, holding.id)) return { kind: 'already-seated' }
  const position = queuePositionOf(ledger, holding.id)
  if (position) return { kind: 'already-queued', position }
  if (hasRoomFor(ledger, holding.units)) {
    return { kind: 'seated', ledger: changed(ledger, [...ledger.holders, holding], ledger.queue) }
  }
  if (!mayWait) return { kind: 'full' }
  const queue = [...ledger.queue, holding]
  return { kind: 'queued', ledger: changed(ledger, ledger.holders, queue), position: queue.length }
}

export interface Release {
  ledger: CapacityLedger
  /** The holding taken out (seated or waiting); undefined if it held nothing. */
  released?: Holding
  wasSeated: boolean
  /** Seated from the head of the line with the freed units, in order. */
  promoted: Holding[]
}

/** Takes a holding out; freed units go to the head of the line in the same step. */
export function release(ledger: CapacityLedger, id: string): Release {
  const seated = holdingOf(ledger, id)
  const waiting = ledger.queue.find((holding) => holding.id === id)
  if (!seated && !waiting) return { ledger, wasSeated: false, promoted: [] }
  const holders = ledger.holders.filter((holding) => holding.id !== id)
  const queue = ledger.queue.filter((holding) => holding.id !== id)
  const promotion = promoteHeads(ledger.limit, holders, queue)
  return {
    ledger: changed(ledger, promotion.holders, promotion.queue),
    released: seated ?? waiting,
    wasSeated: Boolean(seated),
    promoted: promotion.promoted,
  }
}

/** A new limit, never below what is held; a larger one seats people from the line. */
export function withLimit(
  ledger: CapacityLedger,
  limit: number,
): { ledger: CapacityLedger; promoted: Holding[] } | undefined {
  if (limit < ledger.taken) return undefined
  const promotion = promoteHeads(limit, ledger.holders, ledger.queue)
  return {
    ledger: { ...changed(ledger, promotion.holders, promotion.queue), limit },
    promoted: promotion.promoted,
  }
}

/**
 * What is wrong with a ledger (empty when nothing): counts that disagree with the lists, someone
 * listed twice, more held than the limit, people waiting while the head would fit.
 */
export function problemsOf(ledger: CapacityLedger): string[] {
  const problems: string[] = []
  const ids = [...ledger.holders, ...ledger.queue].map((holding) => holding.id)
  if (new Set(ids).size !== ids.length) problems.push('duplicate holder')
  const held = unitsOf(ledger.holders)
  if (ledger.taken !== held) problems.push('taken differs from holders')
  if (ledger.waiting !== ledger.queue.length) problems.push('waiting differs from queue')
  if (held > ledger.limit) problems.push('over limit')
  const head = ledger.queue[0]
  if (head && held + head.units <= ledger.limit) problems.push('head of line not seated')
  return problems
}

/** The ledger with its counts recomputed, duplicates dropped and the line moved up where it fits. */
export function normalized(ledger: CapacityLedger): {
  ledger: CapacityLedger
  promoted: Holding[]
} {
  const seen = new Set<string>()
  const unique = (holding: Holding) => !seen.has(holding.id) && Boolean(seen.add(holding.id))
  const holders = ledger.holders.filter(unique)
  const queue = ledger.queue.filter(unique)
  const promotion = promoteHeads(ledger.limit, holders, queue)
  return {
    ledger: changed(ledger, promotion.holders, promotion.queue),
    promoted: promotion.promoted,
  }
}

function promoteHeads(limit: number, holders: Holding[], queue: Holding[]) {
  const seated = [...holders]
  const line = [...queue]
  const promoted: Holding[] = []
  // Strictly first in line: if the head does not fit, nobody behind it jumps ahead.
  while (line.length > 0 && unitsOf(seated) + line[0].units <= limit) {
    const head = line.shift()!
    seated.push(head)
    promoted.push(head)
  }
  return { holders: seated, queue: line, promoted }
}

function changed(ledger: CapacityLedger, holders: Holding[], queue: Holding[]): CapacityLedger {
  return {
    limit: ledger.limit,
    taken: unitsOf(holders),
    waiting: queue.length,
    holders,
    queue,
    rev: ledger.rev + 1,
  }
}

function unitsOf(holdings: Holding[]): number {
  return holdings.reduce((sum, holding) => sum + holding.units, 0)
}
