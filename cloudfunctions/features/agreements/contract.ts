import { z } from 'zod'
import { keysOf } from '../../shared/categories'
import type { Endpoints } from '../../shared/endpoints'
import type { Page } from '../../shared/paging'
import { calendarDate, oneOf, pageNumber, recordId, text } from '../../shared/validation'
import {
  AGREEMENT_KINDS,
  AGREEMENT_SCOPES,
  COMMITMENT_KINDS,
  type AgreementKind,
  type AgreementScope,
  type AgreementStatus,
  type CommitmentKind,
  type PartyRef,
} from './domain'

const agreementId = recordId('协议')
const storedFileId = z
  .string({ invalid_type_error: '扫描件无效' })
  .regex(/^cloud:\/\/[\w./-]{1,300}$/, '扫描件无效')

const quantity = z
  .number({ required_error: '请填写承诺数量', invalid_type_error: '承诺数量必须是数字' })
  .int('承诺数量必须是整数')
  .min(1, '承诺数量至少为 1')
  .max(100_000_000, '承诺数量过大')

export const agreementsInputs = {
  create: z
    .object({
      kind: oneOf('协议类型', keysOf(AGREEMENT_KINDS)),
      title: text('协议名称', { min: 4, max: 60 }),
      /** The district, street or community signing first (甲方), by the kind. */
      firstPartyId: recordId('甲方'),
      /** The street (for the district) or the organization (乙方). */
      secondPartyId: recordId('乙方'),
      scopes: z
        .array(oneOf('合作范围', keysOf(AGREEMENT_SCOPES)), {
          invalid_type_error: '合作范围无效',
        })
        .min(1, '请至少选择一项合作范围')
        .refine((scopes) => new Set(scopes).size === scopes.length, '合作范围不能重复'),
      term: z.object({ from: calendarDate, to: calendarDate }).strict(),
      commitments: z
        .array(
          z
            .object({
              kind: oneOf(
                '承诺类型',
                Object.keys(COMMITMENT_KINDS) as [CommitmentKind, ...CommitmentKind[]],
              ),
              description: text('承诺内容', { min: 2, max: 100 }),
              quantity,
            })
            .strict(),
          { invalid_type_error: '承诺事项无效' },
        )
        .min(1, '请至少填写一项承诺事项')
        .max(20, '承诺事项最多 20 项'),
      kpis: z
        .array(
          z
            .object({
              name: text('考核指标', { min: 2, max: 40 }),
              target: text('指标目标', { max: 60 }),
            })
            .strict(),
          { invalid_type_error: '考核指标无效' },
        )
        .max(20, '考核指标最多 20 项')
        .default([]),
      reviewDates: z
        .array(calendarDate, { invalid_type_error: '复核日期无效' })
        .max(24, '复核日期最多 24 个')
        .default([]),
    })
    .strict()
    .refine((input) => input.term.from <= input.term.to, {
      message: '协议期限的结束日期不能早于开始日期',
    })
    .refine(
      (input) =>
        input.reviewDates.every((date) => date >= input.term.from && date <= input.term.to),
      { message: '复核日期须在协议期限之内' },
    ),
  list: z
    .object({
      scope: oneOf('查看范围', ['district', 'street', 'community', 'organization'] as const),
      id: recordId('查看范围'),
      page: pageNumber(),
    })
    .strict(),
  detail: z.object({ agreementId }).strict(),
  /** Who the first party may sign with: the district's streets, or the district's organizations. */
  partyChoices: z
    .object({ kind: oneOf('协议类型', keysOf(AGREEMENT_KINDS)), firstPartyId: recordId('甲方') })
    .strict(),
  sign: z
    .object({
      agreementId,
      signedOn: calendarDate,
      place: text('签订地点', { max: 60 }),
      scanFileId: storedFileId.optional(),
    })
    .strict(),
  terminate: z.object({ agreementId, reason: text('终止原因', { min: 4, max: 200 }) }).strict(),
  recordReview: z
    .object({
      agreementId,
      date: calendarDate,
      notes: text('复核意见', { min: 4, max: 500 }),
      delivered: z
        .array(
          z
            .object({
              commitmentId: recordId('承诺事项'),
              quantity: z
                .number({ invalid_type_error: '完成数量必须是数字' })
                .int('完成数量必须是整数')
                .min(0, '完成数量不能为负数')
                .max(100_000_000, '完成数量过大'),
            })
            .strict(),
          { invalid_type_error: '完成情况无效' },
        )
        .max(20, '完成情况最多 20 项')
        .default([]),
    })
    .strict(),
}

export interface CommitmentView {
  id: string
  kind: CommitmentKind
  description: string
  quantity: number
  unit: string
  delivered: number
  /** Counted by the product (projects, progress, hours), or recorded at reviews. */
  counted: boolean
}

export interface AgreementView {
  id: string
  kind: AgreementKind
  title: string
  firstParty: PartyRef
  secondParty: PartyRef
  scopes: AgreementScope[]
  term: { from: string; to: string }
  status: AgreementStatus
  signedOn?: string
  createdAt: string
}

export interface AgreementDetailView extends AgreementView {
  commitments: CommitmentView[]
  kpis: { name: string; target: string }[]
  reviewDates: string[]
  /** The next review date still to come, if any. */
  nextReview?: string
  reviews: {
    id: string
    date: string
    notes: string
    byName: string
    delivered: { commitmentId: string; quantity: number }[]
  }[]
  signed?: { on: string; place: string; byName: string; hasScan: boolean }
  terminated?: { reason: string; on: string; byName: string }
  can: { sign: boolean; terminate: boolean; review: boolean }
}

export type AgreementsApi = Endpoints<
  typeof agreementsInputs,
  {
    create: AgreementDetailView
    list: Page<AgreementView>
    detail: AgreementDetailView
    partyChoices: { firstPartyName: string; choices: { id: string; name: string }[] }
    sign: AgreementDetailView
    terminate: AgreementDetailView
    recordReview: AgreementDetailView
  }
>
