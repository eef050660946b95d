import type { AnyObject, StoredDocument } from './documentCodec'

export interface NedbContents {
  documents: StoredDocument[]
  /** Lines that are not a readable record, e.g. the last one torn by a power loss. */
  badLines: string[]
}

/**
 * Reads a nedb data file: one JSON record per line, dates as {"$$date": ms}; a later line for an
 * _id replaces an earlier one, {"$$deleted": true} removes it, index lines are ignored.
 */
export function parseNedbFile(text: string): NedbContents {
  const byId = new Map<string, StoredDocument>()
  const badLines: string[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    const record = parseLine(line)
    if (!record) {
      badLines.push(line)
    } else if ('$$indexCreated' in record) {
      continue
    } else if (typeof record._id !== 'string') {
      badLines.push(line)
    } else if (record.$$deleted === true) {
      byId.delete(record._id)
    } else {
      // Map.set on an existing key keeps the first position: nedb's insertion order.
      byId.set(record._id, record as StoredDocument)
    }
  }
  return { documents: [...byId.values()], badLines }
}

function parseLine(line: string): AnyObject | undefined {
  try {
    const value: unknown = JSON.parse(line, reviveNedbDate)
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as AnyObject)
      : undefined
  } catch {
    return undefined
  }
}

function reviveNedbDate(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const time = (value as AnyObject).$$date
    if (typeof time === 'number' && Object.keys(value).length === 1) return new Date(time)
  }
  return value
}
