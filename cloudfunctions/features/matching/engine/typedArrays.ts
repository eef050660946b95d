/** Typed arrays the engine keeps columns of numbers in. */
export type NumberArray = Int32Array | Float64Array | Int8Array | Uint8Array

/** The array at twice its length, its elements first: for columns that grow as rows are added. */
export function doubled<T extends NumberArray>(array: T): T {
  const fresh = new (array.constructor as new (length: number) => T)(array.length * 2)
  fresh.set(array)
  return fresh
}
