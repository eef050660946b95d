import { z } from 'zod'
import { keysOf } from '../../shared/categories'
import type { Endpoints } from '../../shared/endpoints'
import type { Page } from '../../shared/paging'
import type { FileView } from '../../shared/storage'
import {
  calendarDate,
  clockTime,
  mobilePhone,
  oneOf,
  pageNumber,
  recordId,
  text,
} from '../../shared/validation'
import {
  CASE_STATUSES,
  DISPUTE_TYPES,
  OUTCOMES,
  PARTY_SIDES,
  PERFORMANCE,
  RISK_LEVELS,
  type CaseSourceKind,
  type CaseStatus,
  type DisputeType,
  type MediationFigures,
  type Outcome,
  type PartySide,
  type Performance,
  type RiskLevel,
} from './domain'

const caseId = recordId('调解案件')
const personName = (label: string) => text(label, { max: 20 })

const party = z
  .object({
    side: oneOf('当事人身份', keysOf(PARTY_SIDES)),
    name: personName('当事人姓名'),
    phone: mobilePhone('当事人电话').optional(),
  })
  .strict()

const source = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('resident_need'), needId: recordId('居民报事') }).strict(),
    z.object({ kind: z.literal('worker') }).strict(),
    z
      .object({
        kind: z.enum(['police', 'court', 'government']),
        reference: text('移交单位及文号', { min: 2, max: 100 }),
      })
      .strict(),
  ],
  { errorMap: () => ({ message: '请选择有效的案件来源' }) },
)

export const mediationInputs = {
  open: z
    .object({
      communityId: recordId('社区'),
      source,
      disputeType: oneOf('纠纷类型', keysOf(DISPUTE_TYPES)),
      riskLevel: oneOf('风险等级', keysOf(RISK_LEVELS)),
      facts: text('纠纷事实', { min: 10, max: 1000 }),
      parties: z
        .array(party, { invalid_type_error: '当事人无效' })
        .min(2, '请填写双方当事人')
        .max(10, '当事人最多 10 人')
        .refine(
          (parties) =>
            parties.some((item) => item.side === 'applicant') &&
            parties.some((item) => item.side === 'respondent'),
          '当事人需包括申请人和被申请人',
        ),
    })
    .strict(),
  listCommunity: z
    .object({
      communityId: recordId('社区'),
      status: oneOf('状态', keysOf(CASE_STATUSES)).optional(),
      page: pageNumber(),
    })
    .strict(),
  /** Cases the caller is a party to (reported by them). */
  listMine: z.object({ page: pageNumber() }).strict(),
  /** Cases the caller mediates. */
  listAssigned: z.object({ page: pageNumber() }).strict(),
  detail: z.object({ caseId }).strict(),
  team: z.object({ communityId: recordId('社区') }).strict(),
  addMediator: z
    .object({
      communityId: recordId('社区'),
      userId: recordId('调解员'),
      title: text('调解员称谓', { max: 20 }).default('调解员'),
    })
    .strict(),
  removeMediator: z.object({ communityId: recordId('社区'), userId: recordId('调解员') }).strict(),
  assignMediators: z
    .object({
      caseId,
      mediatorIds: z
        .array(recordId('调解员'), { invalid_type_error: '调解员无效' })
        .min(1, '请至少选择 1 名调解员')
        .max(5, '调解员最多 5 名')
        .refine((ids) => new Set(ids).size === ids.length, '调解员不能重复'),
    })
    .strict(),
  recordSession: z
    .object({
      caseId,
      date: calendarDate,
      time: clockTime('调解时间'),
      place: text('调解地点', { max: 60 }),
      attendees: z
        .array(personName('参加人员'), { invalid_type_error: '参加人员无效' })
        .min(2, '请填写参加人员')
        .max(30, '参加人员最多 30 人'),
      record: text('调解记录', { min: 10, max: 2000 }),
    })
    .strict(),
  recordAgreement: z
    .object({
      caseId,
      facts: text('纠纷主要事实及争议事项', { min: 10, max: 1000 }),
      terms: text('达成协议的内容', { min: 5, max: 2000 }),
      performance: z
        .object({
          how: text('履行方式', { max: 200 }),
          where: text('履行地点', { max: 60 }),
          by: calendarDate,
        })
        .strict(),
      signatories: z
        .array(personName('签名人'), { invalid_type_error: '签名人无效' })
        .min(2, '请填写签名的当事人')
        .max(12, '签名人最多 12 人'),
      signedOn: calendarDate,
    })
    .strict(),
  /** The agreement as a printable PDF (调解协议书). */
  agreementDocument: z.object({ caseId }).strict(),
  recordFollowUp: z
    .object({
      caseId,
      performance: oneOf('履行情况', keysOf(PERFORMANCE)),
      note: text('回访情况', { min: 5, max: 500 }),
    })
    .strict(),
  close: z
    .object({
      caseId,
      result: oneOf('调解结果', keysOf(OUTCOMES)),
      summary: text('结案说明', { min: 5, max: 500 }),
      /** Where parties were referred when mediation failed (诉讼、仲裁、行政途径…). */
      referral: text('引导去向', { min: 2, max: 100 }).optional(),
    })
    .strict()
    .refine((input) => input.result === 'success' || input.referral, {
      message: '调解未成功时请填写引导当事人的去向（如诉讼、仲裁）',
    }),
  revealParty: z
    .object({
      caseId,
      partyIndex: z
        .number({ invalid_type_error: '当事人无效' })
        .int('当事人无效')
        .min(0, '当事人无效'),
    })
    .strict(),
  figures: z
    .object({
      scope: oneOf('统计范围', ['community', 'street', 'district'] as const),
      id: recordId('统计范围'),
    })
    .strict(),
}

