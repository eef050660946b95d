import type { AuditEntry } from '../domain/types'
import { COLLECTIONS, insertOne } from './collections'

/** Records a staff action on someone else's data; entries are only ever added. */
export async function recordAudit(entry: Omit<AuditEntry, '_id' | 'at'>): Promise<void> {
  await insertOne(COLLECTIONS.auditLogs, { ...entry, at: new Date() })
}
