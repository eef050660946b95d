import type { CommunityNeed } from '../../cloudfunctions/features/lists/domain'
import { listsService } from '../../cloudfunctions/features/lists/service'
import { needsService } from '../../cloudfunctions/features/needs/service'
import { refusal, useWorld } from './world'

describe('lists service (需求清单 and 资源清单)', () => {
  const world = useWorld()
  const worker = () => world.person('worker-c1', [{ kind: 'community_worker', communityId: 'c1' }])
  const line = {
    communityId: 'c1',
    list: 'special',
    domain: 'service_supply',
    title: '暑期托管班',
    description: '双职工家庭的孩子暑期无人看管',
    quantity: 1,
    unit: '项',
    splittable: false,
    window: { from: '2027-07-01', to: '2027-08-31' },
    priority: 'medium',
  }
  const offeringLine = {
    organizationId: 'o1',
    domains: ['service_supply'],
    title: '助学名额',
    description: '为困难家庭儿童提供助学名额',
    capacity: 2,
    unit: '个',
    period: 'once',
    serviceArea: { districtWide: true },
    availability: line.window,
  }

  it('a line takes over residents’ needs in the same step; one wrong need and nothing changes', async () => {
    const post = (residentId: string, communityId: string) =>
      world.call(
        needsService,
        'post',
        {
          kind: 'help',
          category: 'child_care',
          description: '暑假孩子没人看，希望有托管班',
          communityId,
        },
        world.person(residentId, [{ kind: 'resident', communityId }]),
      )
    const ours = await post('r1', 'c1')
    const elsewhere = await post('r3', 'c3')
    expect(
      await refusal(
        world.call(
          listsService,
          'publishNeed',
          { ...line, promotedFrom: [ours.id, elsewhere.id] },
          worker(),
        ),
      ),
    ).toEqual({ code: 'CONFLICT', message: '所选居民需求不属于本社区或已在办理，请刷新后重试' })
    expect(world.db.count('community_needs')).toBe(0)
    expect(world.db.findOne('personal_needs', { _id: ours.id })).toMatchObject({ status: 'open' })

    const published = await world.call(
      listsService,
      'publishNeed',
      { ...line, promotedFrom: [ours.id] },
      worker(),
    )
    expect(published).toMatchObject({ quantity: 1, committed: 0, promotedCount: 1, status: 'open' })
    expect(world.db.findOne('personal_needs', { _id: ours.id })).toMatchObject({
      status: 'in_progress',
      assignee: { kind: 'need_list', id: published.id },
    })
    expect(world.db.count('audit_logs', { targetId: ours.id })).toBe(1)
  })

  it('a need’s quantity never goes below what providers committed', async () => {
    const published = await world.call(
      listsService,
      'publishNeed',
      { ...line, quantity: 5, unit: '次', splittable: true },
      worker(),
    )
    world.db.updateMany(
      'community_needs',
      { _id: published.id },
      {
        $set: {
          'capacity.taken': 3,
          'capacity.holders': [{ id: 'claim:x', units: 3 }],
          status: 'partly_served',
        },
      },
    )
    expect(
      await refusal(
        world.call(listsService, 'editNeed', { needId: published.id, quantity: 2 }, worker()),
      ),
    ).toEqual({
      code: 'INVALID_INPUT',
      message: '已有 3 次被认领，数量不能少于此',
    })
    const edited = await world.call(
      listsService,
      'editNeed',
      { needId: published.id, quantity: 3 },
      worker(),
    )
    expect(edited).toMatchObject({ quantity: 3, committed: 3, status: 'served' })
    expect(
      world.db.findOne<CommunityNeed>('community_needs', { _id: published.id })?.capacity.limit,
    ).toBe(3)
  })

  it('residents see no need list; a worker sees only their own community’s', async () => {
    const resident = world.person('r1', [{ kind: 'resident', communityId: 'c1' }])
    expect((await refusal(world.call(listsService, 'listNeeds', {}, resident))).code).toBe(
      'FORBIDDEN',
    )
    expect(
      (await refusal(world.call(listsService, 'listNeeds', { communityId: 'c3' }, worker())))
        .message,
    ).toBe('您无权查看西一社区的需求清单')
  })
  it('refuses lines whose window is already over, on publishing and on editing', async () => {
    const member = world.person('member-o1', [{ kind: 'org_member', orgId: 'o1' }])
    expect(
      await refusal(
        world.call(
          listsService,
          'publishNeed',
          { ...line, window: { from: '2020-03-01', to: '2020-04-30' } },
          worker(),
        ),
      ),
    ).toEqual({ code: 'INVALID_INPUT', message: '需求时间已过去，结束日期不能早于今天' })
    const offering = { ...offeringLine, availability: { from: '2019-01-01', to: '2019-12-31' } }
    expect(await refusal(world.call(listsService, 'publishOffering', offering, member))).toEqual({
      code: 'INVALID_INPUT',
      message: '服务时间已过去，结束日期不能早于今天',
    })
    expect(world.db.count('community_needs') + world.db.count('resource_offerings')).toBe(0)

    const published = await world.call(listsService, 'publishNeed', line, worker())
    expect(
      await refusal(
        world.call(
          listsService,
          'editNeed',
          { needId: published.id, window: { from: '2020-03-01', to: '2020-04-30' } },
          worker(),
        ),
      ),
    ).toMatchObject({ code: 'INVALID_INPUT' })
    expect(world.db.findOne('community_needs', { _id: published.id })).toMatchObject({
      window: line.window,
    })
  })
  it('offers correcting a line only to those who may: its community’s workers, the offering’s members', async () => {
    const published = await world.call(listsService, 'publishNeed', line, worker())
    const streetAdmin = world.person('admin-s1', [{ kind: 'street_admin', streetId: 's1' }])
    const canEditNeed = async (caller: ReturnType<typeof worker>) =>
      (await world.call(listsService, 'listNeeds', { communityId: 'c1' }, caller)).items[0].canEdit
    expect(await canEditNeed(worker())).toBe(true)
    expect(await canEditNeed(streetAdmin)).toBe(false)
    await world.call(listsService, 'closeNeed', { needId: published.id }, worker())
    expect(await canEditNeed(worker())).toBe(false)

    const member = world.person('member-o1', [{ kind: 'org_member', orgId: 'o1' }])
    await world.call(listsService, 'publishOffering', offeringLine, member)
    const canEditOffering = async (caller: ReturnType<typeof worker>) =>
      (await world.call(listsService, 'listOfferings', { organizationId: 'o1' }, caller)).items[0]
        .canEdit
    expect(await canEditOffering(member)).toBe(true)
    // Staff see an organization's resource list but do not correct it.
    expect(await canEditOffering(worker())).toBe(false)
  })
})
