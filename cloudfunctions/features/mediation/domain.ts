import { DAY_MS } from '../../shared/time'

/**
 * People's mediation (人民调解) of a dispute: a case is accepted (from a resident's report, by a
 * worker, or transferred by the police, a court or a government department), mediators from the
 * community's mediation team are assigned, sessions are held and recorded, a mediation agreement
 * (调解协议书) is signed, its performance is followed up (回访), and the case is closed as a success
 * or a failure (with where the parties were referred). Mediation is free of charge.
 */
export type CaseStatus = 'accepted' | 'mediating' | 'agreed' | 'closed'

export const CASE_STATUSES: Record<CaseStatus, string> = {
  accepted: '已受理',
  mediating: '调解中',
  agreed: '已达成协议',
  closed: '已结案',
}

export const DISPUTE_TYPES = {
  marriage_family: '婚姻家庭',
  neighbourhood: '邻里纠纷',
  housing_land: '房屋宅基地',
  contract: '合同纠纷',
  damages: '损害赔偿',
  property_management: '物业纠纷',
  labour: '劳动争议',
  land_requisition: '征地拆迁',
  other: '其他纠纷',
} as const
export type DisputeType = keyof typeof DISPUTE_TYPES

/** Risk of the dispute escalating; a red case is reported to the street at once. */
export const RISK_LEVELS = {
  red: '红色（易激化，需上报）',
  orange: '橙色（需重点关注）',
  yellow: '黄色（一般）',
} as const
export type RiskLevel = keyof typeof RISK_LEVELS

export const CASE_SOURCES = {
  resident_need: '居民报事',
  worker: '社区受理',
  police: '公安机关移交',
  court: '人民法院委托',
  government: '政府部门移交',
} as const
export type CaseSourceKind = keyof typeof CASE_SOURCES

export type CaseSource =
  | { kind: 'resident_need'; needId: string }
  | { kind: 'worker' }
  | { kind: 'police' | 'court' | 'government'; reference: string }

export const PARTY_SIDES = { applicant: '申请人', respondent: '被申请人' } as const
export type PartySide = keyof typeof PARTY_SIDES

export const OUTCOMES = { success: '调解成功', failed: '调解未成功' } as const
export type Outcome = keyof typeof OUTCOMES

export const PERFORMANCE = {
  performed: '已履行',
  partly: '部分履行',
  not_performed: '未履行',
} as const
export type Performance = keyof typeof PERFORMANCE

/** A case should be mediated within a month of being accepted (人民调解工作若干规定). */
export const TARGET_DAYS = 30
/** Mediators and workers are reminded this many days before the target passes. */
export const REMIND_DAYS_BEFORE = 7

export interface Person {
  id: string
  name: string
}

export interface Party {
  side: PartySide
  name: string
  phone?: string
  /** The party's own account, when they came through the app (a resident's report). */
  userId?: string
}

export interface MediationSession {
  id: string
  at: Date
  place: string
  attendees: string[]
  record: string
  by: Person
}

/** The required contents of a mediation agreement (人民调解法 第二十九条). */
export interface Agreement {
  facts: string
  terms: string
  performance: { how: string; where: string; by: string }
  signatories: string[]
  signedOn: string
  recordedBy: Person
  recordedAt: Date
}

export interface FollowUp {
  id: string
  at: Date
  performance: Performance
  note: string
  by: Person
}

export interface MediationCase {
  _id: string
  caseNo: string
  districtId: string
  streetId: string
  communityId: string
  source: CaseSource
  disputeType: DisputeType
  riskLevel: RiskLevel
  facts: string
  parties: Party[]
  /** The resident whose report started it, who follows it in the app. */
  residentId?: string
  mediators: Person[]
  sessions: MediationSession[]
  agreement?: Agreement
  followUps: FollowUp[]
  status: CaseStatus
  outcome?: { result: Outcome; referral?: string; summary: string; by: Person; at: Date }
  acceptedBy: Person
  /** When a red case was reported to the street's admins. */
  escalatedAt?: Date
  dueAt: Date
  createdAt: Date
  updatedAt: Date
  closedAt?: Date
}

/** A community's mediation team (e.g. 邻里解忧团): the people cases are assigned to. */
export interface MediationTeam {
  /** The community's id: one team per community. */
  _id: string
  communityId: string
  name: string
  members: (Person & { title: string; addedAt: Date })[]
  updatedAt: Date
}

/** Who mediates which case, one record each, so a mediator finds their cases. */
export interface CaseAssignment {
  _id: string
  caseId: string
  userId: string
  communityId: string
  createdAt: Date
}

export const assignmentId = (caseId: string, userId: string) => `${caseId}:${userId}`

/** The case number people quote on the phone: the day it was accepted and four letters of its id. */
export function caseNumberOf(id: string, acceptedOn: string): string {
  return `${acceptedOn.replace(/-/g, '')}-${id.slice(-4).toUpperCase()}`
}

export function dueDateOf(acceptedAt: Date): Date {
  return new Date(acceptedAt.getTime() + TARGET_DAYS * DAY_MS)
}

/** Whole days from acceptance to closing (or to now, while open). */
export function daysOpenOf(item: MediationCase, now: Date): number {
  const end = item.closedAt ? new Date(item.closedAt) : now
  return Math.max(0, Math.floor((end.getTime() - new Date(item.createdAt).getTime()) / DAY_MS))
}

export function isOverdue(item: MediationCase, now: Date): boolean {
  return item.status !== 'closed' && now > new Date(item.dueAt)
}

/** The statuses each step may be taken from. */
export const STEPS_FROM = {
  assign: ['accepted', 'mediating'],
  session: ['accepted', 'mediating'],
  agreement: ['mediating'],
  followUp: ['agreed'],
  closeSuccess: ['agreed'],
  closeFailed: ['accepted', 'mediating', 'agreed'],
} satisfies Record<string, CaseStatus[]>

export type Step = keyof typeof STEPS_FROM

export function canStep(item: MediationCase, step: Step): boolean {
  return (STEPS_FROM[step] as CaseStatus[]).includes(item.status)
}

/** Figures the street, the district and the desk read: counts, never contents. */
export interface MediationFigures {
  accepted: number
  open: number
  closed: number
  succeeded: number
  /** Of the closed cases, the share mediated successfully (0–1), absent before any closed. */
  successRate?: number
  averageDaysToClose?: number
  overdue: number
  byType: Partial<Record<DisputeType, { accepted: number; succeeded: number }>>
  byRisk: Record<RiskLevel, number>
}

export function figuresOf(cases: MediationCase[], now: Date): MediationFigures {
  const closed = cases.filter((item) => item.status === 'closed')
  const succeeded = closed.filter((item) => item.outcome?.result === 'success').length
  const byType: MediationFigures['byType'] = {}
  const byRisk: Record<RiskLevel, number> = { red: 0, orange: 0, yellow: 0 }
  for (const item of cases) {
    const row = (byType[item.disputeType] ??= { accepted: 0, succeeded: 0 })
    row.accepted += 1
    if (item.outcome?.result === 'success') row.succeeded += 1
    byRisk[item.riskLevel] += 1
  }
  const totalDays = closed.reduce((sum, item) => sum + daysOpenOf(item, now), 0)
  return {
    accepted: cases.length,
    open: cases.length - closed.length,
    closed: closed.length,
    succeeded,
    ...(closed.length
      ? {
          successRate: succeeded / closed.length,
          averageDaysToClose: Math.round((totalDays / closed.length) * 10) / 10,
        }
      : {}),
    overdue: cases.filter((item) => isOverdue(item, now)).length,
    byType,
    byRisk,
  }
}
