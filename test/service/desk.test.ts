import { deskOnTimer, deskService } from '../../cloudfunctions/features/desk/service'
import { quarterOfDate, shiftQuarter } from '../../cloudfunctions/features/councils/domain'
import { emptyFigures, monthsUpTo } from '../../cloudfunctions/features/desk/domain'
import { DAY_MS, addDays, chinaDateOf } from '../../cloudfunctions/shared/time'
import { refusal, useWorld, type World } from './world'

describe('the street and district desk', () => {
  const world = useWorld()
  const now = Date.now()
  const daysAgo = (days: number) => new Date(now - days * DAY_MS)

  const districtAdmin = () =>
    world.person('district-admin', [{ kind: 'district_admin', districtId: 'd1' }])
  const eastAdmin = () => world.person('east-admin', [{ kind: 'street_admin', streetId: 's1' }])

  const line = (_id: string, communityId: string, status: string) => ({
    _id,
    communityId,
    streetId: communityId === 'c3' ? 's2' : 's1',
    districtId: 'd1',
    status,
    createdAt: daysAgo(3),
  })

  /** A district's records a clerk could count by hand: needs in three communities and what followed. */
  function buildRecords() {
    world.db.insertMany('community_needs', [
      line('n1', 'c1', 'partly_served'),
      line('n2', 'c1', 'served'),
      line('n3', 'c1', 'open'),
      line('n4', 'c2', 'open'),
      line('n5', 'c3', 'served'),
      line('n6', 'c3', 'open'),
    ])
    world.db.insertMany('personal_needs', [
      line('pn1', 'c1', 'open'),
      line('pn2', 'c1', 'open'),
      line('pn3', 'c1', 'accepted'),
    ])
    // Two proposals for n1 count n1 once; a rejected one is no match.
    world.db.insertMany('match_proposals', [
      { ...line('m1', 'c1', 'proposed'), needId: 'n1' },
      { ...line('m2', 'c1', 'accepted'), needId: 'n1' },
      { ...line('m3', 'c1', 'rejected'), needId: 'n3' },
    ])
    world.db.insertMany('claims', [
      { ...line('cl1', 'c1', 'pending'), needId: 'n2' },
      { ...line('cl2', 'c3', 'approved'), needId: 'n5' },
      { ...line('cl3', 'c3', 'declined'), needId: 'n6' },
    ])
    const project = (
      _id: string,
      communityId: string,
      needId: string,
      status: string,
      extra = {},
    ) => ({
      ...line(_id, communityId, status),
      needId,
      domain: 'service_supply',
      progressCount: 0,
      updatedAt: new Date(now),
      ...extra,
    })
    world.db.insertMany('projects', [
      project('p1', 'c1', 'n1', 'active', { progressCount: 2 }),
      project('p2', 'c1', 'n2', 'closed', { domain: 'civic_culture', progressCount: 1 }),
      project('p3', 'c3', 'n5', 'active'),
    ])
    world.db.insertMany('project_progress', [
      { _id: 'pp1', projectId: 'p1', month: '2026-09', peopleServed: 30 },
      { _id: 'pp2', projectId: 'p1', month: '2026-10', peopleServed: 20 },
      { _id: 'pp3', projectId: 'p2', month: '2026-10', peopleServed: 10 },
    ])
    world.db.insertMany('stall_events', [
      { _id: 'e1', communityId: 'c1', date: chinaDateOf(new Date(now)), status: 'published' },
      { _id: 'e2', communityId: 'c3', date: chinaDateOf(new Date(now)), status: 'published' },
    ])
    const booking = (_id: string, eventId: string, checkedIn: boolean) => ({
      _id,
      eventId,
      userId: `u-${_id}`,
      status: 'booked',
      ...(checkedIn ? { checkedInAt: daysAgo(1) } : {}),
    })
    world.db.insertMany('stall_bookings', [
      booking('b1', 'e1', true),
      booking('b2', 'e1', true),
      booking('b3', 'e1', true),
      booking('b4', 'e1', false),
      booking('b5', 'e2', true),
    ])
    world.db.insertMany('volunteers', [
      line('v1', 'c1', 'verified'),
      line('v2', 'c1', 'pending'),
      line('v3', 'c2', 'rejected'),
      line('v4', 'c3', 'verified'),
    ])
    world.db.insertMany('volunteer_hours', [
      { _id: 'h1', volunteerId: 'v1', minutes: 120, createdAt: daysAgo(2) },
      { _id: 'h2', volunteerId: 'v1', minutes: 60, createdAt: daysAgo(60) },
      { _id: 'h3', volunteerId: 'v4', minutes: 90, createdAt: daysAgo(40) },
    ])
    world.db.insertMany('mediation_cases', [
      line('mc1', 'c1', 'accepted'),
      { ...line('mc2', 'c1', 'closed'), outcome: { result: 'success' } },
      { ...line('mc3', 'c3', 'closed'), outcome: { result: 'failure' } },
    ])
    world.db.insertMany('charity_donations', [
      { _id: 'dn1', streetId: 's1', districtId: 'd1', amountFen: 10_000 },
      { _id: 'dn2', streetId: 's1', districtId: 'd1', valueFen: 5_000 },
      { _id: 'dn3', streetId: 's2', districtId: 'd1', amountFen: 2_000 },
    ])
    world.db.insertMany('resource_offerings', [
      { _id: 'of1', districtId: 'd1', organizationId: 'o1', organizationKind: 'volunteer_org' },
      { _id: 'of2', districtId: 'd1', organizationId: 'o1', organizationKind: 'volunteer_org' },
      { _id: 'of3', districtId: 'd1', organizationId: 'o2', organizationKind: 'social_org' },
    ])
  }

  describe('the figures', () => {
    it('counts the district’s funnel, projects, people served, volunteers and donations', async () => {
      buildRecords()
      const desk = await world.call(deskService, 'overview', {}, districtAdmin())
      expect(desk).toMatchObject({ scope: 'district', id: 'd1', name: '测试区' })
      expect(desk.figures.funnel.map((stage) => [stage.label, stage.count])).toEqual([
        ['已发布', 6],
        ['已匹配', 1],
        ['已揭榜', 2],
        ['已立项', 3],
        ['已结项', 1],
      ])
      expect(desk.figures.projectStages.map((stage) => stage.count)).toEqual([1, 1, 1])
      expect(desk.figures.projects.find((row) => row.label === '服务供给')).toMatchObject({
        total: 2,
        stages: { starting: 1, underWay: 1, closed: 0 },
      })
      expect(desk.figures.peopleServed).toEqual({ total: 64, inProjects: 60, atStalls: 4 })
      expect(desk.figures.volunteers).toEqual({ registered: 3, verified: 2, active: 1, hours: 4.5 })
      expect(desk.figures.mediation).toEqual({ cases: 3, succeeded: 1 })
      expect(desk.figures.donations).toEqual({ count: 3, yuan: 170 })
      expect(
        desk.figures.resources.map((row) => [row.label, row.providers, row.offerings]),
      ).toEqual([
        ['社会组织', 1, 1],
        ['志愿服务组织', 1, 2],
        ['政府部门', 0, 0],
      ])
      expect(desk.children.map((child) => [child.name, child.headline.needsPublished])).toEqual([
        ['东街道', 4],
        ['西街道', 2],
      ])
    })

    it('drills down to a community, whose figures are its own', async () => {
      buildRecords()
      const street = await world.call(
        deskService,
        'overview',
        { scope: 'street', id: 's1' },
        districtAdmin(),
      )
      expect(street.path.map((node) => node.name)).toEqual(['测试区', '东街道'])
      expect(street.children.map((child) => [child.name, child.headline.peopleServed])).toEqual([
        ['东一社区', 63],
        ['东二社区', 0],
      ])
      expect(street.figures.donations).toEqual({ count: 2, yuan: 150 })
      const community = await world.call(
        deskService,
        'overview',
        { scope: 'community', id: 'c1' },
        districtAdmin(),
      )
      expect(community.children).toEqual([])
      expect(community.figures.funnel.map((stage) => stage.count)).toEqual([3, 1, 1, 2, 1])
      expect(community.figures.personalNeeds).toEqual({ open: 2, accepted: 1 })
    })

    it('shows a street admin their street only and refuses everyone else in Chinese', async () => {
      buildRecords()
      const own = await world.call(deskService, 'overview', {}, eastAdmin())
      expect(own).toMatchObject({ scope: 'street', id: 's1' })
      expect(own.path.map((node) => node.name)).toEqual(['东街道'])
      for (const elsewhere of [
        { scope: 'street', id: 's2' },
        { scope: 'community', id: 'c3' },
        { scope: 'district', id: 'd1' },
      ]) {
        expect(
          await refusal(world.call(deskService, 'overview', elsewhere, eastAdmin())),
        ).toMatchObject({
          code: 'FORBIDDEN',
          message: expect.stringMatching(/您不是.+的管理员/),
        })
      }
      const worker = world.person('w1', [{ kind: 'community_worker', communityId: 'c1' }])
      expect(await refusal(world.call(deskService, 'overview', {}, worker))).toMatchObject({
        code: 'FORBIDDEN',
        message: '数据服务台仅供街道和区级管理员使用',
      })
      expect(
        await refusal(
          world.call(deskService, 'overview', { scope: 'planet', id: 'x' }, eastAdmin()),
        ),
      ).toMatchObject({ code: 'INVALID_INPUT', message: '请选择有效的统计范围' })
    })

    it('reads the month’s additions from the last snapshot of the month before', async () => {
      buildRecords()
      const thisMonth = chinaDateOf(new Date(now)).slice(0, 7)
      const lastMonth = monthsUpTo(thisMonth, 2)[0]
      const before = {
        ...emptyFigures('c1'),
        funnel: { ...emptyFigures('c1').funnel, published: 1 },
      }
      world.db.insertMany('daily_figures', [
        {
          _id: `${lastMonth}-28`,
          month: lastMonth,
          takenAt: daysAgo(30),
          communities: [before],
          streets: [],
          districts: [],
        },
      ])
      const street = await world.call(
        deskService,
        'overview',
        { scope: 'street', id: 's1' },
        eastAdmin(),
      )
      expect(street.trends).toHaveLength(12)
      expect(street.trends.slice(-2)).toEqual([
        expect.objectContaining({ month: lastMonth, needsPublished: 1 }),
        expect.objectContaining({ month: thisMonth, needsPublished: 3 }),
      ])
    })

    it('keeps the day’s figures once from the timer, and a refresh retakes them', async () => {
      buildRecords()
      expect(await deskOnTimer()).toMatchObject({ communities: 3, taken: true })
      expect(await deskOnTimer()).toMatchObject({ taken: false })
      world.db.insertMany('community_needs', [line('n7', 'c2', 'open')])
      const stale = await world.call(deskService, 'overview', {}, eastAdmin())
      expect(stale.headline.needsPublished).toBe(4)
      await world.call(deskService, 'refresh', {}, eastAdmin())
      const fresh = await world.call(deskService, 'overview', {}, eastAdmin())
      expect(fresh.headline.needsPublished).toBe(5)
    })

    it('opens on yesterday’s snapshot until the timer has taken today’s', async () => {
      buildRecords()
      const yesterday = addDays(chinaDateOf(new Date(now)), -1)
      const kept = {
        ...emptyFigures('c1'),
        funnel: { ...emptyFigures('c1').funnel, published: 99 },
      }
      world.db.insertMany('daily_figures', [
        {
          _id: yesterday,
          month: yesterday.slice(0, 7),
          takenAt: daysAgo(1),
          communities: [kept],
          streets: [],
          districts: [],
        },
      ])
      const desk = await world.call(deskService, 'overview', {}, eastAdmin())
      expect(desk.headline.needsPublished).toBe(99)
      await deskOnTimer()
      expect(
        (await world.call(deskService, 'overview', {}, eastAdmin())).headline.needsPublished,
      ).toBe(4)
    })
  })

  describe('each role’s to-dos', () => {
    const todosOf = async (caller: ReturnType<World['person']>, kind: string) => {
      const groups = await world.call(deskService, 'todos', {}, caller)
      return Object.fromEntries(
        groups
          .filter((group) => group.kind === kind)
          .flatMap((group) => group.todos.map((todo) => [todo.key, [todo.count, todo.page]])),
      )
    }

    it('counts a community worker’s claims, proposals, volunteers, needs and today’s stalls', async () => {
      buildRecords()
      world.db.insertMany('match_proposals', [
        { ...line('m4', 'c1', 'proposed'), needId: 'n3', communityDecision: 'pending' },
        { ...line('m5', 'c1', 'proposed'), needId: 'n4', communityDecision: 'confirmed' },
      ])
      const worker = world.person('w1', [{ kind: 'community_worker', communityId: 'c1' }])
      expect(await todosOf(worker, 'community_worker')).toEqual({
        needsToAccept: [2, 'packages/needs/pages/community/index?communityId=c1'],
        claimsToReview: [1, 'packages/projects/pages/review/index?communityId=c1'],
        proposalsToConfirm: [1, 'packages/lists/pages/proposals/index?communityId=c1'],
        volunteersToVerify: [1, 'packages/volunteers/pages/review/index?communityId=c1'],
        stallsToday: [1, 'packages/stalls/pages/events/index'],
        casesWaiting: [1, 'packages/mediation/pages/cases/index?communityId=c1'],
        projectsStalled: [0, 'packages/projects/pages/list/index?communityId=c1'],
      })
      // The other community's worker sees none of c1's work.
      const west = world.person('w3', [{ kind: 'community_worker', communityId: 'c3' }])
      expect(await todosOf(west, 'community_worker')).toMatchObject({
        needsToAccept: [0, expect.any(String)],
        claimsToReview: [0, expect.any(String)],
      })
    })

    it('counts a street’s stalled projects and a resident’s needs to confirm, role by role', async () => {
      buildRecords()
      world.db.insertMany('projects', [
        { ...line('p4', 'c2', 'active'), needId: 'n4', updatedAt: daysAgo(61), progressCount: 1 },
      ])
      world.db.insertMany('personal_needs', [
        { ...line('pn4', 'c1', 'resolved'), residentId: 'both' },
        { ...line('pn5', 'c1', 'resolved'), residentId: 'someone-else' },
      ])
      const both = world.person('both', [
        { kind: 'resident', communityId: 'c1' },
        { kind: 'street_admin', streetId: 's1' },
      ])
      // Waiting past 14 days unclaimed: one; the other has a claim under review; c3 is another street's.
      world.db.insertMany('community_needs', [
        { ...line('old1', 'c1', 'open'), createdAt: daysAgo(20) },
        { ...line('old2', 'c2', 'open'), createdAt: daysAgo(20) },
        { ...line('old3', 'c3', 'open'), createdAt: daysAgo(20) },
      ])
      world.db.insertMany('claims', [{ ...line('cl4', 'c2', 'pending'), needId: 'old2' }])
      // Last quarter's council still open; none yet this quarter (another street's does not count).
      const thisQuarter = quarterOfDate(chinaDateOf(new Date(now)))
      world.db.insertMany('council_meetings', [
        { _id: `council-s1-${shiftQuarter(thisQuarter, -1)}`, streetId: 's1', status: 'open' },
        { _id: `council-s2-${thisQuarter}`, streetId: 's2', status: 'open' },
      ])
      const councilPage = 'packages/councils/pages/council/index?streetId=s1'
      expect(await todosOf(both, 'street_admin')).toEqual({
        needsOverdue: [1, 'packages/projects/pages/overdue/index?streetId=s1'],
        councilDue: [1, councilPage],
        councilOpen: [1, councilPage],
        projectsStalled: [1, 'packages/projects/pages/list/index?streetId=s1'],
      })
      world.db.insertMany('council_meetings', [
        { _id: `council-s1-${thisQuarter}`, streetId: 's1', status: 'closed' },
      ])
      expect(await todosOf(both, 'street_admin')).toMatchObject({ councilDue: [0, councilPage] })
      expect(await todosOf(both, 'resident')).toMatchObject({
        needsToConfirm: [1, 'packages/needs/pages/mine/index'],
      })
    })
  })
})
