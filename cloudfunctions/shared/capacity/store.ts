import { AppError } from '../errors'
import { command, countWhere, findById, updateWhere, type CollectionName } from '../db'
import type { CapacityLedger, Holding } from './ledger'

/** Where a ledger lives: a document, and the field holding it (`capacity` unless said). */
export interface LedgerRef {
  collection: CollectionName
  id: string
  path?: string
}

const pathOf = (ref: LedgerRef) => ref.path ?? 'capacity'

function ledgerIn(doc: object | undefined, path: string): CapacityLedger | undefined {
  let value: unknown = doc
  for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key]
  return value as CapacityLedger | undefined
}

export async function readLedger(ref: LedgerRef): Promise<CapacityLedger | undefined> {
  return ledgerIn(await findById<object>(ref.collection, ref.id), pathOf(ref))
}

export type AdmitResult = {
  kind: 'seated' | 'queued' | 'already-seated' | 'already-queued' | 'full' | 'missing'
}

const ADMIT_ATTEMPTS = 20

/**
 * Seats a holding, or queues it if it may wait, by one conditional single-document update that
 * re-checks what the decision was based on: the limit, room for the units, nobody waiting (a new
 * arrival never overtakes the line), and that the holder is not listed yet. A miss means the state
 * moved on, and the decision is taken again on the fresh counts. Only the counts are read: a
 * popular place's lists can hold hundreds of people.
 */
export async function admitHolding(
  ref: LedgerRef,
  holding: Holding,
  mayWait: boolean,
): Promise<AdmitResult> {
  const _ = command()
  const path = pathOf(ref)
  const listed = async (): Promise<AdmitResult | undefined> => {
    if (await countWhere(ref.collection, { _id: ref.id, [`${path}.holders.id`]: holding.id })) {
      return { kind: 'already-seated' }
    }
    if (await countWhere(ref.collection, { _id: ref.id, [`${path}.queue.id`]: holding.id })) {
      return { kind: 'already-queued' }
    }
    return undefined
  }
  for (let attempt = 0; attempt < ADMIT_ATTEMPTS; attempt += 1) {
    const counts = ledgerIn(
      await findById<object>(ref.collection, ref.id, {
        [`${path}.limit`]: true,
        [`${path}.taken`]: true,
        [`${path}.waiting`]: true,
      }),
      path,
    )
    if (!counts) return { kind: 'missing' }
    const seat = counts.waiting === 0 && counts.taken + holding.units <= counts.limit
    if (!seat && !mayWait) return (await listed()) ?? { kind: 'full' }
    const notListed = {
      [`${path}.holders.id`]: _.nin([holding.id]),
      [`${path}.queue.id`]: _.nin([holding.id]),
      [`${path}.limit`]: counts.limit,
    }
    const updated = seat
      ? await updateWhere(
          ref.collection,
          {
            _id: ref.id,
            ...notListed,
            [`${path}.taken`]: _.lte(counts.limit - holding.units),
            [`${path}.waiting`]: 0,
          },
          {
            [`${path}.taken`]: _.inc(holding.units),
            [`${path}.holders`]: _.push([holding]),
            [`${path}.rev`]: _.inc(1),
          },
        )
      : await updateWhere(
          ref.collection,
          _.and([
            { _id: ref.id, ...notListed },
            _.or([
              { [`${path}.taken`]: _.gt(counts.limit - holding.units) },
              { [`${path}.waiting`]: _.gt(0) },
            ]),
          ]),
          {
            [`${path}.waiting`]: _.inc(1),
            [`${path}.queue`]: _.push([holding]),
            [`${path}.rev`]: _.inc(1),
          },
        )
    if (updated === 1) return { kind: seat ? 'seated' : 'queued' }
    const already = await listed()
    if (already) return already
  }
  throw new AppError('CONFLICT', '同时操作的人较多，请稍后重试')
}

/** A change to a ledger: its new state and what to answer, or an answer that changes nothing. */
export type LedgerChange<R> = { ledger: CapacityLedger; result: R } | { unchanged: R }

const CHANGE_ATTEMPTS = 60

/**
 * Applies a change by compare-and-set on the ledger's `rev`: the change is computed from the state
 * actually stored, and written only if nothing changed meanwhile (otherwise computed again).
 */
export async function changeLedger<R>(
  ref: LedgerRef,
  change: (ledger: CapacityLedger) => LedgerChange<R>,
): Promise<R | undefined> {
  const _ = command()
  const path = pathOf(ref)
  for (let attempt = 0; attempt < CHANGE_ATTEMPTS; attempt += 1) {
    const ledger = await readLedger(ref)
    if (!ledger) return undefined
    const outcome = change(ledger)
    if ('unchanged' in outcome) return outcome.unchanged
    const updated = await updateWhere(
      ref.collection,
      { _id: ref.id, [`${path}.rev`]: ledger.rev },
      { [path]: _.set(outcome.ledger) },
    )
    if (updated === 1) return outcome.result
    // Lost the race to another change of the same ledger: pause briefly so the winners finish.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** attempt, 50)))
  }
  throw new AppError('CONFLICT', '同时操作的人较多，请稍后重试')
}
