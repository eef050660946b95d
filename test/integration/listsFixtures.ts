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
