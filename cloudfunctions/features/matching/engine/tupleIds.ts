import type { MatchingNeed } from './types'

/**
 * Dense ids for strings and for pairs of ids, from one sequence so that no two differ only in
 * kind. A tuple is named one pair at a time, so looking a need's place up builds no key string per
 * need. Pairs share one map keyed by both numbers: a map per first element was some 25,000 maps at
 * district scale, most holding one entry.
 */
export class TupleIds {
  private readonly strings = new Map<string, number>()
  private readonly pairs = new Map<number, number>()
  private next = 0

  ofString(value: string): number {
    let id = this.strings.get(value)
    if (id === undefined) {
      id = this.next++
      this.strings.set(value, id)
    }
    return id
  }

  /**
   * `second` may be any dense id (or 0 and 1) that is always of the same kind after this `first`;
   * both are below 2^26, so the key is exact.
   */
  ofPair(first: number, second: number): number {
    if (second >= PAIR_SPAN || first >= PAIR_SPAN) {
      throw new RangeError('matching instance too large for tuple ids')
    }
    const key = first * PAIR_SPAN + second
    let id = this.pairs.get(key)
    if (id === undefined) {
      id = this.next++
      this.pairs.set(key, id)
    }
    return id
  }
}

const PAIR_SPAN = 2 ** 26

/** A need's place: community, street, kind, measure and the seats it needs. */
export function placeIdOf(ids: TupleIds, need: MatchingNeed): number {
  const where = ids.ofPair(ids.ofString(need.communityId), ids.ofString(need.streetId))
  const what = ids.ofPair(ids.ofPair(where, ids.ofString(need.kind)), ids.ofString(need.measure))
  return ids.ofPair(what, ids.ofString(String(need.seats ?? 0)))
}

/** A need's place and time window. */
export function situationIdOf(ids: TupleIds, place: number, need: MatchingNeed): number {
  const from = ids.ofString(need.window?.from ?? '')
  return ids.ofPair(ids.ofPair(place, from), ids.ofString(need.window?.to ?? ''))
}
