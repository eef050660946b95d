// The seed report's lines (即发阳光城, 大华, 新惠 against 墨商成长驿站, 蚂蚁力量儿童义工团,
// 区离退休干部服务中心), each side entered the way its own author would: the same thing in
// different units and domains. The run must make the pairings a community worker accepts.
import { listsService } from '../../cloudfunctions/features/lists/service'
import { matchingService } from '../../cloudfunctions/features/matching/service'
import { refusal, useWorld } from './world'

const WINDOW = { from: '2026-10-01', to: '2026-12-31' }

describe('matching the seed report’s lines', () => {
  const world = useWorld()

  beforeEach(() => {
    world.db.insertMany('communities', [
      { _id: 'jifa', districtId: 'd1', streetId: 's1', name: '即发阳光城社区', pilot: true },
      { _id: 'dahua', districtId: 'd1', streetId: 's1', name: '大华社区', pilot: true },
      { _id: 'xinhui', districtId: 'd1', streetId: 's2', name: '新惠社区', pilot: true },
    ])
    world.db.insertMany('organizations', [
      {
        _id: 'moshang',
        districtId: 'd1',
        name: '墨商成长驿站',
        kind: 'social_org',
        description: '商会',
      },
      {
        _id: 'ant',
        districtId: 'd1',
        name: '蚂蚁力量儿童义工团',
        kind: 'volunteer_org',
        description: '义工',
      },
      {
        _id: 'retired',
        districtId: 'd1',
        name: '区离退休干部服务中心',
        kind: 'gov_dept',
        description: '部门',
      },
    ])
  })

  const worker = (communityId: string) =>
    world.person(`worker-${communityId}`, [{ kind: 'community_worker', communityId }])
  const member = (orgId: string) => world.person(`member-${orgId}`, [{ kind: 'org_member', orgId }])

  async function need(communityId: string, line: Record<string, unknown>) {
    return world.call(
      listsService,
      'publishNeed',
      {
        communityId,
        list: 'basic',
        focusGroups: [],
        window: WINDOW,
        priority: 'medium',
        ...line,
      },
      worker(communityId),
    )
  }

  async function offering(organizationId: string, line: Record<string, unknown>) {
    return world.call(
      listsService,
      'publishOffering',
      {
        organizationId,
        focusGroups: [],
        serviceArea: { districtWide: true },
        availability: { from: '2026-01-01', to: '2026-12-31' },
        ...line,
      },
      member(organizationId),
    )
  }

  it('pairs aid with aid, event support with event support, clean-ups with eco sessions, talks with the venue', async () => {
    const eventSupport = await need('jifa', {
      domain: 'public_safety',
      kind: 'event_support',
      title: '重大活动保障志愿服务',
      description: '社区重大活动需要志愿者协助维护秩序',
      quantity: 1,
      unit: '次',
      priority: 'high',
    })
    const cleanUp = await need('jifa', {
      domain: 'harmonious_management',
      kind: 'environment',
      title: '卫生死角清理活动',
      description: '协助开展卫生死角清理',
      quantity: 6,
      unit: '次',
    })
    const aid = await need('dahua', {
      domain: 'service_supply',
      kind: 'aid_places',
      title: '困难集体助学名额',
      description: '为困难家庭学生提供集体助学名额',
      quantity: 3,
      unit: '个',
      splittable: false,
      priority: 'high',
    })
    const talks = await need('dahua', {
      domain: 'civic_culture',
      kind: 'talk',
      title: '宣讲活动',
      description: '协助开展政策宣讲活动',
      quantity: 6,
      unit: '次',
    })
    const summerClass = await need('xinhui', {
      domain: 'service_supply',
      kind: 'care',
      title: '惠小馨暑期公益托管班',
      description: '暑期组织大学生志愿者到社区开展公益课堂',
      quantity: 8,
      unit: '节',
    })

    const venue = await offering('moshang', {
      domains: ['social_work'],
      kind: 'venue',
      resourceKind: 'venue',
      title: '培训、沙龙场地',
      description: '可容纳 120 人的培训、沙龙场地，助力社区开展文化交流与技能培训',
      seats: 120,
      capacity: 2,
      unit: '场',
      period: 'month',
    })
    const antAid = await offering('ant', {
      domains: ['social_work'],
      kind: 'aid_places',
      resourceKind: 'places',
      title: '助学名额',
      description: '为共建社区提供助学名额',
      capacity: 6,
      unit: '名',
      period: 'year',
    })
    const antEvents = await offering('ant', {
      domains: ['civic_culture'],
      kind: 'event_support',
      resourceKind: 'labor',
      title: '重大活动保障志愿服务',
      description: '每年参与重大活动保障志愿服务',
      capacity: 10,
      unit: '次',
      period: 'year',
    })
    const antEco = await offering('ant', {
      domains: ['civic_culture'],
      kind: 'environment',
      resourceKind: 'labor',
      title: '生态环保志愿服务',
      description: '每年开展生态环保志愿服务',
      capacity: 40,
      unit: '场',
      period: 'year',
    })
    await offering('retired', {
      domains: ['civic_culture'],
      kind: 'training',
      resourceKind: 'course',
      title: '手机摄影培训',
      description: '为共建社区居民提供手机摄影培训',
      capacity: 4,
      unit: '次',
      period: 'year',
    })
    await offering('retired', {
      domains: ['civic_culture'],
      kind: 'sports',
      resourceKind: 'course',
      title: '中老年人健身项目培训及交流展演活动',
      description: '开展中老年人健身项目培训及交流展演',
      capacity: 6,
      unit: '次',
      period: 'year',
    })

    const admin = world.person('admin', [{ kind: 'district_admin', districtId: 'd1' }])
    const result = await world.call(
      matchingService,
      'run',
      { scope: 'district', scopeId: 'd1' },
      admin,
    )
    const pairs = result.proposals.map((p) => [p.needId, p.offeringId, p.quantity])
    expect(pairs).toEqual(
      expect.arrayContaining([
        [aid.id, antAid.id, 3],
        [eventSupport.id, antEvents.id, 1],
        [cleanUp.id, antEco.id, 6],
        [talks.id, venue.id, 6],
      ]),
    )
    expect(result.proposals).toHaveLength(4)

    const aidReasons = result.proposals.find((p) => p.needId === aid.id)!.reasons
    expect(aidReasons[0]).toBe('蚂蚁力量儿童义工团提供「助学名额」，每年 6 名，本季度剩余 6 名')
    expect(aidReasons).toContain('整体承接 3 个（该需求须由一家完成）')
    const talkReasons = result.proposals.find((p) => p.needId === talks.id)!.reasons
    expect(talkReasons).toContain('场地可容纳 120 人，可承接「宣讲」')

    // The summer class has no offering of its kind: it is listed by name with that reason.
    expect(result.unmatched).toEqual([
      expect.objectContaining({
        needId: summerClass.id,
        needTitle: '惠小馨暑期公益托管班',
        communityName: '新惠社区',
        quantityUnserved: 8,
        reason: '资源清单中没有提供「托管」的资源',
      }),
    ])
  })
})

