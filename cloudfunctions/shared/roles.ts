import { AppError } from './errors'
import type { Caller } from './caller'

/** Roles are data on the user record; every action checks them. */
export type Role =
  | { kind: 'resident'; communityId: string }
  | { kind: 'volunteer'; communityId: string }
  | { kind: 'org_member'; orgId: string }
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
