import type { MatchingNeed } from './types'

/**
 * Dense ids for strings and for pairs of ids, from one sequence so that no two differ only in
 * kind. A tuple is named one pair at a time (a map per first element), so looking a need's place
 * up builds no key string per need: at district scale those strings were much of what the young
 * generation promoted.
 */
export class TupleIds {
  private readonly strings = new Map<string, number>()
  private readonly pairs = new Map<number, Map<number, number>>()
  private next = 0

  ofString(value: string): number {
    let id = this.strings.get(value)
    if (id === undefined) {
      id = this.next++
      this.strings.set(value, id)
    }
    return id
  }

  /** `second` may be any integer that is always of the same kind after this `first`. */
  ofPair(first: number, second: number): number {
    let seconds = this.pairs.get(first)
    if (!seconds) {
      seconds = new Map()
      this.pairs.set(first, seconds)
    }
    let id = seconds.get(second)
    if (id === undefined) {
      id = this.next++
      seconds.set(second, id)
    }
    return id
  }
}

/** A need's place: community, street, kind, measure and the seats it needs. */
export function placeIdOf(ids: TupleIds, need: MatchingNeed): number {
  const where = ids.ofPair(ids.ofString(need.communityId), ids.ofString(need.streetId))
  const what = ids.ofPair(ids.ofPair(where, ids.ofString(need.kind)), ids.ofString(need.measure))
  return ids.ofPair(what, need.seats ?? 0)
}

/** A need's place and time window. */
export function situationIdOf(ids: TupleIds, place: number, need: MatchingNeed): number {
  const from = ids.ofString(need.window?.from ?? '')
  return ids.ofPair(ids.ofPair(place, from), ids.ofString(need.window?.to ?? ''))
}
