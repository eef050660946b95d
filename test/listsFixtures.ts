import type { MatchProposalView } from '../cloudfunctions/features/api'

/** A valid need line and offering line, as the publish forms send them. */
export const needLine = {
  communityId: 'dahua',
  list: 'basic',
  domain: 'social_work',
  focusGroups: ['elderly'],
  title: '独居老人探访',
  description: '每周探访社区独居老人，了解身体和生活情况。',
  quantity: 6,
  unit: '次',
  splittable: true,
  window: { from: '2026-12-01', to: '2027-05-31' },
  priority: 'high',
} as const

export const offeringLine = {
  organizationId: 'mayi',
  domains: ['social_work'],
  focusGroups: ['elderly'],
  title: '志愿者探访服务',
  description: '义工团志愿者每月上门探访独居老人。',
  capacity: 10,
  unit: '次',
  period: 'month',
  serviceArea: { districtWide: false, streetIds: ['chaohai'], communityIds: [] },
  availability: { from: '2026-11-01', to: '2027-12-31' },
} as const

/** A proposal as the matching function answers it. */
export const proposalView: MatchProposalView = {
  id: 'p1',
  communityId: 'dahua',
  communityName: '大华社区',
  needId: 'n1',
  needTitle: '困难家庭儿童助学名额',
  offeringId: 'o1',
  offeringTitle: '助学名额',
  organizationId: 'mayi',
  organizationName: '蚂蚁力量儿童义工团',
  quantity: 3,
  unit: '个',
  reasons: ['服务范围为全区', '剩余容量 6 个，本次分配 3 个'],
  communityDecision: 'pending',
  providerDecision: 'pending',
  status: 'proposed',
  createdAt: '2026-11-20T01:00:00.000Z',
}
