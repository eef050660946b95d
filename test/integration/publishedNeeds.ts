import type { CommunityNeed } from '../../cloudfunctions/features/lists/domain'
import { emptyLedger } from '../../cloudfunctions/shared/capacity/ledger'
import { COLLECTIONS, insertIfAbsent } from '../../cloudfunctions/shared/db'
import { newId } from '../../cloudfunctions/shared/ids'

type NeedOverrides = Partial<Omit<CommunityNeed, '_id' | 'capacity'>> & { quantity?: number }

/**
 * Publishes a line of 大华社区's need list straight into the database, in the test process (which
 * startTestCloud has connected to the same embedded database the functions use).
 */
export async function publishNeed({ quantity = 5, ...overrides }: NeedOverrides = {}) {
  const createdAt = overrides.createdAt ?? new Date()
  const need: CommunityNeed = {
    _id: newId('cneed'),
    districtId: 'jimo',
    streetId: 'chaohai',
    communityId: 'dahua',
    communityName: '大华社区',
    list: 'basic',
    domain: 'public_safety',
    focusGroups: [],
    title: '楼道杂物清理',
    description: '清理各单元楼道堆放的杂物，消除消防隐患。',
    capacity: emptyLedger(quantity),
    unit: '次',
    splittable: true,
    window: { from: '2026-11-01', to: '2027-03-31' },
    priority: 'high',
    status: 'open',
    promotedFrom: [],
    createdBy: 'demo-worker-dahua',
    updatedAt: createdAt,
    ...overrides,
    createdAt,
  }
  await insertIfAbsent(COLLECTIONS.communityNeeds, need)
  return need
}
