import { z } from 'zod'
import {
  FOCUS_GROUPS,
  SERVICE_DOMAINS,
  keysOf,
  type FocusGroup,
  type ServiceDomain,
} from '../../shared/categories'
import type { Endpoints } from '../../shared/endpoints'
import { MEASURES, PERIODS, RESOURCE_KINDS, UNITS, type Measure } from '../../shared/serviceKinds'
import type { Page } from '../../shared/paging'
import { oneOf, pageNumber, recordId, text } from '../../shared/validation'
import type { OrganizationKind } from '../organizations/domain'
import type { CommunityNeedStatus, NeedListKind, NeedPriority, ResourceOffering } from './domain'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

function isoDate(label: string) {
  return z
    .string({ required_error: `请选择${label}`, invalid_type_error: `${label}格式不正确` })
    .regex(ISO_DATE, `${label}格式不正确，应为 YYYY-MM-DD`)
    .refine((value) => !Number.isNaN(Date.parse(value)), `${label}不是有效日期`)
}

function dateWindow(label: string) {
  return z
    .object({ from: isoDate(`${label}开始日期`), to: isoDate(`${label}结束日期`) })
    .strict()
    .refine((window) => window.from <= window.to, `${label}的结束日期不能早于开始日期`)
}

function wholeUnits(label: string) {
  return z
    .number({ required_error: `请填写${label}`, invalid_type_error: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(1, `${label}至少为 1`)
    .max(100000, `${label}不能超过 100000`)
}

export const serviceDomain = oneOf('服务领域', keysOf(SERVICE_DOMAINS))
const focusGroups = z
  .array(oneOf('重点人群', keysOf(FOCUS_GROUPS)), { invalid_type_error: '重点人群格式不正确' })
  .max(4, '重点人群最多选择 4 项')
  .default([])
const unit = oneOf('单位', Object.keys(UNITS) as [string, ...string[]])
/** A kind of the district's vocabulary; the service checks that it exists. */
const kind = text('服务类型', { max: 40 }).optional()
const seats = z
  .number({ invalid_type_error: '容纳人数必须是数字' })
  .int('容纳人数必须是整数')
  .min(1, '容纳人数至少为 1')
  .max(100000, '容纳人数不能超过 100000')
  .optional()

const needFields = {
  list: oneOf('清单类型', ['basic', 'special'] as const),
  domain: serviceDomain,
  focusGroups,
  title: text('需求名称', { min: 2, max: 40 }),
  description: text('需求描述', { min: 5, max: 500 }),
  kind,
  seats,
  quantity: wholeUnits('需求数量'),
  unit,
  splittable: z.boolean({ invalid_type_error: '请选择是否可拆分' }).default(true),
  window: dateWindow('需求时间'),
  priority: oneOf('优先级', ['high', 'medium', 'low'] as const),
}

const offeringFields = {
  domains: z
    .array(serviceDomain, {
      required_error: '请选择服务领域',
      invalid_type_error: '服务领域格式不正确',
    })
    .min(1, '请至少选择一个服务领域')
    .max(6, '服务领域最多选择 6 项'),
  focusGroups,
  title: text('资源名称', { min: 2, max: 40 }),
  description: text('资源描述', { min: 5, max: 500 }),
  kind,
  resourceKind: oneOf('资源类型', keysOf(RESOURCE_KINDS)).optional(),
  seats,
  capacity: wholeUnits('可提供数量'),
  unit,
  period: oneOf('周期', keysOf(PERIODS)),
  serviceArea: z
    .object({
      districtWide: z.boolean({ invalid_type_error: '服务范围格式不正确' }).default(false),
      streetIds: z.array(recordId('街道')).max(20, '街道最多选择 20 个').default([]),
      communityIds: z.array(recordId('社区')).max(120, '社区最多选择 120 个').default([]),
    })
    .strict()
    .refine(
      (area) => area.districtWide || area.streetIds.length + area.communityIds.length > 0,
      '请选择服务范围（全区、街道或社区）',
    ),
  availability: dateWindow('服务时间'),
}

export const listsInputs = {
  publishNeed: z
    .object({
      communityId: recordId('社区'),
      ...needFields,
      /** Residents' personal needs this line takes over (they become 已受理). */
      promotedFrom: z.array(recordId('居民需求')).max(20, '一次最多转入 20 条居民需求').default([]),
    })
    .strict(),
  editNeed: z
    .object({ needId: recordId('需求'), ...needFields })
    .partial()
    .required({ needId: true })
    .strict(),
  closeNeed: z.object({ needId: recordId('需求') }).strict(),
  listNeeds: z
    .object({
      streetId: recordId('街道').optional(),
      communityId: recordId('社区').optional(),
      domain: serviceDomain.optional(),
      status: oneOf('状态', ['open', 'partly_served', 'served', 'closed'] as const).optional(),
      page: pageNumber(),
    })
    .strict(),
  publishOffering: z.object({ organizationId: recordId('组织'), ...offeringFields }).strict(),
  editOffering: z
    .object({ offeringId: recordId('资源'), ...offeringFields })
    .partial()
    .required({ offeringId: true })
    .strict(),
  setOfferingStatus: z
    .object({ offeringId: recordId('资源'), status: oneOf('状态', ['active', 'paused'] as const) })
    .strict(),
  listOfferings: z
    .object({ organizationId: recordId('组织').optional(), page: pageNumber() })
    .strict(),
  /** The vocabulary the pickers offer: built-in kinds and the district's own. */
  listKinds: z.object({}).strict(),
  addKind: z
    .object({
      districtId: recordId('区'),
      label: text('服务类型名称', { min: 2, max: 12 }),
      domain: serviceDomain,
      measure: oneOf('计量方式', keysOf(MEASURES)),
      keywords: z
        .array(text('关键词', { max: 8 }), { invalid_type_error: '关键词格式不正确' })
        .max(10, '关键词最多 10 个')
        .default([]),
    })
    .strict(),
}

export interface ServiceKindView {
  id: string
  label: string
  domain: ServiceDomain
  measure: Measure
  /** Added by the district (built-in kinds are not). */
  custom: boolean
}

export interface CommunityNeedView {
  id: string
  communityId: string
  communityName: string
  streetId: string
  list: NeedListKind
  domain: ServiceDomain
  focusGroups: FocusGroup[]
  title: string
  description: string
  quantity: number
  unit: string
  /** Units committed by approved claims and confirmed matches. */
  committed: number
  splittable: boolean
  window: { from: string; to: string }
  priority: NeedPriority
  status: CommunityNeedStatus
  promotedCount: number
  createdAt: string
  /** The community's own workers may correct or close a line until it is closed. */
  canEdit: boolean
}

export interface ResourceOfferingView {
  id: string
  organizationId: string
  organizationName: string
  organizationKind: OrganizationKind
  domains: ServiceDomain[]
  focusGroups: FocusGroup[]
  title: string
  description: string
  capacity: number
  committed: number
  remaining: number
  unit: string
  period: ResourceOffering['period']
  serviceArea: ResourceOffering['serviceArea']
  availability: { from: string; to: string }
  status: ResourceOffering['status']
  /** The organization's members may correct, pause or resume it. */
  canEdit: boolean
}

export type ListsApi = Endpoints<
  typeof listsInputs,
  {
    publishNeed: CommunityNeedView
    editNeed: CommunityNeedView
    closeNeed: CommunityNeedView
    listNeeds: Page<CommunityNeedView>
    publishOffering: ResourceOfferingView
    editOffering: ResourceOfferingView
    setOfferingStatus: ResourceOfferingView
    listOfferings: Page<ResourceOfferingView>
    listKinds: ServiceKindView[]
    addKind: ServiceKindView
  }
>
