// Hand-made cases with the names of DOMAIN.md: who gets what, and why, in words a 社工 reads.
import {
  FIT_COST,
  fitCostOf,
  matchNeeds,
  matchNeedsGreedy,
} from '../../../cloudfunctions/features/matching/engine'
import type {
  CommunityInfo,
  MatchingInput,
  MatchingNeed,
  MatchingResource,
} from '../../../cloudfunctions/features/matching/engine'

const communities: Record<string, CommunityInfo> = {
  dahua: { name: '大华社区', streetId: 'tongji', location: { lat: 36.389, lng: 120.447 } },
  jifa: { name: '即发阳光城社区', streetId: 'tongji', location: { lat: 36.401, lng: 120.462 } },
  xinhui: { name: '新惠社区', streetId: 'huanxiu', location: { lat: 36.372, lng: 120.481 } },
  shuohui: { name: '硕辉苑社区', streetId: 'huanxiu' },
}
const streets = {
  tongji: { name: '通济街道' },
  huanxiu: { name: '环秀街道' },
}

function need(fields: Partial<MatchingNeed> & Pick<MatchingNeed, 'id' | 'communityId'>) {
  const community = communities[fields.communityId]
  return {
    streetId: community.streetId,
    communityName: community.name,
    category: '助学',
    quantity: 1,
    weight: 1,
    title: '集体助学名额',
    ...fields,
  }
}

const noArea = { districtWide: false, streetIds: [], communityIds: [] }

function resource(fields: Partial<MatchingResource> & Pick<MatchingResource, 'id'>) {
  return {
    providerId: `org-${fields.id}`,
    providerName: '蚂蚁力量儿童义工团',
    providerKind: 'volunteer_org' as const,
    categories: ['助学'],
    remaining: 6,
    unit: '个',
    serviceArea: noArea,
    title: '助学名额',
    ...fields,
  }
}

const antPower = resource({
  id: 'ant-aid',
  providerId: 'ant-power',
  categories: ['助学', '活动保障', '环保志愿'],
  serviceArea: { ...noArea, streetIds: ['tongji'] },
  location: { lat: 36.395, lng: 120.455 },
  rating: 4.8,
  title: '蚂蚁力量儿童义工团 · 6 个助学名额',
})

function solve(needs: MatchingNeed[], resources: MatchingResource[]) {
  const input: MatchingInput = { needs, resources, communities, streets }
  return matchNeeds(input)
}

describe('explanations of a proposal', () => {
  it('explains why 蚂蚁力量儿童义工团 takes 大华社区’s 3 助学名额', () => {
    const dahua = need({ id: 'dahua-aid', communityId: 'dahua', quantity: 3, weight: 4 })
    const result = solve([dahua], [antPower])
    expect(result.unmatched).toEqual([])
    expect(result.proposals).toHaveLength(1)
    const [proposal] = result.proposals
    expect(proposal).toMatchObject({
      needId: 'dahua-aid',
      resourceId: 'ant-aid',
      providerId: 'ant-power',
      quantity: 3,
      fitCost: fitCostOf(dahua, antPower, communities),
    })
    expect(proposal.reasons).toEqual([
      '服务范围覆盖通济街道',
      '「助学」是该组织的主要服务类别',
      expect.stringMatching(/^距离大华社区约 \d+\.\d 公里$/),
      '评分 4.8',
      '剩余容量 6 个，本次分配 3 个',
    ])
    expect(result.totals).toEqual({
      weightedServed: 12,
      weightedDemand: 12,
      unitsServed: 3,
      fitCost: 3 * proposal.fitCost,
    })
  })

  it('names the community listing, a secondary category, an unknown location and the window', () => {
    const venue = resource({
      id: 'moshang-venue',
      providerId: 'moshang',
      providerName: '即墨区品牌商会·墨商成长驿站',
      providerKind: 'social_org',
      categories: ['培训场地', '宣讲'],
      remaining: 120,
      unit: '人',
      serviceArea: { ...noArea, communityIds: ['shuohui'] },
      window: { from: '2025-06-01', to: '2025-09-30' },
      title: '120 人培训沙龙场地',
    })
    const talk = need({
      id: 'shuohui-talk',
      communityId: 'shuohui',
      category: '宣讲',
      quantity: 40,
      window: { from: '2025-07-01', to: '2025-12-31' },
    })
    const [proposal] = solve([talk], [venue]).proposals
    expect(proposal.reasons).toEqual([
      '服务范围覆盖硕辉苑社区',
      '该组织也提供「宣讲」服务（非主要类别）',
      '位置信息不全，距离按约 10 公里估算',
      '暂无评分',
      '服务时间与需求时间重叠（2025-07-01 至 2025-09-30）',
      '剩余容量 120 人，本次分配 40 人',
    ])
  })

  it('says 服务范围为全区 for a district-wide listing', () => {
    const retirees = resource({
      id: 'retirees-fitness',
      providerName: '区离退休干部服务中心',
      providerKind: 'gov_dept',
      categories: ['老年健身'],
      serviceArea: { ...noArea, districtWide: true },
      title: '老年人健身培训和展演',
    })
    const fitness = need({ id: 'jifa-fitness', communityId: 'jifa', category: '老年健身' })
    expect(solve([fitness], [retirees]).proposals[0].reasons[0]).toBe('服务范围为全区')
  })
})

