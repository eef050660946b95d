import { mediationService, remindDueCases } from '../../cloudfunctions/features/mediation/service'
import { needsService } from '../../cloudfunctions/features/needs/service'
import { chinaDateOf } from '../../cloudfunctions/shared/time'
import { refusal, useWorld, type World } from './world'

const today = () => chinaDateOf(new Date())

/** A session held earlier today (always before now, never before the case was opened today). */
const sessionOn = (caseId: string) => ({
  caseId,
  date: today(),
  time: '00:00',
  place: '社区调解室',
  attendees: ['李阿姨', '周先生'],
  record: '双方陈述事实，调解员释法析理',
})

function volunteer(world: World, id: string, communityId: string, name: string) {
  const now = new Date()
  world.db.insertMany('volunteers', [
    {
      _id: id,
      displayName: name,
      kind: 'resident',
      districtId: 'd1',
      streetId: communityId === 'c3' ? 's2' : 's1',
      communityId,
      skills: [],
      availability: { weekdays: [], times: [] },
      realName: name,
      phone: '13900000000',
      consentAt: now,
      status: 'verified',
      checkInCode: `code-${id}`,
      teamIds: [],
      createdAt: now,
      updatedAt: now,
    },
  ])
  return world.person(id, [{ kind: 'volunteer', communityId }], name)
}

