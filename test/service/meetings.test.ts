import { meetingsService } from '../../cloudfunctions/features/meetings/service'
import { projectsService } from '../../cloudfunctions/features/projects/service'
import { chinaDateOf } from '../../cloudfunctions/shared/time'
import { monthFromNow } from '../calendar'
import { refusal, useWorld } from './world'

describe('the community’s monthly meeting (月度碰头会)', () => {
  const world = useWorld()
  const worker = () => world.person('worker', [{ kind: 'community_worker', communityId: 'c1' }])
  const member = () => world.person('member', [{ kind: 'org_member', orgId: 'o1' }])
  const street = () => world.person('street', [{ kind: 'street_admin', streetId: 's1' }])

  function projects() {
    const createdAt = new Date(Date.now() - 40 * 24 * 3_600_000)
    const base = {
      districtId: 'd1',
      streetId: 's1',
      communityId: 'c1',
      communityName: '东一社区',
      organizationId: 'o1',
      organizationName: '红帆志愿队',
      list: 'co_build',
      domain: 'service_supply',
      quantity: 4,
      unit: '场',
      status: 'active',
      progressCount: 0,
      createdAt,
      updatedAt: createdAt,
    }
    world.db.insertMany('projects', [
      {
        ...base,
        _id: 'p-reading',
        source: { kind: 'claim', id: 'a' },
        needId: 'n1',
        title: '四点半课堂',
      },
      {
        ...base,
        _id: 'p-haircut',
        source: { kind: 'claim', id: 'b' },
        needId: 'n2',
        title: '公益理发',
      },
      {
        ...base,
        _id: 'p-other',
        communityId: 'c2',
        source: { kind: 'claim', id: 'c' },
        needId: 'n3',
        title: '别的社区',
      },
    ])
  }

  it('lists every active project with its month’s progress and flags the ones without', async () => {
    projects()
    const month = monthFromNow(0)
    await world.call(
      projectsService,
      'addProgress',
      { projectId: 'p-reading', month, summary: '开课八次，辅导作业', peopleServed: 30 },
      member(),
    )
    const before = await world.call(
      meetingsService,
      'monthly',
      { communityId: 'c1', month },
      worker(),
    )
    expect(before.projects.map((row) => [row.title, row.missingProgress])).toEqual([
      ['公益理发', true],
      ['四点半课堂', false],
    ])
    expect(before.missingCount).toBe(1)

    const held = await world.call(
      meetingsService,
      'record',
      {
        communityId: 'c1',
        month,
        heldOn: chinaDateOf(new Date()),
        attendees: ['社区书记', '红帆志愿队负责人'],
        items: [{ projectId: 'p-haircut', problems: '理发师本月生病', nextSteps: '下月补两次' }],
      },
      worker(),
    )
    expect(held.held?.attendees).toEqual(['社区书记', '红帆志愿队负责人'])
    expect(held.projects.find((row) => row.title === '公益理发')).toMatchObject({
      problems: '理发师本月生病',
      nextSteps: '下月补两次',
    })
    // The street reads the meeting; it does not record it.
    const seen = await world.call(
      meetingsService,
      'monthly',
      { communityId: 'c1', month },
      street(),
    )
    expect(seen.canRecord).toBe(false)
  })

  it('refuses a future month, a meeting held before its month, and another community’s project', async () => {
    projects()
    const today = chinaDateOf(new Date())
    const attempts: [object, string][] = [
      [{ month: monthFromNow(1), heldOn: today }, '不能选择未来的月份'],
      [{ month: monthFromNow(0), heldOn: `${monthFromNow(-1)}-15` }, '会议日期不能早于所议月份'],
      [
        { month: monthFromNow(0), heldOn: today, items: [{ projectId: 'p-other' }] },
        '所议项目不属于本社区当月的在建项目',
      ],
    ]
    for (const [change, message] of attempts) {
      expect(
        await refusal(
          world.call(
            meetingsService,
            'record',
            { communityId: 'c1', attendees: ['甲', '乙'], items: [], ...change },
            worker(),
          ),
        ),
      ).toMatchObject({ code: 'INVALID_INPUT', message })
    }
    expect(world.db.find('monthly_meetings', {})).toHaveLength(0)
    expect(
      await refusal(
        world.call(
          meetingsService,
          'record',
          {
            communityId: 'c1',
            month: monthFromNow(0),
            heldOn: today,
            attendees: ['甲', '乙'],
            items: [],
          },
          member(),
        ),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' })
  })
})