describe('reasons for unmatched needs', () => {
  it('tells category, area, time and capacity apart', () => {
    const needs = [
      need({ id: 'counselling', communityId: 'dahua', category: '心理咨询' }),
      need({ id: 'jifa-cleanup', communityId: 'jifa', category: '卫生死角清理', quantity: 6 }),
      need({
        id: 'xinhui-summer-class',
        communityId: 'xinhui',
        category: '暑期托管',
        window: { from: '2025-07-01', to: '2025-08-31' },
      }),
      need({ id: 'dahua-aid', communityId: 'dahua', quantity: 3, weight: 5 }),
      need({ id: 'jifa-aid', communityId: 'jifa', quantity: 5, weight: 2 }),
      need({ id: 'xinhui-repair', communityId: 'xinhui', category: '修家电' }),
    ]
    const resources = [
      antPower,
      resource({
        id: 'eco-volunteers',
        categories: ['卫生死角清理'],
        serviceArea: { ...noArea, streetIds: ['huanxiu'] },
      }),
      resource({
        id: 'autumn-class',
        categories: ['暑期托管'],
        serviceArea: { ...noArea, districtWide: true },
        window: { from: '2025-09-01', to: '2025-12-31' },
      }),
      resource({
        id: 'repair-team',
        categories: ['修家电'],
        remaining: 0,
        serviceArea: { ...noArea, districtWide: true },
      }),
    ]
    const result = solve(needs, resources)
    expect(result.proposals.map(({ needId, quantity }) => ({ needId, quantity }))).toEqual([
      { needId: 'dahua-aid', quantity: 3 },
      { needId: 'jifa-aid', quantity: 3 },
    ])
    expect(result.unmatched).toEqual([
      { needId: 'counselling', quantityUnserved: 1, reason: '没有提供「心理咨询」类服务的资源' },
      {
        needId: 'jifa-cleanup',
        quantityUnserved: 6,
        reason: '没有服务范围覆盖该社区的「卫生死角清理」类资源',
      },
      {
        needId: 'xinhui-summer-class',
        quantityUnserved: 1,
        reason: expect.stringMatching(/^时间不匹配/),
      },
      {
        needId: 'jifa-aid',
        quantityUnserved: 2,
        reason: '同类资源容量已全部分配给优先级更高或更合适的需求',
      },
      {
        needId: 'xinhui-repair',
        quantityUnserved: 1,
        reason: '符合条件的「修家电」类资源本期已无剩余容量',
      },
    ])
  })
})

