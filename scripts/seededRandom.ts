/** A small seedable generator (mulberry32), so tests and benchmarks build the same data every run. */
export function createRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
  const integer = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[integer(0, items.length - 1)]
  const chance = (probability: number) => next() < probability
  /** Skewed towards low indexes: some categories are asked for far more often than others. */
  const skewedIndex = (length: number) => Math.floor(length * next() ** 1.6)
  return { next, integer, pick, chance, skewedIndex }
}
