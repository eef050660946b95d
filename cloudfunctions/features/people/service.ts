import { recordAudit, recordAuditIn } from '../../shared/audit'
import type { Caller } from '../../shared/caller'
import { randomCode } from '../../shared/codes'
import { COLLECTIONS, findById, transaction } from '../../shared/db'
import type { OutputsOf } from '../../shared/endpoints'
import { AppError } from '../../shared/errors'
import { defineService } from '../../shared/handler'
import { DAY_MS } from '../../shared/time'
import { roleLabelOf, withRole, withoutRole } from '../../shared/roles'
import { userNames } from '../account/repository'
import { loadDistrictTree } from '../directory/repository'
import { requireCommunity, requireStreet } from '../directory/service'
import { findOrganizations } from '../organizations/repository'
import { requireOrganization } from '../organizations/service'
import { peopleInputs, type ManageableScopeView, type PeopleApi } from './contract'
import {
  GRANTABLE_ROLES,
  grantIdOf,
  grantableIn,
  grantableOf,
  invitationStateOf,
  mayGrant,
  roleOf,
  scopeKindOf,
  type GrantableRole,
  type Invitation,
  type RoleGrant,
  type RoleScope,
} from './domain'
import {
  findInvitation,
  insertInvitation,
  listGrantsOfScope,
  listInvitationsOfScope,
  readAuditPage,
  readGrantIn,
  readInvitationIn,
  readUserIn,
  saveGrantIn,
  setRolesIn,
  updateGrantIn,
  updateInvitationIn,
} from './repository'
import { actionsOfKind, toAuditEntryView, toInvitationView, toPersonView } from './views'

const AUDIT_PAGE_SIZE = 20

