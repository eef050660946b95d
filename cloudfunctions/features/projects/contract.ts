import { z } from 'zod'
import type { ServiceDomain } from '../../shared/categories'
import type { Endpoints } from '../../shared/endpoints'
import { calendarMonth, recordId, text, stars, wholeNumber } from '../../shared/validation'
import type {
  CoBuildProject,
  ProjectListKind,
  ProjectMeasures,
  ProjectSource,
  ProjectTargets,
} from './domain'

/** A photo the user uploaded to cloud storage (its fileID). */
const photoFileId = z
  .string({ invalid_type_error: '照片无效' })
  .regex(/^cloud:\/\/[\w.-]+\/uploads\/[\w./-]{1,300}$/, '照片无效')

export const projectsInputs = {
  list: z
    .object({
      communityId: recordId('社区').optional(),
      streetId: recordId('街道').optional(),
      /** The projects an organization carries out, wherever they are. */
      organizationId: recordId('组织').optional(),
    })
    .strict()
    .refine(
      (scope) =>
        [scope.communityId, scope.streetId, scope.organizationId].filter(Boolean).length === 1,
      { message: '请选择一个社区、街道或组织' },
    ),
  detail: z.object({ projectId: recordId('项目') }).strict(),
  addProgress: z
    .object({
      projectId: recordId('项目'),
      month: calendarMonth,
      summary: text('本月进展', { min: 5, max: 500 }),
      peopleServed: z
        .number({ required_error: '请填写服务人次', invalid_type_error: '服务人次必须是数字' })
        .int('服务人次必须是整数')
        .min(0, '服务人次不能为负数')
        .max(1000000, '服务人次过大'),
      photoFileIds: z.array(photoFileId).max(9, '最多 9 张照片').default([]),
    })
    .strict(),
  /** The street reopens a project closed in the last 30 days (e.g. closed by mistake). */
  reopen: z
    .object({ projectId: recordId('项目'), reason: text('重新开启的原因', { min: 4, max: 200 }) })
    .strict(),
  close: z
    .object({
      projectId: recordId('项目'),
      satisfaction: stars('满意度'),
      target: text('项目目标', { min: 2, max: 300 }),
      achieved: text('完成情况', { min: 2, max: 300 }),
      /** Measured at close; people served are counted from the monthly entries. */
      sessions: wholeNumber('实际服务场次', { min: 0, max: 100000 }).optional(),
      hours: wholeNumber('实际服务时长', { min: 0, max: 1000000 }).optional(),
    })
    .strict(),
  /** The effect evaluation's targets (效果评估指标), set as the project starts. */
  setTargets: z
    .object({
      projectId: recordId('项目'),
      peopleServed: wholeNumber('目标服务人次', { min: 1, max: 1000000 }),
      sessions: wholeNumber('目标服务场次', { min: 1, max: 100000 }),
      hours: wholeNumber('目标服务时长', { min: 1, max: 1000000 }),
      satisfaction: stars('目标满意度'),
    })
    .strict(),
  /** A served resident rates the project, once, with one tap. */
  rate: z.object({ projectId: recordId('项目'), stars: stars('评分') }).strict(),
  /** The projects serving the caller's own needs, to rate. */
  served: z.object({}).strict(),
  /** An organization's evaluation report: its rating and each closed project's evaluation. */
  organizationReport: z.object({ organizationId: recordId('组织') }).strict(),
}

export interface ProjectView {
  id: string
  communityId: string
  communityName: string
  organizationName: string
  list: ProjectListKind
  domain: ServiceDomain
  title: string
  quantity: number
  unit: string
  status: CoBuildProject['status']
  progressCount: number
  source: ProjectSource
  targets?: ProjectTargets
  /** Residents' ratings so far. */
  residents?: { mean: number; count: number }
  evaluation?: {
    satisfaction: number
    target: string
    achieved: string
    evaluatedAt: string
    measured?: ProjectMeasures
    residents?: { mean: number; count: number }
    score: number
  }
  createdAt: string
}

/** A project serving the resident's need, with the rating they gave. */
export interface ServedProjectView {
  project: ProjectView
  myRating?: number
  canRate: boolean
}

export interface OrganizationReportView {
  organizationId: string
  organizationName: string
  /** Mean score of its closed, evaluated projects; matching weighs it. */
  rating?: number
  evaluatedCount: number
  activeCount: number
  projects: ProjectView[]
}

export interface ProgressView {
  id: string
  month: string
  summary: string
  peopleServed: number
  photos: { fileId: string; url: string }[]
  authorName: string
  createdAt: string
}

export interface ProjectCounts {
  total: number
  byDomain: Partial<Record<ServiceDomain, number>>
  byList: Record<ProjectListKind, number>
  /** How many categories have at least one project (as in "7 类 33 个项目"). */
  categories: number
}

export type ProjectsApi = Endpoints<
  typeof projectsInputs,
  {
    list: {
      items: ProjectView[]
      counts: ProjectCounts
      byCommunity: { communityId: string; communityName: string; total: number }[]
    }
    detail: {
      project: ProjectView
      progress: ProgressView[]
      canAddProgress: boolean
      canClose: boolean
      canReopen: boolean
      canSetTargets: boolean
      canRate: boolean
      myRating?: number
    }
    addProgress: ProgressView
    close: ProjectView
    reopen: ProjectView
    setTargets: ProjectView
    rate: ProjectView
    served: ServedProjectView[]
    organizationReport: OrganizationReportView
  }
>
