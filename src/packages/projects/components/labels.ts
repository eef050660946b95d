import type { ClaimView } from '../../../../cloudfunctions/features/api'
import type { ProjectListKind } from '../../../../cloudfunctions/features/projects/domain'

export const PROJECT_LIST_LABELS: Record<ProjectListKind, string> = {
  co_build: '共建项目',
  special: '特色项目',
}

export const CLAIM_STATUS_LABELS: Record<ClaimView['status'], string> = {
  pending: '待审核',
  approved: '已同意',
  declined: '未同意',
}
