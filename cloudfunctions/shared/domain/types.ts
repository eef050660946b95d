import type { PersonalNeedCategory, PersonalNeedKind, PersonalNeedStatus } from './categories'

/** Roles are data on the user record; every action checks them. */
export type Role =
  | { kind: 'resident'; communityId: string }
  | { kind: 'volunteer'; communityId: string }
  | { kind: 'org_member'; orgId: string }
  | { kind: 'community_worker'; communityId: string }
  | { kind: 'street_admin'; streetId: string }
  | { kind: 'district_admin'; districtId: string }

export type RoleKind = Role['kind']

export interface UserRecord {
  /** The WeChat openid (or the local demo account's id). */
  _id: string
  displayName: string
  roles: Role[]
  homeCommunityId?: string
  createdAt: Date
}

export interface District {
  _id: string
  name: string
}

export interface Street {
  _id: string
  districtId: string
  name: string
  /** Part of the 5-street, 13-community pilot. */
  pilot: boolean
}

export interface Community {
  _id: string
  districtId: string
  streetId: string
  name: string
  pilot: boolean
  location?: { lat: number; lng: number }
}

/** The three kinds of provider in the resource pool (资源共享库). */
export type OrganizationKind = 'social_org' | 'volunteer_org' | 'gov_dept'

export interface Organization {
  _id: string
  districtId: string
  name: string
  kind: OrganizationKind
  description: string
  /** Rating of registered social organizations (等级评估), where it applies. */
  grade?: '5A' | '4A' | '3A'
  location?: { lat: number; lng: number }
}

/** An append-only record of an action taken by staff on someone else's data (PIPL audit trail). */
export interface AuditEntry {
  _id: string
  actorId: string
  action: string
  collection: string
  targetId: string
  detail?: string
  at: Date
}

export interface PersonalNeed {
  _id: string
  residentId: string
  residentName: string
  districtId: string
  streetId: string
  communityId: string
  kind: PersonalNeedKind
  category: PersonalNeedCategory
  description: string
  /** Given only if the resident wants to be called back; shown masked to workers. */
  contactPhone?: string
  status: PersonalNeedStatus
  createdAt: Date
  updatedAt: Date
}
