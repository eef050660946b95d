import { COLLECTIONS, insertOne, type Transaction } from './db'
import { newId } from './ids'

/** An append-only record of an action taken on someone else's data (PIPL audit trail). */
export interface AuditEntry {
  _id: string
  /** Who acted: a user's id, or `system:<job>` for a scheduled job. */
  actorId: string
  action: string
  collection: string
  targetId: string
  detail?: string
  /** Where it happened, so a district's or street's admin sees it in their audit log. */
  districtId?: string
  streetId?: string
  at: Date
}

export type NewAuditEntry = Omit<AuditEntry, '_id' | 'at'>

function auditRecord(entry: NewAuditEntry): AuditEntry {
  return { ...entry, _id: newId('audit'), at: new Date() }
}

/** Records an action; entries are only ever added. */
export async function recordAudit(entry: NewAuditEntry): Promise<void> {
  await insertOne(COLLECTIONS.auditLogs, auditRecord(entry))
}

/** Records an action inside the transaction that performs it, so one never exists without the other. */
export async function recordAuditIn(tx: Transaction, entry: NewAuditEntry): Promise<void> {
  await tx.set(COLLECTIONS.auditLogs, auditRecord(entry))
}
