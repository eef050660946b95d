import { z } from 'zod'
import type { Endpoints } from '../../shared/endpoints'
import type { RoleKind } from '../../shared/roles'
import type { FileView } from '../../shared/storage'
import { oneOf, recordId } from '../../shared/validation'
import type { FunnelStage, ProjectStage, TrendPoint } from './domain'

export type DeskScope = 'district' | 'street' | 'community'

const scope = oneOf('统计范围', ['district', 'street', 'community'] as const)

const node = z.object({ scope, id: recordId('统计范围') }).strict()

export const deskInputs = {
  /** A node of the tree (the caller's own district or street when none is given). */
  overview: z
    .object({ scope: scope.optional(), id: recordId('统计范围').optional() })
    .strict()
    .refine((input) => (input.scope === undefined) === (input.id === undefined), {
      message: '请同时选择统计范围及其名称',
    }),
  /** Every table of a node as one Excel workbook, a sheet per table. */
  exportTables: node,
  /** Takes today's snapshot again, so the desk shows what was recorded since the morning. */
  refresh: z.object({}).strict(),
  /** The caller's to-dos with their counts, for each role they hold. */
  todos: z.object({}).strict(),
}

export interface DeskNodeRef {
  scope: DeskScope
  id: string
  name: string
}

/** The headline figures of a node, as the tree's rows show them. */
export interface DeskHeadline {
  needsPublished: number
  projects: number
  peopleServed: number
  volunteersRegistered: number
  hours: number
}

export interface DeskFiguresView {
  funnel: { stage: FunnelStage; label: string; count: number }[]
  resources: { kind: string; label: string; providers: number; offerings: number }[]
  projects: {
    domain: string
    label: string
    stages: Record<ProjectStage, number>
    total: number
  }[]
  projectStages: { stage: ProjectStage; label: string; count: number }[]
  peopleServed: { total: number; inProjects: number; atStalls: number }
  volunteers: { registered: number; verified: number; active: number; hours: number }
  stallVisits: number
  mediation: { cases: number; succeeded: number }
  donations: { count: number; yuan: number }
  personalNeeds: { open: number; accepted: number }
}

export interface DeskOverviewView extends DeskNodeRef {
  /** From the district down to this node, for the breadcrumb. */
  path: DeskNodeRef[]
  /** When the figures were taken, China time (YYYY-MM-DD HH:mm). */
  takenAt: string
  headline: DeskHeadline
  figures: DeskFiguresView
  /** The streets of a district, the communities of a street; none below a community. */
  children: (DeskNodeRef & { headline: DeskHeadline })[]
  trends: TrendPoint[]
  canExport: boolean
  canRefresh: boolean
}

/** One thing to do, counted, with the page where it is done. */
export interface TodoView {
  key: string
  title: string
  count: number
  /** A mini-program page path with its query, as notifications carry. */
  page: string
}

/** The to-dos of one of the caller's roles (the app names the role from account.me). */
export interface RoleTodosView {
  kind: RoleKind
  scopeId: string
  todos: TodoView[]
}

export type DeskApi = Endpoints<
  typeof deskInputs,
  {
    overview: DeskOverviewView
    exportTables: FileView
    refresh: { takenAt: string }
    todos: RoleTodosView[]
  }
>
