// Hand-made cases: the pairing a community worker expects between offerings of one kind, and the
// true reason a need goes without, in the words the page shows.
import { matchNeeds } from '../../../cloudfunctions/features/matching/engine'
import type {
  CommunityInfo,
  MatchingNeed,
  MatchingResource,
} from '../../../cloudfunctions/features/matching/engine'
import { lineKindOf } from '../../../cloudfunctions/features/lists/domain'
import type { ServiceDomain } from '../../../cloudfunctions/shared/categories'
import { vocabularyOf } from '../../../cloudfunctions/shared/serviceKinds'

const communities: Record<string, CommunityInfo> = {
  east: { name: '东一社区', streetId: 's1', location: { lat: 36.389, lng: 120.447 } },
  west: { name: '西一社区', streetId: 's2', location: { lat: 36.372, lng: 120.481 } },
}
const noArea = { districtWide: false, streetIds: [], communityIds: [] }

function need(fields: Partial<MatchingNeed> & Pick<MatchingNeed, 'id' | 'title'>): MatchingNeed {
  return {
    communityId: 'east',
    streetId: 's1',
    communityName: '东一社区',
    kind: 'environment',
    measure: 'sessions',
    quantity: 2,
    weight: 1,
    unit: '次',
    ...fields,
  }
}

function offering(
  fields: Partial<MatchingResource> & Pick<MatchingResource, 'id' | 'title'>,
): MatchingResource {
  return {
    providerId: `org-${fields.id}`,
    providerName: `组织${fields.id}`,
    providerKind: 'volunteer_org',
    kind: 'environment',
    measure: 'sessions',
    remaining: 4,
    unit: '场',
    serviceArea: { ...noArea, districtWide: true },
    ...fields,
  }
}

const solve = (needs: MatchingNeed[], resources: MatchingResource[]) =>
  matchNeeds({
    needs,
    resources,
    communities,
    periodName: '本季度',
    kindLabels: { environment: '环境整治' },
  })

describe('pairings a worker agrees with', () => {
  it('gives a need the offering that says the same thing, not an arbitrary one of its kind', () => {
    const cleanUp = need({ id: 'n1', title: '卫生死角清理' })
    const result = solve(
      [cleanUp],
      [
        offering({ id: 'a', title: '绿化养护志愿服务' }),
        offering({ id: 'b', title: '卫生死角清理' }),
      ],
    )
    expect(result.proposals.map((p) => [p.needId, p.resourceId, p.quantity])).toEqual([
      ['n1', 'b', 2],
    ])
    expect(result.proposals[0].reasons[0]).toBe('组织b提供「卫生死角清理」，本季度剩余 4 场')
  })

  it('maps free-text lines onto the vocabulary, so 名 and 个 meet and a clean-up meets eco sessions', () => {
    const kindOf = (title: string, domain: ServiceDomain, unit: string) =>
      lineKindOf(vocabularyOf(), { title, description: '', domain, unit })
    expect(kindOf('困难集体助学名额', 'service_supply', '个')).toEqual(
      kindOf('助学名额', 'social_work', '名'),
    )
    expect(kindOf('卫生死角清理活动', 'harmonious_management', '次')).toEqual(
      kindOf('生态环保志愿服务', 'civic_culture', '场'),
    )
  })
})

describe('the true reason a need goes without', () => {
  it.each([
    [
      'no offering of the kind',
      [offering({ id: 'x', title: '调解', kind: 'mediation' })],
      '资源清单中没有提供「环境整治」的资源',
    ],
    [
      'all taken this quarter',
      [offering({ id: 'x', title: '清理', remaining: 0 })],
      '提供「环境整治」的资源本季度已全部用完',
    ],
    [
      'outside every service area',
      [offering({ id: 'x', title: '清理', serviceArea: { ...noArea, streetIds: ['s2'] } })],
      '提供「环境整治」的资源，服务范围都不含东一社区',
    ],
    [
      'time windows that do not overlap',
      [offering({ id: 'x', title: '清理', window: { from: '2026-01-01', to: '2026-03-31' } })],
      '提供「环境整治」的资源，服务时间都与需求时间（2026-07-01 至 2026-09-30）不重叠',
    ],
  ])('%s', (_, resources, reason) => {
    const result = solve(
      [need({ id: 'n1', title: '卫生死角清理', window: { from: '2026-07-01', to: '2026-09-30' } })],
      resources,
    )
    expect(result.proposals).toEqual([])
    expect(result.unmatched).toEqual([{ needId: 'n1', quantityUnserved: 2, reason }])
  })

  it('says when a whole need is larger than what any one provider has left', () => {
    const result = solve(
      [need({ id: 'n1', title: '卫生死角清理', quantity: 5, whole: true })],
      [
        offering({ id: 'a', title: '清理', remaining: 3 }),
        offering({ id: 'b', title: '清理', remaining: 3 }),
      ],
    )
    expect(result.proposals).toEqual([])
    expect(result.unmatched[0].reason).toBe(
      '须由一家整体承接 5 次，但本季度剩余最多的资源只有 3 次',
    )
  })
})
