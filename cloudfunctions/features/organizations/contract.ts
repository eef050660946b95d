import { z } from 'zod'
import { ORGANIZATION_KINDS, keysOf } from '../../shared/categories'
import type { Endpoints } from '../../shared/endpoints'
import type { Page } from '../../shared/paging'
import {
  calendarDate,
  mobilePhone,
  oneOf,
  pageNumber,
  recordId,
  text,
} from '../../shared/validation'
import {
  GRADE_LEVELS,
  GRADE_STATUSES,
  INCUBATION_STAGES,
  REGISTRATION_KINDS,
  isValidCreditCode,
  type GradeLevel,
  type GradeStatus,
  type IncubationStage,
  type OrganizationKind,
  type RegistrationKind,
} from './domain'

const gradeLevel = oneOf('等级', GRADE_LEVELS)

export const organizationsInputs = {
  registry: z
    .object({
      streetId: recordId('街道').optional(),
      kind: oneOf('组织类型', keysOf(ORGANIZATION_KINDS)).optional(),
      registration: oneOf('登记类型', keysOf(REGISTRATION_KINDS)).optional(),
      grade: gradeLevel.optional(),
      gradeStatus: oneOf('等级状态', keysOf(GRADE_STATUSES)).optional(),
      incubation: oneOf('孵化阶段', keysOf(INCUBATION_STAGES)).optional(),
      keyword: text('关键词', { max: 20 }).optional(),
      page: pageNumber(),
    })
    .strict(),
  detail: z.object({ orgId: recordId('组织') }).strict(),
  save: z
    .object({
      /** Absent: a new organization enters the registry. */
      orgId: recordId('组织').optional(),
      name: text('组织名称', { min: 2, max: 40 }),
      kind: oneOf('组织类型', keysOf(ORGANIZATION_KINDS)),
      streetId: recordId('街道').optional(),
      registration: oneOf('登记类型', keysOf(REGISTRATION_KINDS)).optional(),
      creditCode: z
        .string({ invalid_type_error: '统一社会信用代码格式不正确' })
        .trim()
        .toUpperCase()
        .refine(isValidCreditCode, '统一社会信用代码不正确，请核对 18 位代码')
        .optional(),
      registeredOn: calendarDate.optional(),
      description: text('简介', { max: 200 }),
      grade: z
        .object({
          level: gradeLevel,
          awardedOn: calendarDate,
          certNo: text('证书编号', { max: 30 }).optional(),
        })
        .strict()
        .optional(),
      incubation: oneOf('孵化阶段', keysOf(INCUBATION_STAGES)).optional(),
      contact: z
        .object({ name: text('联系人', { max: 20 }), phone: mobilePhone('联系电话') })
        .strict()
        .optional(),
      services: z
        .array(text('服务项目', { max: 20 }), { invalid_type_error: '服务项目格式不正确' })
        .max(12, '服务项目最多 12 项')
        .default([]),
    })
    .strict(),
}

export interface RegistrySummaryView {
  total: number
  registered: number
  filed: number
  /** Grades still valid, 5A first. */
  grades: { level: GradeLevel; count: number }[]
  expiredGrades: number
  incubating: number
}

export interface OrganizationSummaryView {
  id: string
  name: string
  kind: OrganizationKind
  streetName?: string
  registration?: RegistrationKind
  grade?: GradeLevel
  gradeStatus?: GradeStatus
  gradeExpiresOn?: string
  incubation?: IncubationStage
  services: string[]
}

export interface PortfolioView {
  projects: number
  activeProjects: number
  claims: number
  approvedClaims: number
  /** 服务人次: monthly progress of its projects, check-ins at its stalls, trainees it trained. */
  peopleServed: number
  volunteerMinutes: number
  trainingsHosted: number
  /** Residents' ratings of its stalls and communities' evaluations of its projects, 1–5. */
  averageRating: number | null
  ratings: number
}

export interface OrganizationDetailView extends OrganizationSummaryView {
  description: string
  creditCode?: string
  registeredOn?: string
  gradeAwardedOn?: string
  gradeCertNo?: string
  /** The phone is masked unless the caller manages the registry or belongs to the organization. */
  contact?: { name: string; phone: string }
  streetId?: string
  portfolio: PortfolioView
  canEdit: boolean
  /** Invite and remove its members (its admins, the street's and the district's admins). */
  canManagePeople: boolean
}

export type OrganizationsApi = Endpoints<
  typeof organizationsInputs,
  {
    registry: { summary: RegistrySummaryView; page: Page<OrganizationSummaryView> }
    detail: OrganizationDetailView
    save: OrganizationDetailView
  }
>
