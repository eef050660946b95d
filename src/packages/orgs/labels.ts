import { ORGANIZATION_KINDS } from '../../../cloudfunctions/shared/categories'
import {
  GRADE_LEVELS,
  GRADE_STATUSES,
  INCUBATION_STAGES,
  REGISTRATION_KINDS,
} from '../../../cloudfunctions/features/organizations/domain'

/** A filter's choices with 全部 first. */
export const withAll = <K extends string>(labels: Record<K, string>) =>
  ({ all: '全部', ...labels }) as Record<K | 'all', string>

export const FILTERS = {
  kind: withAll(ORGANIZATION_KINDS),
  registration: withAll(REGISTRATION_KINDS),
  grade: withAll(
    Object.fromEntries(GRADE_LEVELS.map((level) => [level, level])) as Record<
      (typeof GRADE_LEVELS)[number],
      string
    >,
  ),
  gradeStatus: withAll(GRADE_STATUSES),
  incubation: withAll(INCUBATION_STAGES),
}
