import { AppError } from './errors'
import type { Caller } from './caller'

/** Roles are data on the user record; every action checks them. */
export type Role =
  | { kind: 'resident'; communityId: string }
  | { kind: 'volunteer'; communityId: string }
  /** `admin`: the organization's admin, who invites and removes its members (a member who may more). */
  | { kind: 'org_member'; orgId: string; admin?: true }
  | { kind: 'community_worker'; communityId: string }
  | { kind: 'street_admin'; streetId: string }
  | { kind: 'district_admin'; districtId: string }

export type RoleKind = Role['kind']

export const ROLE_LABELS: Record<RoleKind, string> = {
  resident: '居民',
  volunteer: '志愿者',
  org_member: '组织成员',
  community_worker: '社区工作者',
  street_admin: '街道管理员',
  district_admin: '区级管理员',
}

/** 组织管理员 for an admin's membership, otherwise the kind's label. */
export function roleLabelOf(role: Role): string {
  return role.kind === 'org_member' && role.admin ? '组织管理员' : ROLE_LABELS[role.kind]
}

/** The same role, admin flag aside: same kind, same community, street, district or organization. */
export function sameRole(a: Role, b: Role): boolean {
  return a.kind === b.kind && scopeOfRole(a) === scopeOfRole(b)
}

/**
 * The roles with `role` granted, or undefined when it is held already. Granting an organization's
 * admin to a member upgrades the membership in place; a member grant never downgrades an admin.
 */
export function withRole(roles: Role[], role: Role): Role[] | undefined {
  const held = roles.find((candidate) => sameRole(candidate, role))
  if (!held) return [...roles, role]
  if (role.kind === 'org_member' && role.admin && !(held.kind === 'org_member' && held.admin)) {
    return roles.map((candidate) => (candidate === held ? role : candidate))
  }
  return undefined
}

/** The roles without `role` (admin flag aside). */
export function withoutRole(roles: Role[], role: Role): Role[] {
  return roles.filter((candidate) => !sameRole(candidate, role))
}

/** Where a community sits in the hierarchy; enough to decide who oversees it. */
export interface CommunityPlace {
  _id: string
  name: string
  streetId: string
  districtId: string
}

export interface StreetPlace {
  _id: string
  name: string
  districtId: string
}

/** The community, street, district or organization a role applies to. */
export function scopeOfRole(role: Role): string {
  switch (role.kind) {
    case 'resident':
    case 'volunteer':
    case 'community_worker':
      return role.communityId
    case 'org_member':
      return role.orgId
    case 'street_admin':
      return role.streetId
    case 'district_admin':
      return role.districtId
  }
}

/** Whether the user oversees the community: its worker, its street's admin or its district's admin. */
export function overseesCommunity(user: Caller, community: CommunityPlace): boolean {
  return user.roles.some(
    (role) =>
      (role.kind === 'community_worker' && role.communityId === community._id) ||
      (role.kind === 'street_admin' && role.streetId === community.streetId) ||
      (role.kind === 'district_admin' && role.districtId === community.districtId),
  )
}

export function requireOversight(user: Caller, community: CommunityPlace): void {
  if (!overseesCommunity(user, community)) {
    throw new AppError('FORBIDDEN', `您不是${community.name}的工作人员，无法查看该社区的内容`)
  }
}

/** Whether the user oversees a whole street: its admin, or its district's admin. */
export function overseesStreet(user: Caller, street: StreetPlace): boolean {
  return user.roles.some(
    (role) =>
      (role.kind === 'street_admin' && role.streetId === street._id) ||
      (role.kind === 'district_admin' && role.districtId === street.districtId),
  )
}

export function requireStreetOversight(user: Caller, street: StreetPlace): void {
  if (!overseesStreet(user, street)) {
    throw new AppError('FORBIDDEN', `您不是${street.name}的管理员，无法查看`)
  }
}

export function isDistrictAdmin(user: Caller, districtId: string): boolean {
  return user.roles.some((role) => role.kind === 'district_admin' && role.districtId === districtId)
}

export function isMemberOf(user: Caller, orgId: string): boolean {
  return user.roles.some((role) => role.kind === 'org_member' && role.orgId === orgId)
}

/** An admin of the organization: invites and removes its members, credits its volunteers. */
export function isOrgAdmin(user: Caller, orgId: string): boolean {
  return user.roles.some((role) => role.kind === 'org_member' && role.orgId === orgId && role.admin)
}

export function requireMembership(user: Caller, organization: { _id: string; name: string }) {
  if (!isMemberOf(user, organization._id)) {
    throw new AppError('FORBIDDEN', `您不是${organization.name}的成员，不能代表该组织操作`)
  }
}

/** The organizations the user acts for. */
export function memberOrganizationIds(user: Caller): string[] {
  return user.roles.flatMap((role) => (role.kind === 'org_member' ? [role.orgId] : []))
}

/** The communities the user works for as a community worker. */
export function workerCommunityIds(user: Caller): string[] {
  return user.roles.flatMap((role) => (role.kind === 'community_worker' ? [role.communityId] : []))
}

export function isWorkerOf(user: Caller, communityId: string): boolean {
  return workerCommunityIds(user).includes(communityId)
}

/** Only the community's own workers manage its lists and decide its proposals. */
export function requireWorkerOf(user: Caller, community: { _id: string; name: string }): void {
  if (!isWorkerOf(user, community._id)) {
    throw new AppError('FORBIDDEN', `您不是${community.name}的社区工作者，不能进行此操作`)
  }
}

/** Community workers and street or district admins. */
export function isStaff(user: Caller): boolean {
  return user.roles.some((role) =>
    ['community_worker', 'street_admin', 'district_admin'].includes(role.kind),
  )
}
