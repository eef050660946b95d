import type { AuditEntry } from '../../shared/audit'
import { maskName } from '../../shared/privacy'
import { roleLabelOf } from '../../shared/roles'
import type { AuditEntryView, AuditKind, InvitationView, PersonInScopeView } from './contract'
import {
  AUDITED_ACTIONS,
  acceptPathOf,
  grantableOf,
  invitationStateOf,
  type Invitation,
  type RoleGrant,
} from './domain'

/** Names of the people a view mentions; someone not found is shown as unknown. */
export type NameBook = Map<string, string>

const nameIn = (names: NameBook, id: string | undefined) =>
  (id && names.get(id)) || (id?.startsWith('system:') ? '系统' : '未知用户')

export function toInvitationView(
  invitation: Invitation,
  context: {
    scopeName: string
    names: NameBook
    now: Date
    canRevoke: boolean
    canAccept: boolean
  },
): InvitationView {
  const state = invitationStateOf(invitation, context.now)
  return {
    code: invitation._id,
    role: grantableOf(invitation.role) ?? 'org_member',
    roleLabel: roleLabelOf(invitation.role),
    scopeName: context.scopeName,
    ...(invitation.note ? { note: invitation.note } : {}),
    path: acceptPathOf(invitation._id),
    state,
    createdAt: new Date(invitation.createdAt).toISOString(),
    expiresAt: new Date(invitation.expiresAt).toISOString(),
    createdByName: nameIn(context.names, invitation.createdBy),
    ...(invitation.acceptedBy
      ? { acceptedByName: nameIn(context.names, invitation.acceptedBy) }
      : {}),
    canRevoke: context.canRevoke && (state === 'open' || state === 'expired'),
    canAccept: context.canAccept && state === 'open',
  }
}

export function toPersonView(
  grant: RoleGrant,
  names: NameBook,
  canRemove: boolean,
): PersonInScopeView {
  return {
    userId: grant.userId,
    name: nameIn(names, grant.userId),
    roleLabel: roleLabelOf(grant.role),
    status: grant.status,
    grantedAt: new Date(grant.grantedAt).toISOString(),
    grantedByName: nameIn(names, grant.grantedBy),
    ...(grant.revokedAt ? { revokedAt: new Date(grant.revokedAt).toISOString() } : {}),
    ...(grant.revokedBy ? { revokedByName: nameIn(names, grant.revokedBy) } : {}),
    ...(grant.reason ? { reason: grant.reason } : {}),
    canRemove: canRemove && grant.status === 'active',
  }
}

export function actionsOfKind(kind: AuditKind): string[] | undefined {
  if (kind === 'all') return undefined
  return Object.entries(AUDITED_ACTIONS).flatMap(([action, audited]) =>
    audited.kind === kind ? [action] : [],
  )
}

/**
 * An audit line for an admin: who acted in full (staff act in their own name), whose record it
 * concerns with the person's name masked.
 */
export function toAuditEntryView(
  entry: AuditEntry,
  context: { people: NameBook; places: NameBook },
): AuditEntryView {
  const person = context.people.get(entry.targetId)
  return {
    id: entry._id,
    at: new Date(entry.at).toISOString(),
    actorName: nameIn(context.people, entry.actorId),
    actionLabel: AUDITED_ACTIONS[entry.action]?.label ?? entry.action,
    targetLabel: person ? maskName(person) : (context.places.get(entry.targetId) ?? entry.targetId),
    ...(entry.detail ? { detail: entry.detail } : {}),
  }
}
