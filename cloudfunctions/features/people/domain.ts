import type { Caller } from '../../shared/caller'
import {
  isDistrictAdmin,
  isOrgAdmin,
  scopeOfRole,
  type CommunityPlace,
  type Role,
  type StreetPlace,
} from '../../shared/roles'

/** The roles granted in the product; residents and volunteers take theirs themselves. */
export const GRANTABLE_ROLES = {
  street_admin: '街道管理员',
  community_worker: '社区工作者',
  org_member: '组织成员',
  org_admin: '组织管理员',
} as const
export type GrantableRole = keyof typeof GRANTABLE_ROLES

/** An invitation is open this many days unless its creator says otherwise. */
export const INVITATION_DAYS = { standard: 7, max: 30 }

/** What a role applies to, as the rules about granting it need to know it. */
export type RoleScope =
  | { kind: 'street'; place: StreetPlace }
  | { kind: 'community'; place: CommunityPlace }
  | { kind: 'org'; place: { _id: string; name: string; districtId: string; streetId?: string } }

/** The scope kind a grantable role applies to. */
export function scopeKindOf(role: GrantableRole): RoleScope['kind'] {
  return role === 'street_admin' ? 'street' : role === 'community_worker' ? 'community' : 'org'
}

export function roleOf(grantable: GrantableRole, scopeId: string): Role {
  switch (grantable) {
    case 'street_admin':
      return { kind: 'street_admin', streetId: scopeId }
    case 'community_worker':
      return { kind: 'community_worker', communityId: scopeId }
    case 'org_member':
      return { kind: 'org_member', orgId: scopeId }
    case 'org_admin':
      return { kind: 'org_member', orgId: scopeId, admin: true }
  }
}

export function grantableOf(role: Role): GrantableRole | undefined {
  if (role.kind === 'org_member') return role.admin ? 'org_admin' : 'org_member'
  return role.kind === 'street_admin' || role.kind === 'community_worker' ? role.kind : undefined
}

const isStreetAdminOf = (user: Caller, streetId: string | undefined) =>
  Boolean(streetId) &&
  user.roles.some((role) => role.kind === 'street_admin' && role.streetId === streetId)

/**
 * Who may grant (and remove) a role. The district admin appoints street admins; the district
 * admin or the street's admin appoints community workers and an organization's admins and
 * members; an organization's admin invites and removes its members and fellow admins.
 */
export function mayGrant(user: Caller, role: GrantableRole, scope: RoleScope): boolean {
  const district = isDistrictAdmin(user, scope.place.districtId)
  switch (scope.kind) {
    case 'street':
      return role === 'street_admin' && district
    case 'community':
      return (
        role === 'community_worker' && (district || isStreetAdminOf(user, scope.place.streetId))
      )
    case 'org':
      return (
        (role === 'org_member' || role === 'org_admin') &&
        (district ||
          isStreetAdminOf(user, scope.place.streetId) ||
          isOrgAdmin(user, scope.place._id))
      )
  }
}

/** The roles the user may grant in the scope. */
export function grantableIn(user: Caller, scope: RoleScope): GrantableRole[] {
  return (Object.keys(GRANTABLE_ROLES) as GrantableRole[]).filter((role) =>
    mayGrant(user, role, scope),
  )
}

/** A single-use invitation to a role; its id is the code the invitee types in (or scans). */
export interface Invitation {
  _id: string
  role: Role
  scopeId: string
  districtId: string
  streetId?: string
  note?: string
  createdBy: string
  createdAt: Date
  expiresAt: Date
  status: 'open' | 'accepted' | 'revoked'
  acceptedBy?: string
  acceptedAt?: Date
  revokedBy?: string
  revokedAt?: Date
}

export type InvitationState = Invitation['status'] | 'expired'

export function invitationStateOf(invitation: Invitation, now: Date): InvitationState {
  if (invitation.status !== 'open') return invitation.status
  return new Date(invitation.expiresAt).getTime() <= now.getTime() ? 'expired' : 'open'
}

/** The mini-program page (and query) an invitation's QR code opens. */
export function acceptPathOf(code: string): string {
  return `packages/people/pages/accept/index?code=${code}`
}

/**
 * A person's standing in one scope (id `<scope>:<user>`): the role granted, by whom and when,
 * and its removal. Kept beside the role on the user record, so a scope's people can be listed.
 */
export interface RoleGrant {
  _id: string
  userId: string
  role: Role
  scopeId: string
  districtId: string
  streetId?: string
  status: 'active' | 'revoked'
  grantedBy: string
  grantedAt: Date
  invitationId?: string
  revokedBy?: string
  revokedAt?: Date
  reason?: string
}

export function grantIdOf(role: Role, userId: string): string {
  return `${scopeOfRole(role)}:${userId}`
}

/** A role held by a seeded or earlier grant, recorded as if granted by the system. */
export function seededGrantOf(
  userId: string,
  role: Role,
  place: { districtId: string; streetId?: string },
  at: Date,
): RoleGrant {
  return {
    _id: grantIdOf(role, userId),
    userId,
    role,
    scopeId: scopeOfRole(role),
    ...place,
    status: 'active',
    grantedBy: 'system:seed',
    grantedAt: at,
  }
}

/** What each audited action is called on the audit-log page, and which filter shows it. */
export const AUDITED_ACTIONS: Record<
  string,
  { label: string; kind?: 'reveal' | 'export' | 'roles' }
> = {
  'volunteers.revealContact': { label: '查看志愿者姓名与手机号', kind: 'reveal' },
  'shifts.exportHours': { label: '导出志愿时长（姓名已隐藏）', kind: 'export' },
  'shifts.exportHours.revealed': { label: '导出志愿时长（含真实姓名）', kind: 'export' },
  'trainings.exportAttendance': { label: '导出培训签到名单', kind: 'export' },
  'account.exportMyData': { label: '导出本人数据', kind: 'export' },
  'account.delete': { label: '注销账号（个人信息已匿名化）', kind: 'roles' },
  'people.invite': { label: '发出角色邀请', kind: 'roles' },
  'people.revokeInvitation': { label: '撤销角色邀请', kind: 'roles' },
  'people.grant': { label: '授予角色', kind: 'roles' },
  'people.revoke': { label: '移除角色', kind: 'roles' },
  'volunteers.review.verified': { label: '审核通过志愿者登记' },
  'volunteers.review.rejected': { label: '退回志愿者登记' },
  'shifts.addHours': { label: '补记志愿时长' },
  'organizations.save': { label: '维护社会组织登记信息' },
  'charity.stocktake': { label: '爱心超市盘点' },
}