describe('mediation service (人民调解)', () => {
  const world = useWorld()
  const worker = () =>
    world.person('worker-c1', [{ kind: 'community_worker', communityId: 'c1' }], '王社工')
  const resident = () => world.person('r1', [{ kind: 'resident', communityId: 'c1' }], '李阿姨')
  const streetAdmin = () => world.person('street-s1', [{ kind: 'street_admin', streetId: 's1' }])

  async function disputeNeed() {
    return world.call(
      needsService,
      'post',
      {
        kind: 'report',
        category: 'dispute',
        description: '楼上水管漏水淹了我家厨房，协商不成',
        communityId: 'c1',
        contactPhone: '13812345678',
      },
      resident(),
    )
  }

  async function teamOfTwo() {
    const a = volunteer(world, 'v-zhang', 'c1', '张明白')
    const b = volunteer(world, 'v-zhao', 'c1', '赵大姐')
    for (const mediator of [a, b]) {
      await world.call(
        mediationService,
        'addMediator',
        { communityId: 'c1', userId: mediator._id, title: '明白人' },
        worker(),
      )
    }
    return [a, b]
  }

  async function openFromNeed(riskLevel: 'red' | 'orange' | 'yellow' = 'yellow') {
    const need = await disputeNeed()
    const opened = await world.call(
      mediationService,
      'open',
      {
        communityId: 'c1',
        source: { kind: 'resident_need', needId: need.id },
        disputeType: 'neighbourhood',
        riskLevel,
        facts: '302 室水管漏水，渗到 202 室厨房，双方对维修费用有争议',
        parties: [
          { side: 'applicant', name: '李阿姨' },
          { side: 'respondent', name: '周先生', phone: '13700001111' },
        ],
      },
      worker(),
    )
    return { need, opened }
  }

  it('takes a reported dispute through mediation to a closed success, the resident told each step', async () => {
    const [a, b] = await teamOfTwo()
    const { need, opened } = await openFromNeed()
    expect(opened.status).toBe('accepted')
    expect(opened.parties[0]).toMatchObject({ name: '李阿姨', phone: '138****5678' })
    const needNow = await world.call(needsService, 'detail', { needId: need.id }, resident())
    expect(needNow.status).toBe('in_progress')
    expect(needNow.mediationCaseId).toBe(opened.id)

    const assigned = await world.call(
      mediationService,
      'assignMediators',
      { caseId: opened.id, mediatorIds: [a._id, b._id] },
      worker(),
    )
    expect(assigned.mediatorNames).toEqual(['张明白', '赵大姐'])
    const mine = await world.call(mediationService, 'listAssigned', { page: 1 }, a)
    expect(mine.items.map((item) => item.id)).toEqual([opened.id])

    // A mediator records the session; the worker the agreement.
    await world.call(
      mediationService,
      'recordSession',
      {
        caseId: opened.id,
        date: today(),
        time: '00:00',
        place: '社区调解室',
        attendees: ['李阿姨', '周先生', '张明白', '赵大姐'],
        record: '双方陈述事实，调解员释法析理，周先生同意承担维修费用',
      },
      a,
    )
    const agreed = await world.call(
      mediationService,
      'recordAgreement',
      {
        caseId: opened.id,
        facts: '302 室水管漏水致 202 室厨房受损',
        terms: '周先生承担维修费 1500 元，并于一周内修复水管',
        performance: { how: '现金支付并请物业维修', where: '社区调解室', by: today() },
        signatories: ['李阿姨', '周先生'],
        signedOn: today(),
      },
      worker(),
    )
    expect(agreed.status).toBe('agreed')
    expect(agreed.can.readAgreement).toBe(true)
    await world.call(
      mediationService,
      'recordFollowUp',
      { caseId: opened.id, performance: 'performed', note: '回访时维修费已付，水管已修好' },
      b,
    )
    const closed = await world.call(
      mediationService,
      'close',
      { caseId: opened.id, result: 'success', summary: '双方和解，协议已履行' },
      worker(),
    )
    expect(closed).toMatchObject({ status: 'closed', outcome: 'success' })

    // The resident follows it on their own case and on their need, which now awaits their rating.
    const seen = await world.call(mediationService, 'detail', { caseId: opened.id }, resident())
    expect(seen.viewer).toBe('party')
    expect(seen.sessions).toHaveLength(1)
    expect(seen.followUps[0].performance).toBe('performed')
    expect(seen.can).toMatchObject({ assign: false, recordSession: false, closeFailed: false })
    const resolvedNeed = await world.call(needsService, 'detail', { needId: need.id }, resident())
    expect(resolvedNeed.status).toBe('resolved')
    expect(resolvedNeed.can.confirm).toBe(true)
    const titles = world.db
      .find<{ userId: string; title: string }>('notifications', { userId: 'r1' })
      .map((notice) => notice.title)
    expect(titles).toEqual(
      expect.arrayContaining([
        '您反映的纠纷已受理调解',
        '已为您安排调解员',
        '调解已进行',
        '调解已达成协议',
        '调解成功',
      ]),
    )
    expect(
      (await world.call(mediationService, 'figures', { scope: 'street', id: 's1' }, streetAdmin()))
        .succeeded,
    ).toBe(1)
  })

  it('shows a case to its parties, mediators and community workers only', async () => {
    await teamOfTwo()
    const { opened } = await openFromNeed()
    const otherMediator = volunteer(world, 'v-west', 'c3', '西社区调解员')
    const neighbour = world.person('r2', [{ kind: 'resident', communityId: 'c1' }])
    const otherWorker = world.person('worker-c2', [{ kind: 'community_worker', communityId: 'c2' }])
    for (const outsider of [otherMediator, neighbour, otherWorker]) {
      expect(
        await refusal(world.call(mediationService, 'detail', { caseId: opened.id }, outsider)),
      ).toMatchObject({ code: 'NOT_FOUND' })
    }
    // The street oversees the community but reads figures, never contents.
    for (const action of ['detail'] as const) {
      expect(
        await refusal(world.call(mediationService, action, { caseId: opened.id }, streetAdmin())),
      ).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('统计') })
    }
    expect(
      await refusal(
        world.call(
          mediationService,
          'listCommunity',
          { communityId: 'c1', page: 1 },
          streetAdmin(),
        ),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' })
    const figures = await world.call(
      mediationService,
      'figures',
      { scope: 'street', id: 's1' },
      streetAdmin(),
    )
    expect(figures.accepted).toBe(1)
    expect(figures.communities?.find((row) => row.communityId === 'c1')?.accepted).toBe(1)
    expect(JSON.stringify(figures)).not.toContain('李阿姨')
    // A party cannot take a mediator's step.
    expect(
      await refusal(
        world.call(
          mediationService,
          'revealParty',
          { caseId: opened.id, partyIndex: 1 },
          resident(),
        ),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('audits every reveal of a party’s phone', async () => {
    await teamOfTwo()
    const { opened } = await openFromNeed()
    const revealed = await world.call(
      mediationService,
      'revealParty',
      { caseId: opened.id, partyIndex: 1 },
      worker(),
    )
    expect(revealed).toEqual({ name: '周先生', phone: '13700001111' })
    expect(
      world.db.find('audit_logs', { action: 'mediation.revealParty', targetId: opened.id }),
    ).toHaveLength(1)
  })

  it('escalates a red case to the street at once', async () => {
    const admin = streetAdmin()
    const { opened } = await openFromNeed('red')
    expect(opened.escalatedAt).toBeDefined()
    expect(world.db.find('notifications', { userId: admin._id, ref: opened.id })).toHaveLength(1)
  })

  it('refuses bad steps with a clear message and changes nothing', async () => {
    const [a] = await teamOfTwo()
    const { opened } = await openFromNeed()
    const stored = () => JSON.stringify(world.db.findOne('mediation_cases', { _id: opened.id }))
    const before = stored()
    const refusals = [
      // A session before any mediator is assigned.
      world.call(mediationService, 'recordSession', sessionOn(opened.id), worker()),
      // Success without an agreement.
      world.call(
        mediationService,
        'close',
        { caseId: opened.id, result: 'success', summary: '双方和解了' },
        worker(),
      ),
      // Failure without saying where the parties were referred.
      world.call(
        mediationService,
        'close',
        { caseId: opened.id, result: 'failed', summary: '双方分歧较大' },
        worker(),
      ),
      // A mediator who is not on the team.
      world.call(
        mediationService,
        'assignMediators',
        { caseId: opened.id, mediatorIds: ['someone-else'] },
        worker(),
      ),
      // Only one side of the dispute.
      world.call(
        mediationService,
        'open',
        {
          communityId: 'c1',
          source: { kind: 'worker' },
          disputeType: 'neighbourhood',
          riskLevel: 'yellow',
          facts: '只有一方当事人的纠纷记录',
          parties: [{ side: 'applicant', name: '李阿姨' }],
        },
        worker(),
      ),
      // The same reported need taken into mediation twice.
      world.call(
        mediationService,
        'open',
        {
          communityId: 'c1',
          source: { kind: 'resident_need', needId: opened.id.replace(/^need-/, '') },
          disputeType: 'neighbourhood',
          riskLevel: 'yellow',
          facts: '302 室水管漏水，渗到 202 室厨房',
          parties: [
            { side: 'applicant', name: '李阿姨' },
            { side: 'respondent', name: '周先生' },
          ],
        },
        worker(),
      ),
    ]
    for (const attempt of refusals) {
      const refused = await refusal(attempt)
      expect(refused.message).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect(stored()).toBe(before)
    expect(world.db.find('mediation_cases', {})).toHaveLength(1)
    // A mediator agreement missing a party's signature.
    await world.call(
      mediationService,
      'assignMediators',
      { caseId: opened.id, mediatorIds: [a._id] },
      worker(),
    )
    await world.call(mediationService, 'recordSession', sessionOn(opened.id), a)
    expect(
      await refusal(
        world.call(
          mediationService,
          'recordAgreement',
          {
            caseId: opened.id,
            facts: '302 室水管漏水致 202 室厨房受损',
            terms: '周先生承担维修费',
            performance: { how: '现金', where: '调解室', by: today() },
            signatories: ['李阿姨', '张明白'],
            signedOn: today(),
          },
          a,
        ),
      ),
    ).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('周先生') })
  })

  it('reminds mediators and workers once before the month passes, and once after', async () => {
    const [a] = await teamOfTwo()
    const { opened } = await openFromNeed()
    await world.call(
      mediationService,
      'assignMediators',
      { caseId: opened.id, mediatorIds: [a._id] },
      worker(),
    )
    const day = 24 * 3_600_000
    expect((await remindDueCases(new Date(Date.now() + 10 * day))).reminded).toBe(0)
    expect((await remindDueCases(new Date(Date.now() + 25 * day))).reminded).toBe(2)
    expect((await remindDueCases(new Date(Date.now() + 26 * day))).reminded).toBe(0)
    expect((await remindDueCases(new Date(Date.now() + 31 * day))).reminded).toBe(2)
    const overdue = await world.call(
      mediationService,
      'listCommunity',
      { communityId: 'c1', page: 1 },
      worker(),
    )
    expect(overdue.items[0].overdue).toBe(false)
  })
})
