import type { CouncilMeeting } from '../../cloudfunctions/features/councils/domain'
import { quarterOfDate, shiftQuarter } from '../../cloudfunctions/features/councils/domain'
import { councilsService } from '../../cloudfunctions/features/councils/service'
import type { CommunityNeed } from '../../cloudfunctions/features/lists/domain'
import { checkAndRepair } from '../../cloudfunctions/features/maintenance/service'
import { listsService } from '../../cloudfunctions/features/lists/service'
import type { MatchProposalRecord } from '../../cloudfunctions/features/matching/domain'
import { chinaDateOf } from '../../cloudfunctions/shared/time'
import { needOfC1, offeringOfO1 } from './lines'
import { refusal, useWorld } from './world'

describe('the street’s quarterly council (共建议事会)', () => {
  const world = useWorld()
  const admin = () =>
    world.person('street-s1', [{ kind: 'street_admin', streetId: 's1' }], '街道张主任')
  const worker = () =>
    world.person('worker-c1', [{ kind: 'community_worker', communityId: 'c1' }], '东一刘书记')
  const redSail = () =>
    world.person('member-o1', [{ kind: 'org_member', orgId: 'o1' }], '红帆王队长')
  const pine = () => world.person('member-o2', [{ kind: 'org_member', orgId: 'o2' }], '青松李站长')
  const district = () => world.person('district', [{ kind: 'district_admin', districtId: 'd1' }])
  const otherStreet = () => world.person('street-s2', [{ kind: 'street_admin', streetId: 's2' }])
  const today = chinaDateOf(new Date())
  const quarter = quarterOfDate(today)

  async function needAndOffering() {
    const need = await world.call(
      listsService,
      'publishNeed',
      {
        ...needOfC1,
        title: '独居老人探访',
        description: '每周探访社区独居老人',
        quantity: 6,
        unit: '次',
      },
      worker(),
    )
    const offering = await world.call(
      listsService,
      'publishOffering',
      {
        ...offeringOfO1,
        title: '志愿者上门探访',
        description: '志愿者上门探访独居老人',
        capacity: 10,
        unit: '次',
      },
      redSail(),
    )
    return { need, offering }
  }

  async function councilWithFourMembers() {
    // The people exist (signed in once) before the admin picks them.
    admin()
    worker()
    redSail()
    pine()
    const candidates = await world.call(councilsService, 'candidates', { streetId: 's1' }, admin())
    for (const userId of ['street-s1', 'worker-c1', 'member-o1', 'member-o2']) {
      const { seat, scopeId } = candidates.find((one) => one.userId === userId)!
      await world.call(
        councilsService,
        'addMember',
        { streetId: 's1', userId, seat, scopeId },
        admin(),
      )
    }
  }

  async function openMeeting() {
    return world.call(councilsService, 'open', { streetId: 's1', quarter, heldOn: today }, admin())
  }

  const stored = (id: string) => world.db.find<CouncilMeeting>('council_meetings', { _id: id })[0]

  it('opens with an agenda of the street’s needs and resources; a passed allocation becomes a confirmed match and a project; the minutes reach every member', async () => {
    const { need, offering } = await needAndOffering()
    await councilWithFourMembers()
    const opened = await openMeeting()
    expect(opened.agenda.openNeeds.map((row) => row.title)).toEqual(['独居老人探访'])
    expect(opened.agenda.unusedResources.map((row) => [row.title, row.remaining])).toEqual([
      ['志愿者上门探访', 10],
    ])
    expect(opened.members.map((m) => m.seatLabel)).toEqual([
      '街道·东街道',
      '社区·东一社区',
      '兼职委员·红帆志愿队',
      '兼职委员·青松社工站',
    ])

    await world.call(
      councilsService,
      'addItem',
      {
        meetingId: opened.id,
        kind: 'allocation',
        needId: need.id,
        offeringId: offering.id,
        quantity: 4,
      },
      admin(),
    )
    await world.call(
      councilsService,
      'addItem',
      { meetingId: opened.id, kind: 'motion', title: '下季度开展一次联合培训' },
      admin(),
    )
    const present = await world.call(
      councilsService,
      'attend',
      { meetingId: opened.id, present: ['street-s1', 'worker-c1', 'member-o1'] },
      admin(),
    )
    expect([present.presentCount, present.quorum]).toEqual([3, true])

    const vote = (who: ReturnType<typeof admin>, itemId: string, choice: string) =>
      world.call(councilsService, 'vote', { meetingId: opened.id, itemId, choice }, who)
    await vote(admin(), 'item-1', 'for')
    await vote(worker(), 'item-1', 'for')
    const afterVotes = await vote(redSail(), 'item-1', 'abstain')
    expect(afterVotes.items[0]).toMatchObject({
      tally: { for: 2, against: 0, abstain: 1 },
      myVote: 'abstain',
      canVote: false,
    })
    await vote(admin(), 'item-2', 'for')
    await vote(worker(), 'item-2', 'against')

    const closed = await world.call(councilsService, 'close', { meetingId: opened.id }, admin())
    expect(closed.status).toBe('closed')
    expect(closed.items.map((item) => item.outcome)).toEqual(['passed', 'rejected'])
    const proposalId = `${opened.id}-item-1`
    expect(closed.items[0].projectId).toBe(`match-${proposalId}`)
    const proposal = world.db.find<MatchProposalRecord>('match_proposals', { _id: proposalId })[0]
    expect(proposal).toMatchObject({
      communityDecision: 'confirmed',
      providerDecision: 'accepted',
      status: 'accepted',
      quantity: 4,
    })
    expect(world.db.count('projects', { _id: `match-${proposalId}`, status: 'active' })).toBe(1)
    expect(world.db.find<CommunityNeed>('community_needs', {})[0].capacity.taken).toBe(4)
    // The match is whole: the invariant check finds nothing to repair.
    expect(
      (await checkAndRepair({ now: new Date(), full: true, settleFresh: true })).repairs,
    ).toEqual([])

    expect(closed.minutes).toContain('应到 4 人，实到 3 人')
    expect(closed.minutes).toContain('同意 2，反对 0，弃权 1，通过，已转为共建项目')
    const notices = world.db.find<{ userId: string; body: string }>('notifications', {
      ref: opened.id,
    })
    expect(notices.map((notice) => notice.userId).sort()).toEqual([
      'member-o1',
      'member-o2',
      'street-s1',
      'worker-c1',
    ])
    // An organization member on the council sees it; the district sees every street’s.
    expect((await world.call(councilsService, 'list', {}, pine())).councils).toEqual([
      expect.objectContaining({ streetId: 's1', memberCount: 4 }),
    ])
    expect(
      (await world.call(councilsService, 'list', {}, district())).councils.map((c) => c.streetId),
    ).toEqual(['s1', 's2'])
    expect(
      (await world.call(councilsService, 'meeting', { meetingId: opened.id }, district()))
        .canManage,
    ).toBe(false)
  })

  it('without a quorum nothing passes and no project starts', async () => {
    const { need, offering } = await needAndOffering()
    await councilWithFourMembers()
    const opened = await openMeeting()
    await world.call(
      councilsService,
      'addItem',
      {
        meetingId: opened.id,
        kind: 'allocation',
        needId: need.id,
        offeringId: offering.id,
        quantity: 2,
      },
      admin(),
    )
    await world.call(
      councilsService,
      'attend',
      { meetingId: opened.id, present: ['street-s1', 'worker-c1'] },
      admin(),
    )
    await world.call(
      councilsService,
      'vote',
      { meetingId: opened.id, itemId: 'item-1', choice: 'for' },
      admin(),
    )
    const closed = await world.call(councilsService, 'close', { meetingId: opened.id }, admin())
    expect(closed.items[0].outcome).toBe('no_quorum')
    expect(world.db.count('projects', {})).toBe(0)
    expect(closed.minutes).toContain('未达法定人数')
  })

  it('refuses a second vote, a vote after closing, a non-member, and a member not present, changing nothing', async () => {
    await councilWithFourMembers()
    const opened = await openMeeting()
    await world.call(
      councilsService,
      'addItem',
      { meetingId: opened.id, kind: 'motion', title: '设立共建基金' },
      admin(),
    )
    await world.call(
      councilsService,
      'attend',
      { meetingId: opened.id, present: ['street-s1', 'worker-c1', 'member-o1'] },
      admin(),
    )
    const vote = (who: ReturnType<typeof admin>, choice = 'for') =>
      world.call(councilsService, 'vote', { meetingId: opened.id, itemId: 'item-1', choice }, who)
    await vote(worker())
    const before = stored(opened.id)
    expect(await refusal(vote(worker(), 'against'))).toEqual({
      code: 'CONFLICT',
      message: '您已对该议题表决，每个议题只能表决一次',
    })
    expect(await refusal(vote(otherStreet()))).toEqual({
      code: 'FORBIDDEN',
      message: '您不是本次议事会的委员，不能表决',
    })
    expect(await refusal(vote(pine()))).toEqual({
      code: 'CONFLICT',
      message: '您尚未登记出席本次会议，不能表决',
    })
    expect(
      await refusal(
        world.call(
          councilsService,
          'vote',
          { meetingId: opened.id, itemId: 'item-1', choice: 'yes' },
          admin(),
        ),
      ),
    ).toEqual({ code: 'INVALID_INPUT', message: '请选择有效的表决意见' })
    expect(stored(opened.id)).toEqual(before)

    await world.call(councilsService, 'close', { meetingId: opened.id }, admin())
    expect(await refusal(vote(redSail()))).toEqual({
      code: 'CONFLICT',
      message: '会议已结束，不能再表决',
    })
    expect(stored(opened.id).items[0].votes).toHaveLength(1)
  })

  it('only the street’s admin chooses members and opens meetings; one per quarter, dates inside it, no quarter long past', async () => {
    expect(
      await refusal(
        world.call(councilsService, 'open', { streetId: 's1', quarter, heldOn: today }, admin()),
      ),
    ).toEqual({ code: 'CONFLICT', message: '请先选定议事会委员' })
    await councilWithFourMembers()
    for (const who of [district(), worker(), otherStreet()]) {
      expect(
        await refusal(
          world.call(councilsService, 'open', { streetId: 's1', quarter, heldOn: today }, who),
        ),
      ).toEqual({ code: 'FORBIDDEN', message: '只有东街道的管理员可以主持共建议事会' })
      expect(
        (await refusal(world.call(councilsService, 'candidates', { streetId: 's1' }, who))).code,
      ).toBe('FORBIDDEN')
    }
    const longAgo = shiftQuarter(quarter, -3)
    expect(
      await refusal(
        world.call(
          councilsService,
          'open',
          { streetId: 's1', quarter: longAgo, heldOn: `${longAgo.slice(0, 4)}-01-01` },
          admin(),
        ),
      ),
    ).toEqual({ code: 'INVALID_INPUT', message: '只能召开本季度、上季度或下季度的议事会' })
    const next = shiftQuarter(quarter, 1)
    expect(
      await refusal(
        world.call(
          councilsService,
          'open',
          { streetId: 's1', quarter: next, heldOn: today },
          admin(),
        ),
      ),
    ).toEqual({ code: 'INVALID_INPUT', message: '会议日期须在所选季度之内' })
    expect(
      await refusal(
        world.call(
          councilsService,
          'open',
          { streetId: 's1', quarter: '2026-Q5', heldOn: today },
          admin(),
        ),
      ),
    ).toEqual({ code: 'INVALID_INPUT', message: '季度格式不正确，例如 2026-Q4' })
    expect(world.db.count('council_meetings', {})).toBe(0)

    await openMeeting()
    expect((await refusal(openMeeting())).code).toBe('CONFLICT')
    expect(world.db.count('council_meetings', {})).toBe(1)
    // Someone who does not hold the seat is not a candidate; an outsider cannot read the council.
    expect(
      await refusal(
        world.call(
          councilsService,
          'addMember',
          { streetId: 's1', userId: 'member-o1', seat: 'community', scopeId: 'c1' },
          admin(),
        ),
      ),
    ).toEqual({ code: 'INVALID_INPUT', message: '所选人员不在本街道的可选委员中' })
    const outsider = world.person('outsider', [{ kind: 'community_worker', communityId: 'c3' }])
    expect(
      (await refusal(world.call(councilsService, 'overview', { streetId: 's1' }, outsider))).code,
    ).toBe('FORBIDDEN')
  })
})