describe('choices of the optimum', () => {
  it('gives scarce places to the higher priority', () => {
    const low = need({ id: 'jifa-aid', communityId: 'jifa', quantity: 6, weight: 1 })
    const high = need({ id: 'dahua-aid', communityId: 'dahua', quantity: 4, weight: 3 })
    const result = solve([low, high], [antPower])
    expect(result.proposals.map(({ needId, quantity }) => [needId, quantity])).toEqual([
      ['jifa-aid', 2],
      ['dahua-aid', 4],
    ])
    expect(result.totals.weightedServed).toBe(14)
  })

  it('prefers a community listing, a primary category, a near and well-rated provider', () => {
    const base = { location: { lat: 36.389, lng: 120.447 }, rating: 4.5 }
    const options = [
      resource({ id: 'district-wide', ...base, serviceArea: { ...noArea, districtWide: true } }),
      resource({ id: 'listed', ...base, serviceArea: { ...noArea, communityIds: ['dahua'] } }),
    ]
    const aid = need({ id: 'dahua-aid', communityId: 'dahua' })
    expect(solve([aid], options).proposals[0].resourceId).toBe('listed')

    const area = { ...noArea, districtWide: true }
    const byCategory = [
      resource({ id: 'secondary', ...base, serviceArea: area, categories: ['宣讲', '助学'] }),
      resource({ id: 'primary', ...base, serviceArea: area }),
    ]
    expect(solve([aid], byCategory).proposals[0].resourceId).toBe('primary')

    const byDistance = [
      resource({ id: 'far', rating: 4.5, serviceArea: area, location: { lat: 36.5, lng: 120.6 } }),
      resource({ id: 'near', ...base, serviceArea: area }),
    ]
    expect(solve([aid], byDistance).proposals[0].resourceId).toBe('near')

    const byRating = [
      resource({ id: 'rated-3', ...base, rating: 3, serviceArea: area }),
      resource({ id: 'rated-5', ...base, rating: 5, serviceArea: area }),
    ]
    expect(solve([aid], byRating).proposals[0].resourceId).toBe('rated-5')
  })

  it('puts the fit cost scales in the documented order', () => {
    const aid = need({ id: 'dahua-aid', communityId: 'dahua' })
    const here = { lat: 36.389, lng: 120.447 }
    const cost = (fields: Partial<MatchingResource>) =>
      fitCostOf(aid, resource({ id: 'r', location: here, rating: 5, ...fields }), communities)
    expect(cost({ serviceArea: { ...noArea, communityIds: ['dahua'] } })).toBe(0)
    expect(cost({ serviceArea: { ...noArea, streetIds: ['tongji'] } })).toBe(FIT_COST.streetListing)
    expect(cost({ serviceArea: { ...noArea, districtWide: true } })).toBe(FIT_COST.districtWide)
    const listed = { serviceArea: { ...noArea, communityIds: ['dahua'] } }
    expect(cost({ ...listed, categories: ['宣讲', '助学'] })).toBe(FIT_COST.secondaryCategory)
    expect(cost({ ...listed, rating: 4.5 })).toBe(1)
    expect(cost({ ...listed, rating: 3.2 })).toBe(4)
    expect(cost({ ...listed, rating: undefined })).toBe(4)
    expect(cost({ ...listed, location: undefined })).toBe(10)
    // About 11.1 km north: rounded to 11 km.
    expect(cost({ ...listed, location: { lat: here.lat + 0.1, lng: here.lng } })).toBe(11)
  })

  it('splits a need over providers by whole units, best fit first', () => {
    const near = resource({
      id: 'near',
      remaining: 4,
      serviceArea: { ...noArea, communityIds: ['dahua'] },
    })
    const wide = resource({
      id: 'wide',
      remaining: 4,
      serviceArea: { ...noArea, districtWide: true },
    })
    const aid = need({ id: 'dahua-aid', communityId: 'dahua', quantity: 6 })
    const result = solve([aid], [wide, near])
    expect(result.proposals.map(({ resourceId, quantity }) => [resourceId, quantity])).toEqual([
      ['near', 4],
      ['wide', 2],
    ])
  })

  it('never matches an ineligible category, area or time, even with spare capacity', () => {
    const needs = [
      need({ id: 'other-category', communityId: 'dahua', category: '宣讲' }),
      need({ id: 'other-street', communityId: 'xinhui' }),
      need({
        id: 'other-time',
        communityId: 'jifa',
        window: { from: '2025-01-01', to: '2025-02-01' },
      }),
    ]
    const timed = { ...antPower, window: { from: '2025-03-01', to: '2025-06-30' } }
    const result = solve(needs, [timed])
    expect(result.proposals).toEqual([])
    expect(result.unmatched.map((entry) => entry.needId)).toEqual([
      'other-category',
      'other-street',
      'other-time',
    ])
  })

  it('shares interchangeable needs by earliest window, then id', () => {
    const later = { from: '2025-09-01', to: '2025-09-30' }
    const earlier = { from: '2025-07-01', to: '2025-07-31' }
    const needs = [
      need({ id: 'b', communityId: 'dahua', quantity: 4, window: later }),
      need({ id: 'c', communityId: 'dahua', quantity: 4 }),
      need({ id: 'a', communityId: 'dahua', quantity: 4, window: earlier }),
    ]
    const result = solve(needs, [antPower])
    expect(result.proposals.map(({ needId, quantity }) => [needId, quantity])).toEqual([
      ['b', 2],
      ['a', 4],
    ])
  })
})

describe('greedy first-fit baseline', () => {
  it('serves less weighted need than the optimum when order misleads it', () => {
    const anyDahua = resource({
      id: 'dahua-tutors',
      providerName: '大华社区大学生志愿者',
      serviceArea: { ...noArea, communityIds: ['dahua'] },
    })
    const wideAnt = { ...antPower, serviceArea: { ...noArea, districtWide: true } }
    // 大华社区 comes first and grabs the district-wide places that 新惠社区 could also use.
    const needs = [
      need({ id: 'dahua-aid', communityId: 'dahua', quantity: 6, weight: 1 }),
      need({ id: 'xinhui-aid', communityId: 'xinhui', quantity: 6, weight: 5 }),
    ]
    const input = { needs, resources: [wideAnt, anyDahua], communities, streets }
    expect(matchNeedsGreedy(input).totals.weightedServed).toBe(6)
    const optimal = matchNeeds(input)
    expect(optimal.totals.weightedServed).toBe(36)
    expect(optimal.unmatched).toEqual([])
  })
})
