import { needsService } from '../../cloudfunctions/features/needs/service'
import { refusal, useWorld } from './world'

describe('needs service (报事 / 求助)', () => {
  const world = useWorld()

  it('pages a resident’s needs newest first with a total order, none repeated or skipped', async () => {
    const resident = world.person('r1', [{ kind: 'resident', communityId: 'c1' }])
    // Many needs in the same millisecond: only the _id tells them apart.
    const createdAt = new Date()
    world.db.insertMany(
      'personal_needs',
      Array.from({ length: 45 }, (_, i) => ({
        _id: `need-${String(i).padStart(2, '0')}`,
        residentId: 'r1',
        residentName: 'r1',
        districtId: 'd1',
        streetId: 's1',
        communityId: 'c1',
        kind: 'report',
        category: 'repair',
        description: `第 ${i} 条报事内容`,
        status: 'open',
        createdAt,
        updatedAt: createdAt,
      })),
    )
    const seen: string[] = []
    for (const page of [1, 2, 3]) {
      const result = await world.call(needsService, 'listMine', { page }, resident)
      expect(result.total).toBe(45)
      seen.push(...result.items.map((item) => item.id))
    }
    expect(new Set(seen).size).toBe(45)
  })

  it('workers see a phone masked; bad input is refused in Chinese and stores nothing', async () => {
    const resident = world.person('r1', [{ kind: 'resident', communityId: 'c1' }])
    const worker = world.person('worker-c1', [{ kind: 'community_worker', communityId: 'c1' }])
    await world.call(
      needsService,
      'post',
      {
        kind: 'help',
        category: 'elderly_care',
        description: '老伴行动不便，需要陪同就医',
        communityId: 'c1',
        contactPhone: '13812345678',
      },
      resident,
    )
    const listed = await world.call(needsService, 'listCommunity', { communityId: 'c1' }, worker)
    expect(listed.items[0].contactPhone).toBe('138****5678')
    expect(
      await refusal(
        world.call(
          needsService,
          'post',
          { kind: 'help', category: 'other', description: '短', communityId: 'c1' },
          resident,
        ),
      ),
    ).toEqual({
      code: 'INVALID_INPUT',
      message: '需求描述至少需要 5 个字',
    })
    expect(world.db.count('personal_needs')).toBe(1)
    expect(await refusal(world.call(needsService, 'listMine', {}, undefined))).toMatchObject({
      code: 'UNAUTHENTICATED',
    })
  })
})