export const peopleService = defineService<typeof peopleInputs, OutputsOf<PeopleApi>>(
  peopleInputs,
  {
    async manageable(_input, caller) {
      const tree = await loadDistrictTree()
      const streetName = new Map(tree.streets.map((street) => [street._id, street.name]))
      const scopes: ManageableScopeView[] = []
      for (const role of caller.roles) {
        if (role.kind === 'district_admin') {
          for (const street of tree.streets.filter((s) => s.districtId === role.districtId)) {
            scopes.push({ scopeKind: 'street', scopeId: street._id, name: street.name })
          }
        }
        if (role.kind === 'district_admin' || role.kind === 'street_admin') {
          const mine = (community: { districtId: string; streetId: string }) =>
            role.kind === 'district_admin'
              ? community.districtId === role.districtId
              : community.streetId === role.streetId
          for (const community of tree.communities.filter(mine)) {
            scopes.push({
              scopeKind: 'community',
              scopeId: community._id,
              name: community.name,
              parentName: streetName.get(community.streetId),
            })
          }
        }
      }
      const adminOf = caller.roles.flatMap((role) =>
        role.kind === 'org_member' && role.admin ? [role.orgId] : [],
      )
      for (const organization of await findOrganizations(adminOf)) {
        scopes.push({ scopeKind: 'org', scopeId: organization._id, name: organization.name })
      }
      // A district admin who is also a street admin sees each community once.
      const seen = new Set<string>()
      return scopes.filter((scope) => !seen.has(scope.scopeId) && Boolean(seen.add(scope.scopeId)))
    },

    async scope({ scopeKind, scopeId }, caller) {
      const scope = await resolveScope(scopeKind, scopeId)
      const grantable = grantableIn(caller, scope)
      if (grantable.length === 0) {
        throw new AppError('FORBIDDEN', `您不能管理${scope.place.name}的人员`)
      }
      const [grants, invitations] = await Promise.all([
        listGrantsOfScope(scopeId),
        listInvitationsOfScope(scopeId),
      ])
      const names = await userNames([
        ...grants.flatMap((grant) => [grant.userId, grant.grantedBy, grant.revokedBy ?? '']),
        ...invitations.flatMap((invitation) => [invitation.createdBy, invitation.acceptedBy ?? '']),
      ])
      const now = new Date()
      const removable = (grant: RoleGrant) => {
        const role = grantableOf(grant.role)
        return Boolean(role) && mayGrant(caller, role!, scope) && grant.userId !== caller._id
      }
      return {
        scopeKind,
        scopeId,
        name: scope.place.name,
        grantable: grantable.map((role) => ({ role, label: GRANTABLE_ROLES[role] })),
        people: [...grants]
          .sort((a, b) => Number(a.status !== 'active') - Number(b.status !== 'active'))
          .map((grant) => toPersonView(grant, names, removable(grant))),
        invitations: invitations.map((invitation) =>
          toInvitationView(invitation, {
            scopeName: scope.place.name,
            names,
            now,
            canRevoke: true,
            canAccept: false,
          }),
        ),
      }
    },

    async invite({ role: grantable, scopeId, days, note }, caller) {
      const scope = await resolveScope(scopeKindOf(grantable), scopeId)
      requireMayGrant(caller, grantable, scope)
      const now = new Date()
      const base = {
        role: roleOf(grantable, scopeId),
        scopeId,
        ...placeOf(scope),
        ...(note ? { note } : {}),
        createdBy: caller._id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + days * DAY_MS),
        status: 'open' as const,
      }
      let invitation: Invitation
      do invitation = { _id: randomCode(8), ...base }
      while (!(await insertInvitation(invitation)))
      await recordAudit({
        actorId: caller._id,
        action: 'people.invite',
        collection: COLLECTIONS.invitations,
        targetId: scopeId,
        detail: `邀请${GRANTABLE_ROLES[grantable]}（${scope.place.name}），${days} 天内有效`,
        ...placeOf(scope),
      })
      return toInvitationView(invitation, {
        scopeName: scope.place.name,
        names: await userNames([caller._id]),
        now,
        canRevoke: true,
        canAccept: false,
      })
    },

    async preview({ code }, caller) {
      const invitation = await requireInvitation(code)
      const scope = await scopeOfInvitation(invitation)
      return toInvitationView(invitation, {
        scopeName: scope.place.name,
        names: await userNames([invitation.createdBy, invitation.acceptedBy ?? '']),
        now: new Date(),
        canRevoke: mayGrant(caller, grantableOf(invitation.role)!, scope),
        canAccept:
          invitation.createdBy !== caller._id &&
          withRole(caller.roles, invitation.role) !== undefined,
      })
    },

    async accept({ code }, caller) {
      const found = await requireInvitation(code)
      const scope = await scopeOfInvitation(found)
      // Single use: the invitation is taken, the role granted and both audited in one transaction.
      await transaction(async (tx) => {
        const invitation = await readInvitationIn(tx, code)
        if (!invitation) throw new AppError('NOT_FOUND', '邀请码无效，请核对后重新输入')
        const state = invitationStateOf(invitation, new Date())
        if (state === 'accepted') {
          throw new AppError(
            'CONFLICT',
            invitation.acceptedBy === caller._id ? '您已接受过该邀请' : '该邀请已被使用',
          )
        }
        if (state === 'revoked') throw new AppError('CONFLICT', '该邀请已被撤销')
        if (state === 'expired') {
          throw new AppError('CONFLICT', '该邀请已过期，请联系管理员重新邀请')
        }
        if (invitation.createdBy === caller._id) {
          throw new AppError('FORBIDDEN', '不能接受自己发出的邀请')
        }
        const user = await readUserIn(tx, caller._id)
        const roles = user && withRole(user.roles, invitation.role)
        if (!roles) throw new AppError('CONFLICT', '您已拥有该角色')
        const now = new Date()
        await setRolesIn(tx, caller._id, roles)
        await updateInvitationIn(tx, code, {
          status: 'accepted',
          acceptedBy: caller._id,
          acceptedAt: now,
        })
        const grant: RoleGrant = {
          _id: grantIdOf(invitation.role, caller._id),
          userId: caller._id,
          role: invitation.role,
          scopeId: invitation.scopeId,
          ...placeOf(scope),
          status: 'active',
          grantedBy: invitation.createdBy,
          grantedAt: now,
          invitationId: invitation._id,
        }
        await saveGrantIn(tx, grant)
        await recordAuditIn(tx, {
          actorId: invitation.createdBy,
          action: 'people.grant',
          collection: COLLECTIONS.users,
          targetId: caller._id,
          detail: `${roleLabelOf(invitation.role)}（${scope.place.name}），邀请码 ${code}`,
          ...placeOf(scope),
        })
      })
      return { roleLabel: roleLabelOf(found.role), scopeName: scope.place.name }
    },

    async revokeInvitation({ code }, caller) {
      const found = await requireInvitation(code)
      const scope = await scopeOfInvitation(found)
      if (found.createdBy !== caller._id) requireMayGrant(caller, grantableOf(found.role)!, scope)
      await transaction(async (tx) => {
        const invitation = await readInvitationIn(tx, code)
        if (invitation?.status !== 'open') {
          throw new AppError(
            'CONFLICT',
            invitation?.status === 'accepted'
              ? '该邀请已被使用，请在人员列表中移除'
              : '该邀请已撤销',
          )
        }
        await updateInvitationIn(tx, code, {
          status: 'revoked',
          revokedBy: caller._id,
          revokedAt: new Date(),
        })
        await recordAuditIn(tx, {
          actorId: caller._id,
          action: 'people.revokeInvitation',
          collection: COLLECTIONS.invitations,
          targetId: invitation.scopeId,
          detail: `撤销邀请码 ${code}（${roleLabelOf(invitation.role)}）`,
          ...placeOf(scope),
        })
      })
      const revoked = await requireInvitation(code)
      return toInvitationView(revoked, {
        scopeName: scope.place.name,
        names: await userNames([revoked.createdBy]),
        now: new Date(),
        canRevoke: false,
        canAccept: false,
      })
    },

    async removeRole({ scopeId, userId, reason }, caller) {
      const grantId = `${scopeId}:${userId}`
      const found = await findById<RoleGrant>(COLLECTIONS.roleGrants, grantId)
      if (!found) throw new AppError('NOT_FOUND', '该人员在此没有角色')
      const grantable = grantableOf(found.role)!
      const scope = await resolveScope(scopeKindOf(grantable), scopeId)
      requireMayGrant(caller, grantable, scope)
      if (userId === caller._id) throw new AppError('FORBIDDEN', '不能移除自己的角色')
      await transaction(async (tx) => {
        const grant = await readGrantIn(tx, grantId)
        if (grant?.status !== 'active') throw new AppError('CONFLICT', '该人员的角色已被移除')
        const user = await readUserIn(tx, userId)
        if (user) await setRolesIn(tx, userId, withoutRole(user.roles, grant.role))
        await updateGrantIn(tx, grantId, {
          status: 'revoked',
          revokedBy: caller._id,
          revokedAt: new Date(),
          ...(reason ? { reason } : {}),
        })
        await recordAuditIn(tx, {
          actorId: caller._id,
          action: 'people.revoke',
          collection: COLLECTIONS.users,
          targetId: userId,
          detail: `${roleLabelOf(grant.role)}（${scope.place.name}）${reason ? `：${reason}` : ''}`,
          ...placeOf(scope),
        })
      })
      const grant = await findById<RoleGrant>(COLLECTIONS.roleGrants, grantId)
      return toPersonView(
        grant!,
        await userNames([grant!.userId, grant!.grantedBy, grant!.revokedBy ?? '']),
        false,
      )
    },

    async auditLog({ kind, page }, caller) {
      const district = caller.roles.find((role) => role.kind === 'district_admin')
      const street = caller.roles.find((role) => role.kind === 'street_admin')
      const scope =
        district?.kind === 'district_admin'
          ? { districtId: district.districtId }
          : street?.kind === 'street_admin'
            ? { streetId: street.streetId }
            : undefined
      if (!scope) throw new AppError('FORBIDDEN', '只有街道和区级管理员可以查看审计日志')
      const found = await readAuditPage(scope, actionsOfKind(kind), page, AUDIT_PAGE_SIZE)
      const ids = found.items.flatMap((entry) => [entry.actorId, entry.targetId])
      const [people, tree, organizations] = await Promise.all([
        userNames(ids),
        loadDistrictTree(),
        findOrganizations(found.items.map((entry) => entry.targetId)),
      ])
      const places = new Map(
        [...tree.streets, ...tree.communities, ...organizations].map((place) => [
          place._id,
          place.name,
        ]),
      )
      return {
        ...found,
        items: found.items.map((entry) => toAuditEntryView(entry, { people, places })),
      }
    },
  },
)

