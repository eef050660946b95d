import type { CommunityNeedView, MatchProposalView } from '../../../cloudfunctions/features/api'

export const NEED_LIST_LABELS = { basic: '基础需求清单', special: '特色需求清单' } as const
export const PRIORITY_LABELS = { high: '高', medium: '中', low: '低' } as const
export { PERIODS as PERIOD_LABELS } from '../../../cloudfunctions/shared/serviceKinds'
export const NEED_STATUS_LABELS: Record<CommunityNeedView['status'], string> = {
  open: '待认领',
  partly_served: '部分认领',
  served: '已全部认领',
  closed: '已关闭',
}
export const PROPOSAL_STATUS_LABELS: Record<MatchProposalView['status'], string> = {
  proposed: '待双方确认',
  accepted: '已达成，转为共建项目',
  rejected: '社区未采纳',
  declined: '组织已谢绝',
  superseded: '已被新方案取代',
}
