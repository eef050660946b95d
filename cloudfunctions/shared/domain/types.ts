import type {
  FocusGroup,
  PersonalNeedCategory,
  PersonalNeedKind,
  PersonalNeedStatus,
  ServiceDomain,
} from './categories'

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

/** 基础需求清单 (basic, every community) or 特色需求清单 (special to this community). */
export type NeedListKind = 'basic' | 'special'

export type NeedPriority = 'high' | 'medium' | 'low'

/**
 * open: published, unclaimed · partly_served: some units committed · served: every unit
 * committed · closed: withdrawn or done.
 */
export type CommunityNeedStatus = 'draft' | 'open' | 'partly_served' | 'served' | 'closed'

/** A line of a community's need list (需求清单), published for providers to see and claim. */
export interface CommunityNeed {
  _id: string
  districtId: string
  streetId: string
  communityId: string
  communityName: string
  list: NeedListKind
  /** One of the six domains (SERVICE_DOMAINS). */
  domain: ServiceDomain
  focusGroups: FocusGroup[]
  title: string
  description: string
  /** Whole units, e.g. 卫生死角清理 × 6 次. */
  quantity: number
  unit: string
  /** Units already committed by confirmed matches or approved claims; never above quantity. */
  committed: number
  /** Whether the need may be served in parts by several providers (e.g. 次, 个) or not (e.g. 项). */
  splittable: boolean
  window: { from: string; to: string }
  priority: NeedPriority
  status: CommunityNeedStatus
  /** The personal needs this line was promoted from. */
  promotedFrom: string[]
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/** A line of a provider's resource list (资源清单): what it offers, how much per period, where. */
export interface ResourceOffering {
  _id: string
  districtId: string
  organizationId: string
  organizationName: string
  organizationKind: OrganizationKind
  /** The first domain is the provider's primary one. */
  domains: ServiceDomain[]
  focusGroups: FocusGroup[]
  title: string
  description: string
  /** Capacity per period, e.g. 场地 120 人 per 次, 助学名额 6 个 per 年. */
  capacity: number
  unit: string
  period: 'once' | 'month' | 'year'
  /** Units already committed; remaining = capacity − committed, never below zero. */
  committed: number
  serviceArea: { districtWide: boolean; streetIds: string[]; communityIds: string[] }
  availability: { from: string; to: string }
  status: 'active' | 'paused' | 'withdrawn'
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/** 共建项目清单 (co_build) or 特色项目清单 (special, grown from a community's special need). */
export type ProjectListKind = 'co_build' | 'special'

/** A co-build project: an approved match or claim being carried out by a provider. */
export interface CoBuildProject {
  _id: string
  districtId: string
  streetId: string
  communityId: string
  communityName: string
  /** The approved match or claim this project carries out. */
  source: { kind: 'match' | 'claim'; id: string }
  needId: string
  organizationId: string
  organizationName: string
  list: ProjectListKind
  domain: ServiceDomain
  title: string
  /** The units of the need this project serves, e.g. 6 次. */
  quantity: number
  unit: string
  status: 'active' | 'closed'
  /** How many monthly progress entries were recorded; kept on the project for list views. */
  progressCount: number
  evaluation?: ProjectEvaluation
  createdAt: Date
  updatedAt: Date
}

/** The community worker's effect evaluation (效果评估), recorded when a project closes. */
export interface ProjectEvaluation {
  /** Residents' satisfaction, 1 (poor) to 5 (very satisfied). */
  satisfaction: number
  target: string
  achieved: string
  evaluatedBy: string
  evaluatedAt: Date
}

/** One month's progress of a project (月度进展). */
export interface ProjectProgress {
  _id: string
  projectId: string
  /** YYYY-MM */
  month: string
  summary: string
  /** People served in the month (服务人次). */
  peopleServed: number
  photoFileIds: string[]
  authorId: string
  authorName: string
  createdAt: Date
}

/** A provider's claim of a published need (领题揭榜). */
export interface NeedClaim {
  _id: string
  districtId: string
  streetId: string
  communityId: string
  needId: string
  needTitle: string
  organizationId: string
  organizationName: string
  quantity: number
  unit: string
  plan: string
  status: 'pending' | 'approved' | 'declined'
  claimedBy: string
  decidedBy?: string
  decisionNote?: string
  projectId?: string
  createdAt: Date
  updatedAt: Date
}

/**
 * A matching proposal (need × offering × units). The community confirms or rejects, the provider
 * accepts or declines; confirming reserves the units on both sides. `confirming` is held while the
 * reservation runs so that no decision interleaves with it. Once both agree it is `accepted`.
 */
export interface MatchProposalRecord {
  _id: string
  districtId: string
  streetId: string
  communityId: string
  communityName: string
  needId: string
  needTitle: string
  offeringId: string
  offeringTitle: string
  organizationId: string
  organizationName: string
  quantity: number
  unit: string
  reasons: string[]
  communityDecision: 'pending' | 'confirming' | 'confirmed' | 'rejected'
  providerDecision: 'pending' | 'accepted' | 'declined'
  status: 'proposed' | 'accepted' | 'rejected' | 'declined' | 'superseded'
  projectId?: string
  createdBy: string
  createdAt: Date
  updatedAt: Date
}
