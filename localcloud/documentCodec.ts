import { isDate, isRegExp } from 'node:util/types'

export type AnyObject = Record<string, unknown>
export type StoredDocument = AnyObject & { _id: string }

// Dates are the one non-JSON type documents hold; they are stored as {"$date": milliseconds}.
const DATE_TAG = '"$date"'

/** A document as stored: JSON, with Dates tagged so they come back as Date objects. */
export function encodeDocument(doc: object): string {
  return JSON.stringify(doc, function (this: AnyObject, key: string, value: unknown) {
    // Date.toJSON has already run on `value`; the holder still has the Date itself. isDate also
    // knows Dates made in another realm (Jest runs tests in a context of their own).
    const raw = this[key]
    return isDate(raw) ? { $date: raw.getTime() } : value
  })
}

export function decodeDocument(text: string): StoredDocument {
  return decodeValue(text) as StoredDocument
}

/** A stored document or a part of one (a field's JSON, as SQL's `->` extracts it). */
export function decodeValue(text: string): unknown {
  // Much of the cost of reading is here; skip the reviver when no date is in the text.
  return text.includes(DATE_TAG) ? JSON.parse(text, reviveDate) : JSON.parse(text)
}

/** A deep copy through the stored form: exactly what a later read of the document returns. */
export function cloneDocument<T extends object>(doc: T): T {
  return decodeDocument(encodeDocument(doc)) as unknown as T
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
    if (isDate(raw)) return { $date: raw.getTime() }
    if (isRegExp(raw)) return { $regex: raw.source, $options: raw.flags }
    return item
  })
}