async function resolveScope(kind: RoleScope['kind'], scopeId: string): Promise<RoleScope> {
  switch (kind) {
    case 'street':
      return { kind, place: await requireStreet(scopeId) }
    case 'community':
      return { kind, place: await requireCommunity(scopeId) }
    case 'org':
      return { kind, place: await requireOrganization(scopeId) }
  }
}

function scopeOfInvitation(invitation: Invitation): Promise<RoleScope> {
  return resolveScope(scopeKindOf(grantableOf(invitation.role)!), invitation.scopeId)
}

/** The district and street a scope belongs to, for its records and audit lines. */
function placeOf(scope: RoleScope): { districtId: string; streetId?: string } {
  const streetId = scope.kind === 'street' ? scope.place._id : scope.place.streetId
  return { districtId: scope.place.districtId, ...(streetId ? { streetId } : {}) }
}

function requireMayGrant(caller: Caller, role: GrantableRole, scope: RoleScope): void {
  if (!mayGrant(caller, role, scope)) {
    throw new AppError('FORBIDDEN', `您不能为${scope.place.name}授予或移除${GRANTABLE_ROLES[role]}`)
  }
}

async function requireInvitation(code: string): Promise<Invitation> {
  const invitation = await findInvitation(code)
  if (!invitation) throw new AppError('NOT_FOUND', '邀请码无效，请核对后重新输入')
  return invitation
}
