/**
 * Runs `work` on every item, `size` at a time, so a long list never floods the database or the
 * platform with calls at once. Answers the results in the items' order.
 */
export async function inBatches<T, R>(
  items: T[],
  size: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = []
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(work))))
  }
  return results
}
