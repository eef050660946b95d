import { accountService } from '../../cloudfunctions/features/account/service'
import { directoryService } from '../../cloudfunctions/features/directory/service'
import { refusal, useWorld } from './world'

describe('account and directory services', () => {
  const world = useWorld()

  it('names each role with its place, and keeps a chosen home community', async () => {
    const person = world.person(
      'p1',
      [
        { kind: 'community_worker', communityId: 'c1' },
        { kind: 'org_member', orgId: 'o2' },
      ],
      '周老师',
    )
    const me = await world.call(accountService, 'me', {}, person)
    expect(me.roles.map((role) => role.label)).toEqual([
      '社区工作者 · 东一社区',
      '组织成员 · 青松社工站',
    ])
    const moved = await world.call(
      accountService,
      'setHomeCommunity',
      { communityId: 'c3' },
      person,
    )
    expect(moved.homeCommunity).toEqual({
      id: 'c3',
      name: '西一社区',
      streetId: 's2',
      streetName: '西街道',
    })
    expect(
      (
        await refusal(
          world.call(accountService, 'setHomeCommunity', { communityId: 'nowhere' }, person),
        )
      ).code,
    ).toBe('NOT_FOUND')
  })

  it('answers the district tree street by street', async () => {
    const tree = await world.call(directoryService, 'tree', {}, world.person('p1', []))
    expect(tree.districtName).toBe('测试区')
    expect(
      tree.streets.map((street) => [street.name, street.communities.map((c) => c.name)]),
    ).toEqual([
      ['东街道', ['东一社区', '东二社区']],
      ['西街道', ['西一社区']],
    ])
  })
})
