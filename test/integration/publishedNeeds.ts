import type { CommunityNeed } from '../../cloudfunctions/shared/domain/types'
import { insertCommunityNeed } from '../../cloudfunctions/shared/repositories/communityNeeds'

/**
 * Publishes a line of 大华社区's need list through the repository, in the test process (which
 * startTestCloud has connected to the same embedded database the functions use).
 */
export async function publishNeed(overrides: Partial<Omit<CommunityNeed, '_id'>> = {}) {
  const createdAt = overrides.createdAt ?? new Date()
  return insertCommunityNeed({
    districtId: 'jimo',
    streetId: 'chaohai',
    communityId: 'dahua',
    communityName: '大华社区',
    list: 'basic',
    domain: 'public_safety',
    focusGroups: [],
    title: '楼道杂物清理',
    description: '清理各单元楼道堆放的杂物，消除消防隐患。',
    quantity: 5,
    unit: '次',
    committed: 0,
    splittable: true,
    window: { from: '2026-11-01', to: '2027-03-31' },
    priority: 'high',
    status: 'open',
    promotedFrom: [],
    createdBy: 'demo-worker-dahua',
    updatedAt: createdAt,
    ...overrides,
    createdAt,
  })
}
