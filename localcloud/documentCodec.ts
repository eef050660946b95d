export type AnyObject = Record<string, unknown>
export type StoredDocument = AnyObject & { _id: string }

// Dates are the one non-JSON type documents hold; they are stored as {"$date": milliseconds}.
const DATE_TAG = '"$date"'

/** A document as stored: JSON, with Dates tagged so they come back as Date objects. */
export function encodeDocument(doc: object): string {
  return JSON.stringify(doc, function (this: AnyObject, key: string, value: unknown) {
    // Date.toJSON has already run on `value`; the holder still has the Date itself.
    const raw = this[key]
    return raw instanceof Date ? { $date: raw.getTime() } : value
  })
}

export function decodeDocument(text: string): StoredDocument {
  // Most of the cost of reading is here; skip the reviver when no date is in the text.
  return text.includes(DATE_TAG) ? JSON.parse(text, reviveDate) : JSON.parse(text)
}

function reviveDate(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const time = (value as AnyObject).$date
    if (typeof time === 'number' && Object.keys(value).length === 1) return new Date(time)
  }
  return value
}

/** A stable text for a query, order or projection: the key of cached results. */
export function keyOf(value: unknown): string {
  return JSON.stringify(value ?? null, function (this: AnyObject, key: string, item: unknown) {
    const raw = this[key]
    if (raw instanceof Date) return { $date: raw.getTime() }
    if (raw instanceof RegExp) return { $regex: raw.source, $options: raw.flags }
    return item
  })
}
