import { listsService } from '../../cloudfunctions/features/lists/service'
import { matchingService } from '../../cloudfunctions/features/matching/service'
import type { CoBuildProject } from '../../cloudfunctions/features/projects/domain'
import { projectsService } from '../../cloudfunctions/features/projects/service'
import { monthFromNow } from '../calendar'
import { needOfC1, offeringOfO1 } from './lines'
import { refusal, useWorld } from './world'

describe('effect evaluation (效果评估)', () => {
  const world = useWorld()
  const worker = () => world.person('worker-c1', [{ kind: 'community_worker', communityId: 'c1' }])
  const member = () => world.person('member-o1', [{ kind: 'org_member', orgId: 'o1' }])
  const served = (id: string) => world.person(id, [{ kind: 'resident', communityId: 'c1' }])
  const stranger = () => world.person('stranger', [{ kind: 'resident', communityId: 'c1' }])

  function project(overrides: Partial<CoBuildProject> = {}): CoBuildProject {
    const createdAt = new Date(Date.now() - 40 * 24 * 3_600_000)
    return {
      _id: 'p-visits',
      districtId: 'd1',
      streetId: 's1',
      communityId: 'c1',
      communityName: '东一社区',
      source: { kind: 'claim', id: 'a' },
      needId: 'line-visits',
      organizationId: 'o1',
      organizationName: '红帆志愿队',
      list: 'co_build',
      domain: 'service_supply',
      title: '独居老人探访',
      quantity: 6,
      unit: '次',
      status: 'active',
      progressCount: 0,
      createdAt,
      updatedAt: createdAt,
      ...overrides,
    }
  }

  /** Residents whose needs the community took into the project's need line. */
  function residentsServed(...ids: string[]) {
    world.db.insertMany(
      'personal_needs',
      ids.map((id) => ({
        _id: `need-${id}`,
        residentId: id,
        communityId: 'c1',
        status: 'in_progress',
        assignee: { kind: 'need_list', id: 'line-visits', name: '独居老人探访', at: new Date() },
        createdAt: new Date(),
      })),
    )
  }

  it('targets set at the start, residents rate once after a service, the close measures and scores it, and the organization is rated', async () => {
    world.db.insertMany('projects', [project()])
    residentsServed('wang', 'li')
    const targets = await world.call(
      projectsService,
      'setTargets',
      { projectId: 'p-visits', peopleServed: 40, sessions: 6, hours: 12, satisfaction: 4 },
      member(),
    )
    expect(targets.targets).toEqual({ peopleServed: 40, sessions: 6, hours: 12, satisfaction: 4 })

    // Nothing to rate before a service was given.
    expect(
      await refusal(
        world.call(projectsService, 'rate', { projectId: 'p-visits', stars: 5 }, served('wang')),
      ),
    ).toEqual({ code: 'CONFLICT', message: '项目开展服务后、结项前才能评价' })
    for (const [month, people] of [
      [monthFromNow(-1), 20],
      [monthFromNow(0), 25],
    ] as const) {
      await world.call(
        projectsService,
        'addProgress',
        { projectId: 'p-visits', month, summary: '上门探访独居老人', peopleServed: people },
        member(),
      )
    }
    const mine = await world.call(projectsService, 'served', {}, served('wang'))
    expect(mine.map((row) => [row.project.title, row.canRate])).toEqual([['独居老人探访', true]])
    await world.call(projectsService, 'rate', { projectId: 'p-visits', stars: 5 }, served('wang'))
    await world.call(projectsService, 'rate', { projectId: 'p-visits', stars: 4 }, served('li'))
    expect(
      await refusal(
        world.call(projectsService, 'rate', { projectId: 'p-visits', stars: 1 }, served('wang')),
      ),
    ).toEqual({ code: 'CONFLICT', message: '您已评价过该项目' })
    expect(
      await refusal(
        world.call(projectsService, 'rate', { projectId: 'p-visits', stars: 1 }, stranger()),
      ),
    ).toEqual({ code: 'FORBIDDEN', message: '只有该项目服务的居民可以评价' })
    expect(
      await refusal(
        world.call(projectsService, 'rate', { projectId: 'p-visits', stars: 6 }, served('li')),
      ),
    ).toEqual({ code: 'INVALID_INPUT', message: '评分为 1 到 5 分' })
    expect(world.db.count('project_ratings', {})).toBe(2)

    const closed = await world.call(
      projectsService,
      'close',
      {
        projectId: 'p-visits',
        satisfaction: 3,
        target: '探访 6 次',
        achieved: '探访 6 次',
        sessions: 6,
        hours: 14,
      },
      worker(),
    )
    expect(closed.evaluation).toMatchObject({
      measured: { peopleServed: 45, sessions: 6, hours: 14 },
      residents: { mean: 4.5, count: 2 },
      score: 4.5,
    })
    expect(
      await refusal(
        world.call(projectsService, 'rate', { projectId: 'p-visits', stars: 2 }, stranger()),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' })

    const report = await world.call(
      projectsService,
      'organizationReport',
      { organizationId: 'o1' },
      member(),
    )
    expect([report.rating, report.evaluatedCount]).toEqual([4.5, 1])
    const outsider = world.person('member-o2', [{ kind: 'org_member', orgId: 'o2' }])
    expect(
      (
        await refusal(
          world.call(projectsService, 'organizationReport', { organizationId: 'o1' }, outsider),
        )
      ).code,
    ).toBe('FORBIDDEN')
  })

  it('bad targets are refused in Chinese and change nothing; only its people set them', async () => {
    world.db.insertMany('projects', [project()])
    expect(
      await refusal(
        world.call(
          projectsService,
          'setTargets',
          { projectId: 'p-visits', peopleServed: 0, sessions: 6, hours: 12, satisfaction: 4 },
          member(),
        ),
      ),
    ).toEqual({ code: 'INVALID_INPUT', message: '目标服务人次至少为 1' })
    expect(
      (
        await refusal(
          world.call(
            projectsService,
            'setTargets',
            { projectId: 'p-visits', peopleServed: 10, sessions: 6, hours: 12, satisfaction: 4 },
            stranger(),
          ),
        )
      ).code,
    ).toBe('FORBIDDEN')
    expect(world.db.find<CoBuildProject>('projects', {})[0].targets).toBeUndefined()
  })

  it('matching weighs the organization’s evaluations: a better-rated organization wins a tie', async () => {
    const publish = (organizationId: string, who: ReturnType<typeof member>) =>
      world.call(
        listsService,
        'publishOffering',
        { ...offeringOfO1, organizationId, capacity: 3 },
        who,
      )
    await world.call(listsService, 'publishNeed', needOfC1, worker())
    await publish('o1', member())
    await publish('o2', world.person('member-o2', [{ kind: 'org_member', orgId: 'o2' }]))
    const winner = async () =>
      (
        await world.call(matchingService, 'run', { scope: 'community', scopeId: 'c1' }, worker())
      ).proposals.map((proposal) => proposal.organizationName)
    // 青松社工站 is graded 4A; 红帆志愿队 has no grade and nothing evaluated yet.
    expect(await winner()).toEqual(['青松社工站'])

    // 红帆志愿队 closes a project elsewhere that residents rated 5.
    world.db.insertMany('projects', [
      project({
        _id: 'p-elsewhere',
        communityId: 'c3',
        streetId: 's2',
        status: 'closed',
        evaluation: {
          satisfaction: 5,
          target: '辅导 8 次',
          achieved: '辅导 8 次',
          evaluatedBy: 'worker-c3',
          evaluatedAt: new Date(),
          residents: { mean: 5, count: 6 },
          score: 5,
        },
      }),
    ])
    const run = await world.call(
      matchingService,
      'run',
      { scope: 'community', scopeId: 'c1' },
      worker(),
    )
    expect(run.proposals.map((proposal) => proposal.organizationName)).toEqual(['红帆志愿队'])
    expect(run.proposals[0].reasons.join('')).toContain('组织评分 5')
  })
})
