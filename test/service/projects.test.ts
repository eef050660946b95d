import { newProject } from '../../cloudfunctions/features/projects/domain'
import { projectsService } from '../../cloudfunctions/features/projects/service'
import { emptyLedger } from '../../cloudfunctions/shared/capacity/ledger'
import { monthFromNow } from '../calendar'
import { refusal, useWorld } from './world'

describe('projects service', () => {
  const world = useWorld()
  const worker = () => world.person('worker-c1', [{ kind: 'community_worker', communityId: 'c1' }])
  const member = () => world.person('member-o1', [{ kind: 'org_member', orgId: 'o1' }])

  function project() {
    const now = new Date()
    const started = newProject({
      source: { kind: 'claim', id: 'k1' },
      need: {
        _id: 'n1',
        districtId: 'd1',
        streetId: 's1',
        communityId: 'c1',
        communityName: '东一社区',
        list: 'basic',
        domain: 'civic_culture',
        focusGroups: [],
        title: '老年人智能手机培训',
        description: '教老人用手机挂号',
        capacity: emptyLedger(4),
        unit: '场',
        splittable: true,
        window: { from: '2026-12-01', to: '2027-03-31' },
        priority: 'medium',
        status: 'served',
        promotedFrom: [],
        createdBy: 'worker-c1',
        createdAt: now,
        updatedAt: now,
      },
      organizationId: 'o1',
      organizationName: '红帆志愿队',
      quantity: 4,
      unit: '场',
      now,
    })
    world.db.insertMany('projects', [started])
    return started
  }
  const progress = (projectId: string, caller = member(), month = monthFromNow(0)) =>
    world.call(
      projectsService,
      'addProgress',
      { projectId, month, summary: '开展培训两场，老人学会挂号', peopleServed: 24 },
      caller,
    )

  it('a progress entry and the project’s count change together', async () => {
    const { _id } = project()
    await progress(_id, member(), monthFromNow(-1))
    await progress(_id, worker())
    const detail = await world.call(projectsService, 'detail', { projectId: _id }, member())
    expect(detail.project.progressCount).toBe(2)
    expect(detail.progress.map((entry) => entry.peopleServed)).toEqual([24, 24])
    expect(detail).toMatchObject({ canAddProgress: true, canClose: false })
  })

  it('takes one entry per project and month, and none for a month still to come', async () => {
    const { _id } = project()
    await progress(_id)
    expect(await refusal(progress(_id, worker()))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('每月只填写一次'),
    })
    expect(await refusal(progress(_id, member(), monthFromNow(1)))).toMatchObject({
      code: 'INVALID_INPUT',
      message: '不能填写未来月份的进展',
    })
    const detail = await world.call(projectsService, 'detail', { projectId: _id }, member())
    expect(detail.project.progressCount).toBe(1)
  })

  it('a closed project takes no more progress, and only its community’s worker closes it', async () => {
    const { _id } = project()
    expect(
      (
        await refusal(
          world.call(
            projectsService,
            'close',
            { projectId: _id, satisfaction: 5, target: '培训四场', achieved: '完成四场' },
            member(),
          ),
        )
      ).code,
    ).toBe('FORBIDDEN')
    const closed = await world.call(
      projectsService,
      'close',
      { projectId: _id, satisfaction: 5, target: '培训四场', achieved: '完成四场' },
      worker(),
    )
    expect(closed).toMatchObject({ status: 'closed', evaluation: { satisfaction: 5 } })
    expect(await refusal(progress(_id))).toEqual({
      code: 'CONFLICT',
      message: '项目已结项，不能再添加进展',
    })
    expect(world.db.count('project_progress')).toBe(0)
  })

  it('an organization sees every project it carries out, and only its own members do', async () => {
    project()
    const listed = await world.call(projectsService, 'list', { organizationId: 'o1' }, member())
    expect(listed.items).toHaveLength(1)
    expect(listed.byCommunity.map((row) => row.communityId)).toEqual(['c1'])
    const other = world.person('other-org', [{ kind: 'org_member', orgId: 'o2' }])
    expect(
      await refusal(world.call(projectsService, 'list', { organizationId: 'o1' }, other)),
    ).toMatchObject({ code: 'FORBIDDEN' })
    expect(
      await refusal(
        world.call(projectsService, 'list', { organizationId: 'o1', communityId: 'c1' }, member()),
      ),
    ).toMatchObject({ code: 'INVALID_INPUT', message: '请选择一个社区、街道或组织' })
  })

  it('the street reopens a project closed within 30 days, and no one else does', async () => {
    const { _id } = project()
    const street = world.person('street-s1', [{ kind: 'street_admin', streetId: 's1' }])
    await world.call(
      projectsService,
      'close',
      { projectId: _id, satisfaction: 4, target: '培训四场', achieved: '完成三场' },
      worker(),
    )
    expect(
      (await world.call(projectsService, 'detail', { projectId: _id }, street)).canReopen,
    ).toBe(true)
    expect(
      await refusal(
        world.call(projectsService, 'reopen', { projectId: _id, reason: '结项有误' }, worker()),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' })
    const reopened = await world.call(
      projectsService,
      'reopen',
      { projectId: _id, reason: '还差一场培训未完成' },
      street,
    )
    expect(reopened.status).toBe('active')
    expect(reopened.evaluation).toBeUndefined()
    expect(
      await refusal(
        world.call(projectsService, 'reopen', { projectId: _id, reason: '再开一次' }, street),
      ),
    ).toMatchObject({ code: 'CONFLICT' })

    // Closed 31 days ago: too late.
    await world.call(
      projectsService,
      'close',
      { projectId: _id, satisfaction: 5, target: '培训四场', achieved: '完成四场' },
      worker(),
    )
    const longAgo = new Date(Date.now() - 31 * 24 * 3_600_000)
    world.db.updateMany('projects', { _id }, { $set: { 'evaluation.evaluatedAt': longAgo } })
    expect(
      await refusal(
        world.call(projectsService, 'reopen', { projectId: _id, reason: '结项有误' }, street),
      ),
    ).toMatchObject({ code: 'CONFLICT', message: '结项已超过 30 天，不能重新开启' })
  })
})
