import type { AuditEntry } from '../../shared/audit'
import type { UserRecord } from '../../shared/caller'
import {
  COLLECTIONS,
  command,
  findById,
  insertIfAbsent,
  updateWhere,
  type Transaction,
} from '../../shared/db'
import { readAll, readFirst, readPage, type Page } from '../../shared/paging'
import type { Role } from '../../shared/roles'
import type { Invitation, RoleGrant } from './domain'

const INVITATIONS_SHOWN = 50

export function findInvitation(code: string): Promise<Invitation | undefined> {
  return findById<Invitation>(COLLECTIONS.invitations, code)
}

/** Stores an invitation under its code; false when the code is taken (draw another). */
export function insertInvitation(invitation: Invitation): Promise<boolean> {
  return insertIfAbsent(COLLECTIONS.invitations, invitation)
}

export function readInvitationIn(tx: Transaction, code: string) {
  return tx.get<Invitation>(COLLECTIONS.invitations, code)
}

export function updateInvitationIn(tx: Transaction, code: string, changes: Partial<Invitation>) {
  return tx.update(COLLECTIONS.invitations, code, changes)
}

export function listInvitationsOfScope(scopeId: string): Promise<Invitation[]> {
  return readFirst<Invitation>(
    COLLECTIONS.invitations,
    { scopeId },
    [
      ['createdAt', 'desc'],
      ['_id', 'asc'],
    ],
    INVITATIONS_SHOWN,
  )
}

export function readGrantIn(tx: Transaction, id: string) {
  return tx.get<RoleGrant>(COLLECTIONS.roleGrants, id)
}

export function saveGrantIn(tx: Transaction, grant: RoleGrant) {
  return tx.set(COLLECTIONS.roleGrants, grant)
}

export function updateGrantIn(tx: Transaction, id: string, changes: object) {
  return tx.update(COLLECTIONS.roleGrants, id, changes)
}

export function listGrantsOfScope(scopeId: string): Promise<RoleGrant[]> {
  return readAll<RoleGrant>(COLLECTIONS.roleGrants, { scopeId }, [
    ['grantedAt', 'desc'],
    ['_id', 'asc'],
  ])
}

/** Marks every active grant of the user removed (an account deleted); answers how many. */
export function revokeGrantsOfUser(userId: string, by: string, reason: string): Promise<number> {
  return updateWhere(
    COLLECTIONS.roleGrants,
    { userId, status: 'active' },
    { status: 'revoked', revokedBy: by, revokedAt: new Date(), reason },
  )
}

export function readUserIn(tx: Transaction, id: string) {
  return tx.get<UserRecord>(COLLECTIONS.users, id)
}

export function setRolesIn(tx: Transaction, userId: string, roles: Role[]) {
  return tx.update(COLLECTIONS.users, userId, { roles })
}

/** A page of the audit log of a district or a street, newest first, of some actions or all. */
export function readAuditPage(
  scope: { districtId: string } | { streetId: string },
  actions: string[] | undefined,
  page: number,
  pageSize: number,
): Promise<Page<AuditEntry>> {
  return readPage<AuditEntry>(
    COLLECTIONS.auditLogs,
    actions ? { ...scope, action: command().in(actions) } : scope,
    [
      ['at', 'desc'],
      ['_id', 'asc'],
    ],
    page,
    pageSize,
  )
}
