import { randomBytes } from 'node:crypto'

/** A new document id, sortable by creation time: `<prefix>-<time><random>`. */
export function newId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${randomBytes(5).toString('hex')}`
}