export interface PartyView {
  side: PartySide
  name: string
  /** Masked for everyone; a worker or mediator reveals it (audited). */
  phone?: string
}

export interface MediationCaseView {
  id: string
  caseNo: string
  communityId: string
  communityName: string
  sourceKind: CaseSourceKind
  disputeType: DisputeType
  riskLevel: RiskLevel
  status: CaseStatus
  outcome?: Outcome
  partyNames: string[]
  mediatorNames: string[]
  dueAt: string
  overdue: boolean
  daysOpen: number
  createdAt: string
}

export interface MediationCaseDetailView extends MediationCaseView {
  sourceLabel: string
  facts: string
  parties: PartyView[]
  acceptedByName: string
  escalatedAt?: string
  sessions: {
    id: string
    at: string
    place: string
    attendees: string[]
    record: string
    byName: string
  }[]
  agreement?: {
    facts: string
    terms: string
    performance: { how: string; where: string; by: string }
    signatories: string[]
    signedOn: string
  }
  followUps: { id: string; at: string; performance: Performance; note: string; byName: string }[]
  closed?: { result: Outcome; summary: string; referral?: string; at: string; byName: string }
  /** The caller's part in it. */
  viewer: 'party' | 'mediator' | 'worker'
  can: {
    assign: boolean
    recordSession: boolean
    recordAgreement: boolean
    readAgreement: boolean
    recordFollowUp: boolean
    closeSuccess: boolean
    closeFailed: boolean
    revealParty: boolean
  }
}

export interface MediationTeamView {
  communityId: string
  name: string
  members: { id: string; name: string; title: string }[]
  /** Verified volunteers and workers of the community who are not members yet. */
  candidates: { id: string; name: string; kind: '社区工作者' | '志愿者' }[]
  canManage: boolean
}

export interface MediationFiguresView extends MediationFigures {
  scopeName: string
  /** One row per community of a street or district (absent for a community). */
  communities?: ({ communityId: string; communityName: string } & Pick<
    MediationFigures,
    'accepted' | 'closed' | 'succeeded' | 'successRate' | 'averageDaysToClose' | 'overdue'
  >)[]
}

export type MediationApi = Endpoints<
  typeof mediationInputs,
  {
    open: MediationCaseDetailView
    listCommunity: Page<MediationCaseView>
    listMine: Page<MediationCaseView>
    listAssigned: Page<MediationCaseView>
    detail: MediationCaseDetailView
    team: MediationTeamView
    addMediator: MediationTeamView
    removeMediator: MediationTeamView
    assignMediators: MediationCaseDetailView
    recordSession: MediationCaseDetailView
    recordAgreement: MediationCaseDetailView
    agreementDocument: FileView
    recordFollowUp: MediationCaseDetailView
    close: MediationCaseDetailView
    revealParty: { name: string; phone: string }
    figures: MediationFiguresView
  }
>
