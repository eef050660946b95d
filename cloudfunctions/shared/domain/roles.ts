import { AppError } from '../errors'
import type { Community, Role, Street, UserRecord } from './types'

export const ROLE_LABELS: Record<Role['kind'], string> = {
  resident: '居民',
  volunteer: '志愿者',
  org_member: '组织成员',
  community_worker: '社区工作者',
  street_admin: '街道管理员',
  district_admin: '区级管理员',
}

/** Whether the user oversees the community: its worker, its street's admin or its district's admin. */
export function overseesCommunity(user: UserRecord, community: Community): boolean {
  return user.roles.some(
    (role) =>
      (role.kind === 'community_worker' && role.communityId === community._id) ||
      (role.kind === 'street_admin' && role.streetId === community.streetId) ||
      (role.kind === 'district_admin' && role.districtId === community.districtId),
  )
}

export function requireOversight(user: UserRecord, community: Community): void {
  if (!overseesCommunity(user, community)) {
    throw new AppError('FORBIDDEN', `您不是${community.name}的工作人员，无法查看该社区的需求`)
  }
}

export function isMemberOf(user: UserRecord, orgId: string): boolean {
  return user.roles.some((role) => role.kind === 'org_member' && role.orgId === orgId)
}

export function requireMembership(user: UserRecord, organization: { _id: string; name: string }) {
  if (!isMemberOf(user, organization._id)) {
    throw new AppError('FORBIDDEN', `您不是${organization.name}的成员，不能代表该组织操作`)
  }
}

/** The communities the user works for as a community worker. */
export function workerCommunityIds(user: UserRecord): string[] {
  return user.roles.flatMap((role) => (role.kind === 'community_worker' ? [role.communityId] : []))
}

/** Whether the user oversees a whole street: its admin, or its district's admin. */
export function requireStreetOversight(user: UserRecord, street: Street): void {
  const oversees = user.roles.some(
    (role) =>
      (role.kind === 'street_admin' && role.streetId === street._id) ||
      (role.kind === 'district_admin' && role.districtId === street.districtId),
  )
  if (!oversees) throw new AppError('FORBIDDEN', `您不是${street.name}的管理员，无法查看`)
}

/** The organizations the user acts for. */
export function memberOrganizationIds(user: UserRecord): string[] {
  return user.roles.flatMap((role) => (role.kind === 'org_member' ? [role.orgId] : []))
}

/** Only the community's own workers manage its lists and decide its proposals. */
export function requireWorkerOf(user: UserRecord, community: { _id: string; name: string }): void {
  if (!workerCommunityIds(user).includes(community._id)) {
    throw new AppError('FORBIDDEN', `您不是${community.name}的社区工作者，不能进行此操作`)
  }
}