describe('the district’s own service kinds', () => {
  const world = useWorld()

  it('an admin adds a kind that both lists then pick and matching pairs; others may not', async () => {
    const admin = world.person('admin', [{ kind: 'district_admin', districtId: 'd1' }])
    const worker = world.person('worker-c1', [{ kind: 'community_worker', communityId: 'c1' }])
    const member = world.person('member-o1', [{ kind: 'org_member', orgId: 'o1' }])
    const input = {
      districtId: 'd1',
      label: '助餐服务',
      domain: 'service_supply',
      measure: 'sessions',
    }
    expect(await refusal(world.call(listsService, 'addKind', input, worker))).toEqual({
      code: 'FORBIDDEN',
      message: '只有区级管理员可以增加服务类型',
    })
    const kind = await world.call(listsService, 'addKind', input, admin)
    expect(await refusal(world.call(listsService, 'addKind', input, admin))).toEqual({
      code: 'CONFLICT',
      message: '服务类型「助餐服务」已存在',
    })
    const kinds = await world.call(listsService, 'listKinds', {}, worker)
    expect(kinds.filter((listed) => listed.custom).map((listed) => listed.label)).toEqual([
      '助餐服务',
    ])

    const need = await world.call(
      listsService,
      'publishNeed',
      {
        communityId: 'c1',
        list: 'special',
        domain: 'service_supply',
        kind: kind.id,
        title: '高龄老人午餐',
        description: '为高龄独居老人解决午餐',
        quantity: 4,
        unit: '次',
        window: WINDOW,
        priority: 'high',
      },
      worker,
    )
    const offering = await world.call(
      listsService,
      'publishOffering',
      {
        organizationId: 'o1',
        domains: ['social_work'],
        kind: kind.id,
        title: '爱心送餐',
        description: '志愿者为老人送餐上门',
        capacity: 2,
        unit: '场',
        period: 'month',
        serviceArea: { districtWide: true },
        availability: { from: '2026-01-01', to: '2026-12-31' },
      },
      member,
    )
    const result = await world.call(
      matchingService,
      'run',
      { scope: 'community', scopeId: 'c1' },
      worker,
    )
    // Two a month is six this quarter: the four asked for are all proposed.
    expect(result.proposals.map((p) => [p.needId, p.offeringId, p.quantity])).toEqual([
      [need.id, offering.id, 4],
    ])
    expect(result.proposals[0].reasons[0]).toBe(
      '红帆志愿队提供「爱心送餐」，每月 2 场，本季度剩余 6 场',
    )
    expect(
      await refusal(
        world.call(
          listsService,
          'publishNeed',
          {
            ...{
              communityId: 'c1',
              list: 'basic',
              domain: 'service_supply',
              title: '午餐',
              description: '高龄老人午餐需要',
              quantity: 1,
              unit: '次',
              window: WINDOW,
              priority: 'low',
            },
            kind: 'no-such-kind',
          },
          worker,
        ),
      ),
    ).toEqual({ code: 'INVALID_INPUT', message: '请选择有效的服务类型' })
  })
})
