import { agreementsService } from '../../cloudfunctions/features/agreements/service'
import { addDays, chinaDateOf } from '../../cloudfunctions/shared/time'
import { refusal, useWorld } from './world'

const today = () => chinaDateOf(new Date())

describe('co-build agreements (共建协议)', () => {
  const world = useWorld()
  const districtAdmin = () =>
    world.person('district', [{ kind: 'district_admin', districtId: 'd1' }])
  const eastAdmin = () => world.person('east', [{ kind: 'street_admin', streetId: 's1' }])
  const westAdmin = () => world.person('west', [{ kind: 'street_admin', streetId: 's2' }])
  const orgMember = () => world.person('org', [{ kind: 'org_member', orgId: 'o1' }])
  const worker = () => world.person('worker', [{ kind: 'community_worker', communityId: 'c1' }])

  const withStreet = (overrides: object = {}) => ({
    kind: 'district_street',
    title: '东街道社区共建协议',
    firstPartyId: 'd1',
    secondPartyId: 's1',
    scopes: ['resource_sharing', 'project_collaboration'],
    term: { from: addDays(today(), -30), to: addDays(today(), 335) },
    commitments: [
      { kind: 'projects', description: '落地共建项目', quantity: 3 },
      { kind: 'person_hours', description: '志愿服务时长', quantity: 100 },
      { kind: 'funds', description: '共建资金', quantity: 50000 },
    ],
    kpis: [{ name: '居民满意度', target: '90% 以上' }],
    reviewDates: [addDays(today(), 60)],
    ...overrides,
  })

  it('the district drafts and signs with a street; delivery is counted from projects, progress and hours', async () => {
    const draft = await world.call(agreementsService, 'create', withStreet(), districtAdmin())
    expect(draft).toMatchObject({ status: 'draft', can: { sign: true } })
    // The street is a party: it reads the agreement but does not sign for the district.
    const seen = await world.call(
      agreementsService,
      'detail',
      { agreementId: draft.id },
      eastAdmin(),
    )
    expect(seen.can.sign).toBe(false)
    expect(
      await refusal(
        world.call(
          agreementsService,
          'sign',
          { agreementId: draft.id, signedOn: today(), place: '岘山社区' },
          eastAdmin(),
        ),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' })
    const signed = await world.call(
      agreementsService,
      'sign',
      { agreementId: draft.id, signedOn: today(), place: '岘山社区' },
      districtAdmin(),
    )
    expect(signed.status).toBe('in_force')

    // What the street's communities recorded in the term.
    const now = new Date()
    world.db.insertMany('projects', [
      { _id: 'p1', streetId: 's1', communityId: 'c1', organizationId: 'o1', createdAt: now },
      { _id: 'p2', streetId: 's1', communityId: 'c2', organizationId: 'o2', createdAt: now },
      { _id: 'p3', streetId: 's2', communityId: 'c3', organizationId: 'o1', createdAt: now },
    ])
    world.db.insertMany('project_progress', [
      { _id: 'g1', projectId: 'p1', month: today().slice(0, 7), peopleServed: 40 },
      { _id: 'g2', projectId: 'p3', month: today().slice(0, 7), peopleServed: 99 },
    ])
    world.db.insertMany('volunteer_hours', [
      { _id: 'h1', organizer: { kind: 'community', id: 'c1' }, minutes: 150, serviceDate: today() },
      { _id: 'h2', organizer: { kind: 'community', id: 'c3' }, minutes: 600, serviceDate: today() },
    ])
    const counted = await world.call(
      agreementsService,
      'detail',
      { agreementId: draft.id },
      districtAdmin(),
    )
    const delivered = Object.fromEntries(
      counted.commitments.map((item) => [item.kind, item.delivered]),
    )
    expect(delivered).toEqual({ projects: 2, person_hours: 2.5, funds: 0 })

    // Funds are not recorded by the product: a review records them.
    const funds = counted.commitments.find((item) => item.kind === 'funds')!
    const projects = counted.commitments.find((item) => item.kind === 'projects')!
    expect(
      await refusal(
        world.call(
          agreementsService,
          'recordReview',
          {
            agreementId: draft.id,
            date: today(),
            notes: '季度复核',
            delivered: [{ commitmentId: projects.id, quantity: 9 }],
          },
          districtAdmin(),
        ),
      ),
    ).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('自动统计') })
    const reviewed = await world.call(
      agreementsService,
      'recordReview',
      {
        agreementId: draft.id,
        date: today(),
        notes: '季度复核，资金已拨付',
        delivered: [{ commitmentId: funds.id, quantity: 20000 }],
      },
      districtAdmin(),
    )
    expect(reviewed.commitments.find((item) => item.kind === 'funds')?.delivered).toBe(20000)
  })

  it('only the parties and the district see an agreement', async () => {
    const draft = await world.call(agreementsService, 'create', withStreet(), districtAdmin())
    for (const outsider of [westAdmin(), orgMember(), worker()]) {
      expect(
        await refusal(world.call(agreementsService, 'detail', { agreementId: draft.id }, outsider)),
      ).toMatchObject({ code: 'NOT_FOUND' })
    }
    const list = await world.call(
      agreementsService,
      'list',
      { scope: 'street', id: 's1' },
      eastAdmin(),
    )
    expect(list.items.map((item) => item.id)).toEqual([draft.id])
    expect(
      await refusal(
        world.call(agreementsService, 'list', { scope: 'street', id: 's1' }, westAdmin()),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('a street signs with an organization, which sees it in its own list', async () => {
    const input = withStreet({
      kind: 'street_organization',
      title: '东街道与红帆志愿队共建协议',
      firstPartyId: 's1',
      secondPartyId: 'o1',
    })
    expect(await refusal(world.call(agreementsService, 'create', input, worker()))).toMatchObject({
      code: 'FORBIDDEN',
    })
    const draft = await world.call(agreementsService, 'create', input, eastAdmin())
    const mine = await world.call(
      agreementsService,
      'list',
      { scope: 'organization', id: 'o1' },
      orgMember(),
    )
    expect(mine.items.map((item) => item.title)).toEqual(['东街道与红帆志愿队共建协议'])
    expect(
      (await world.call(agreementsService, 'detail', { agreementId: draft.id }, orgMember())).can,
    ).toEqual({ sign: false, terminate: false, review: false })
  })

  it('refuses bad input and out-of-order steps with a clear message, changing nothing', async () => {
    expect(
      await refusal(
        world.call(
          agreementsService,
          'create',
          withStreet({ term: { from: today(), to: addDays(today(), -1) } }),
          districtAdmin(),
        ),
      ),
    ).toMatchObject({ code: 'INVALID_INPUT', message: '协议期限的结束日期不能早于开始日期' })
    expect(world.db.find('agreements', {})).toHaveLength(0)

    const draft = await world.call(agreementsService, 'create', withStreet(), districtAdmin())
    const stored = () => JSON.stringify(world.db.findOne('agreements', { _id: draft.id }))
    const before = stored()
    const attempts = [
      // A review before signing.
      world.call(
        agreementsService,
        'recordReview',
        { agreementId: draft.id, date: today(), notes: '提前复核' },
        districtAdmin(),
      ),
      // Signed in the future.
      world.call(
        agreementsService,
        'sign',
        { agreementId: draft.id, signedOn: addDays(today(), 1), place: '区政府' },
        districtAdmin(),
      ),
      // Terminating a draft.
      world.call(
        agreementsService,
        'terminate',
        { agreementId: draft.id, reason: '合作方变更' },
        districtAdmin(),
      ),
    ]
    for (const attempt of attempts) {
      expect((await refusal(attempt)).message).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect(stored()).toBe(before)

    await world.call(
      agreementsService,
      'sign',
      { agreementId: draft.id, signedOn: today(), place: '区政府' },
      districtAdmin(),
    )
    expect(
      await refusal(
        world.call(
          agreementsService,
          'sign',
          { agreementId: draft.id, signedOn: today(), place: '区政府' },
          districtAdmin(),
        ),
      ),
    ).toMatchObject({ code: 'CONFLICT' })
    await world.call(
      agreementsService,
      'terminate',
      { agreementId: draft.id, reason: '街道区划调整' },
      districtAdmin(),
    )
    expect(
      await refusal(
        world.call(
          agreementsService,
          'recordReview',
          { agreementId: draft.id, date: today(), notes: '终止后复核' },
          districtAdmin(),
        ),
      ),
    ).toMatchObject({ code: 'CONFLICT' })
  })
})
