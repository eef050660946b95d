import { z } from 'zod'
import type { ServiceDomain } from '../../shared/categories'
import type { Endpoints } from '../../shared/endpoints'
import { calendarMonth, recordId, text, stars } from '../../shared/validation'
import type { CoBuildProject, ProjectListKind, ProjectSource } from './domain'

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
    })
    .strict(),
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
  evaluation?: { satisfaction: number; target: string; achieved: string; evaluatedAt: string }
  createdAt: string
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
    }
    addProgress: ProgressView
    close: ProjectView
    reopen: ProjectView
  }
>
