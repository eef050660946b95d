import { z } from 'zod'
import type { Endpoints } from '../../shared/endpoints'

/** One thing the check found and put right (each is also in the audit log). */
export interface RepairView {
  kind: string
  targetId: string
  problem: string
}

export interface RepairReport {
  migrated: number
  repairs: RepairView[]
}

export const maintenanceInputs = {
  /** Runs the invariant check now; `full` checks every invariant over all records. */
  repair: z.object({ full: z.boolean({ invalid_type_error: '参数无效' }).default(false) }).strict(),
}

export type MaintenanceApi = Endpoints<typeof maintenanceInputs, { repair: RepairReport }>
