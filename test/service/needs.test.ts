import { closeExpiredNeeds, needsService } from '../../cloudfunctions/features/needs/service'
import { listsService } from '../../cloudfunctions/features/lists/service'
import type { PersonalNeed } from '../../cloudfunctions/features/needs/domain'
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
        waitingSince: createdAt,
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

  describe('a need handled to the end', () => {
    const resident = () => world.person('r1', [], '王阿姨')
    const worker = () =>
      world.person('w1', [{ kind: 'community_worker', communityId: 'c1' }], '张社工')
    const member = () => world.person('m1', [{ kind: 'org_member', orgId: 'o1' }], '赵队长')
    const post = (caller = resident(), communityId = 'c1') =>
      world.call(
        needsService,
        'post',
        {
          kind: 'report',
          category: 'repair',
          description: '楼道灯坏了，晚上看不清台阶',
          communityId,
          contactPhone: '13812345678',
        },
        caller,
      )
    const noticesOf = (userId: string) =>
      world.db.find<{ title: string }>('notifications', { userId }).map((notice) => notice.title)
    const age = (needId: string, field: string, hours: number) =>
      world.db.updateMany(
        'personal_needs',
        { _id: needId },
        { $set: { [field]: new Date(Date.now() - hours * 3_600_000) } },
      )

    it('accepted, assigned to an organization, resolved by it, confirmed and rated by the resident', async () => {
      const need = await post()
      await world.call(needsService, 'accept', { needId: need.id }, worker())
      const assigned = await world.call(
        needsService,
        'assign',
        { needId: need.id, assignee: { kind: 'organization', id: 'o1' } },
        worker(),
      )
      expect(assigned).toMatchObject({
        status: 'in_progress',
        assigned: { kind: 'organization', name: '红帆志愿队' },
      })
      // The organization's member sees it, writes on its thread and resolves it.
      const seen = await world.call(needsService, 'detail', { needId: need.id }, member())
      expect(seen.can).toMatchObject({
        resolve: true,
        reply: true,
        accept: false,
        revealPhone: false,
      })
      expect(seen.contactPhone).toBe('138****5678')
      await world.call(
        needsService,
        'reply',
        { needId: need.id, text: '明天上午带梯子来换灯' },
        member(),
      )
      await world.call(
        needsService,
        'resolve',
        { needId: need.id, resolution: '已更换 3 楼和 4 楼的楼道灯' },
        member(),
      )
      const mine = await world.call(needsService, 'detail', { needId: need.id }, resident())
      expect(mine).toMatchObject({
        status: 'resolved',
        resolution: { text: '已更换 3 楼和 4 楼的楼道灯', byName: '赵队长' },
        replies: [{ authorName: '赵队长', side: 'staff', text: '明天上午带梯子来换灯' }],
        can: { confirm: true, reopen: true, withdraw: false },
        contactPhone: '13812345678',
      })
      const closed = await world.call(
        needsService,
        'confirm',
        { needId: need.id, rating: 5, comment: '很快就修好了' },
        resident(),
      )
      expect(closed).toMatchObject({
        status: 'closed',
        confirmation: { rating: 5 },
        closed: { reason: 'confirmed' },
      })
      expect(noticesOf('r1')).toEqual(
        expect.arrayContaining([
          '您的需求已受理',
          '您的需求正在办理',
          '您的需求有新回复',
          '您的需求已办结',
        ]),
      )
      // A closed need takes no more replies.
      expect(
        (
          await refusal(
            world.call(needsService, 'reply', { needId: need.id, text: '谢谢' }, resident()),
          )
        ).code,
      ).toBe('CONFLICT')
    })

    it('reopens within 7 days and not after; an unanswered resolution closes by itself', async () => {
      const first = await post()
      for (const step of ['accept', 'resolve'] as const) {
        await world.call(
          needsService,
          step,
          step === 'resolve'
            ? { needId: first.id, resolution: '已协调物业更换' }
            : { needId: first.id },
          worker(),
        )
      }
      const reopened = await world.call(
        needsService,
        'reopen',
        { needId: first.id, reason: '晚上还是不亮' },
        resident(),
      )
      expect(reopened).toMatchObject({
        status: 'in_progress',
        reopened: { count: 1, reason: '晚上还是不亮' },
      })
      await world.call(
        needsService,
        'resolve',
        { needId: first.id, resolution: '换了新的声控开关' },
        worker(),
      )
      age(first.id, 'resolution.at', 8 * 24)
      expect(
        await refusal(
          world.call(needsService, 'reopen', { needId: first.id, reason: '又坏了' }, resident()),
        ),
      ).toEqual({
        code: 'CONFLICT',
        message: '办结已超过 7 天，不能再申请重新办理，请重新发布需求',
      })
      expect(await closeExpiredNeeds()).toEqual({ closed: 1 })
      expect(world.db.findOne<PersonalNeed>('personal_needs', { _id: first.id })).toMatchObject({
        status: 'closed',
        closed: { reason: 'expired' },
      })
      expect(await closeExpiredNeeds()).toEqual({ closed: 0 })
    })

    it('a resident posts only into their own community', async () => {
      await post()
      expect(await refusal(post(resident(), 'c3'))).toMatchObject({ code: 'FORBIDDEN' })
      expect(world.db.count('personal_needs', { communityId: 'c3' })).toBe(0)
    })

    it('overdue needs are flagged by the hours they waited, and listed apart', async () => {
      const waiting = await post()
      const fresh = await post()
      age(waiting.id, 'waitingSince', 30)
      const overdue = await world.call(
        needsService,
        'listCommunity',
        { communityId: 'c1', overdue: true },
        worker(),
      )
      expect(overdue.items.map((item) => [item.id, item.overdue, item.waitingHours])).toEqual([
        [waiting.id, true, 30],
      ])
      const all = await world.call(needsService, 'listCommunity', { communityId: 'c1' }, worker())
      expect(all.items.find((item) => item.id === fresh.id)).toMatchObject({ overdue: false })
      // Accepting it starts the clock of the next step.
      await world.call(needsService, 'accept', { needId: waiting.id }, worker())
      const after = await world.call(
        needsService,
        'listCommunity',
        { communityId: 'c1', overdue: true },
        worker(),
      )
      expect(after.total).toBe(0)
    })

    it('only its community’s workers reveal the phone, each reveal audited; others see no need of someone else', async () => {
      const need = await post()
      expect(await world.call(needsService, 'revealPhone', { needId: need.id }, worker())).toEqual({
        residentName: '王阿姨',
        contactPhone: '13812345678',
      })
      expect(
        world.db.count('audit_logs', {
          action: 'needs.revealPhone',
          targetId: need.id,
          actorId: 'w1',
        }),
      ).toBe(1)
      const street = world.person('s', [{ kind: 'street_admin', streetId: 's1' }])
      const overseen = await world.call(needsService, 'detail', { needId: need.id }, street)
      expect(overseen.can).toEqual({
        accept: false,
        assign: false,
        resolve: false,
        confirm: false,
        reopen: false,
        withdraw: false,
        openMediation: false,
        reply: false,
        revealPhone: false,
      })
      expect(
        (await refusal(world.call(needsService, 'revealPhone', { needId: need.id }, street))).code,
      ).toBe('FORBIDDEN')
      const neighbour = world.person('r2', [])
      for (const attempt of [
        world.call(needsService, 'detail', { needId: need.id }, neighbour),
        world.call(needsService, 'reply', { needId: need.id, text: '我也是' }, neighbour),
        world.call(needsService, 'confirm', { needId: need.id, rating: 1 }, neighbour),
      ]) {
        expect((await refusal(attempt)).code).toBe('NOT_FOUND')
      }
      const otherWorker = world.person('w3', [{ kind: 'community_worker', communityId: 'c3' }])
      expect(
        (await refusal(world.call(needsService, 'accept', { needId: need.id }, otherWorker))).code,
      ).toBe('NOT_FOUND')
    })

    it('a step from the wrong status is refused and changes nothing; a resident withdraws only before it is handled', async () => {
      const need = await post()
      expect(
        await refusal(
          world.call(
            needsService,
            'resolve',
            { needId: need.id, resolution: '已处理完毕了' },
            worker(),
          ),
        ),
      ).toEqual({
        code: 'CONFLICT',
        message: '该需求当前为“待受理”，不能进行此操作，请刷新',
      })
      expect(
        await refusal(
          world.call(
            needsService,
            'assign',
            { needId: need.id, assignee: { kind: 'worker', id: 'w3' } },
            worker(),
          ),
        ),
      ).toEqual({
        code: 'INVALID_INPUT',
        message: '只能交给本社区的社区工作者办理',
      })
      expect(world.db.findOne<PersonalNeed>('personal_needs', { _id: need.id })).toMatchObject({
        status: 'open',
      })
      const withdrawn = await world.call(needsService, 'withdraw', { needId: need.id }, resident())
      expect(withdrawn).toMatchObject({ status: 'closed', closed: { reason: 'withdrawn' } })
    })

    it('taken into the community’s need list, it is handled as that line and its resident is told', async () => {
      const need = await post()
      const line = await world.call(
        listsService,
        'publishNeed',
        {
          communityId: 'c1',
          list: 'basic',
          domain: 'public_safety',
          title: '楼道照明改造',
          description: '老旧小区楼道灯统一更换为声控灯',
          quantity: 1,
          unit: '项',
          splittable: false,
          window: { from: '2027-01-01', to: '2027-03-31' },
          priority: 'high',
          promotedFrom: [need.id],
        },
        worker(),
      )
      const mine = await world.call(needsService, 'detail', { needId: need.id }, resident())
      expect(mine).toMatchObject({
        status: 'in_progress',
        accepted: { name: '张社工' },
        assigned: { kind: 'need_list', name: '楼道照明改造' },
      })
      expect(noticesOf('r1')).toContain('您的需求已纳入社区需求清单')
      expect(line.promotedCount).toBe(1)
    })
  })
})
