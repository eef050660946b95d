import { Cron } from 'croner'
import type { NotificationRecord } from '../../cloudfunctions/shared/notifications'
import type { TemplateKey } from '../../cloudfunctions/shared/messageTemplates'
import { timerTriggersOf } from '../../localcloud/scheduler'
import { needLine, offeringLine } from '../listsFixtures'
import { setChinaTime, useChinaNoonClock } from './clock'
import { FUNCTIONS_DIR, callAs, signIn, useTestCloud } from './localCloudClient'
import { publishNeed } from './publishedNeeds'
import { publishEventStartingIn } from './stallsHelpers'
import { publishGuideShift, verifiedWang } from './volunteersHelpers'

const DAY_MS = 24 * 3_600_000

// Subscription messages and the timer jobs that send most of them, through the local cloud: the
// jobs run as the platform's timer runs them, and what WeChat would have delivered lands in the
// local cloud's outbox.
describe('subscription messages and timer jobs', () => {
  useChinaNoonClock()
  const env = useTestCloud()
  afterEach(() => setChinaTime('12:00'))

  const as = (account: string) => signIn(env.cloud, account)
  /** 蚂蚁力量 claims units of the need; answers the claim's id. */
  const claimByMayi = async (member: string, needId: string, quantity: number) => {
    const claimed = await callAs(env.cloud, member, 'claims', 'claim', {
      needId,
      organizationId: 'mayi',
      quantity,
      plan: '每月组织两次志愿者清理楼道',
    })
    if (!claimed.ok) throw new Error(claimed.error.message)
    return claimed.data.id
  }
  const subscribe = async (token: string, templates: TemplateKey[]) => {
    const answer = await callAs(env.cloud, token, 'account', 'acceptSubscriptions', { templates })
    if (!answer.ok) throw new Error(answer.error.message)
  }
  const sentTo = async (userId: string) =>
    (await env.cloud.platform.outbox()).filter((message) => message.touser === userId)
  const noticesOf = (userId: string) =>
    env.cloud.database.find<NotificationRecord>('notifications', { userId })
  const creditsOf = (userId: string, template: TemplateKey) =>
    env.cloud.database.findOne<{ credits: number }>('subscription_credits', {
      _id: `${userId}:${template}`,
    })?.credits ?? 0

  async function book(account: string, slotId: string, joinWaitlist = false) {
    const booked = await callAs(env.cloud, await as(account), 'stalls', 'book', {
      slotId,
      joinWaitlist,
    })
    if (!booked.ok) throw new Error(booked.error.message)
    return booked.data
  }

  it('the day before, each booked resident is reminded once: by message where subscribed, in the app always', async () => {
    const { slotId } = await publishEventStartingIn(env.cloud, 24 * 60)
    await subscribe(await as('demo-resident-wang'), ['bookingReminder', 'waitlistPromoted'])
    await book('demo-resident-wang', slotId)
    await book('demo-resident-li', slotId)

    // Before the reminder hour the hourly job only looks for no-shows.
    expect(await env.cloud.runTimer('stalls')).toEqual({
      ok: true,
      data: { noShows: 0, reminded: 0 },
    })
    setChinaTime('18:00')
    expect(await env.cloud.runTimer('stalls')).toMatchObject({ data: { reminded: 2 } })
    expect(await env.cloud.runTimer('stalls')).toMatchObject({ data: { reminded: 0 } })

    const [message, ...more] = await sentTo('demo-resident-wang')
    expect(more).toEqual([])
    expect(message).toMatchObject({
      template: 'bookingReminder',
      page: 'packages/stalls/pages/mine/index',
      data: {
        thing1: { value: '社区公益服务日·公益理发' },
        thing3: { value: '大华社区党群服务中心' },
        thing4: { value: '请带好签到码准时到场' },
      },
    })
    expect(message.data.time2.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 12:00$/)
    expect(noticesOf('demo-resident-wang')).toEqual([
      expect.objectContaining({ title: '服务活动提醒', push: 'sent' }),
    ])
    expect(creditsOf('demo-resident-wang', 'bookingReminder')).toBe(0)
    // 李师傅 never subscribed: his reminder is the in-app notice alone.
    expect(await sentTo('demo-resident-li')).toEqual([])
    expect(noticesOf('demo-resident-li')).toEqual([
      expect.objectContaining({ title: '服务活动提醒', push: 'no_credit' }),
    ])
  })

  it('a send WeChat refuses leaves the in-app notice; one that fails gives the credit back', async () => {
    const wang = await as('demo-resident-wang')
    await subscribe(wang, ['bookingReminder'])
    await subscribe(wang, ['bookingReminder'])
    expect(creditsOf('demo-resident-wang', 'bookingReminder')).toBe(2)
    const first = await publishEventStartingIn(env.cloud, 24 * 60, 2, '公益理发')
    const second = await publishEventStartingIn(env.cloud, 24 * 60 + 90, 2, '量血压')
    await book('demo-resident-wang', first.slotId)
    await book('demo-resident-wang', second.slotId)

    setChinaTime('18:00')
    env.cloud.platform.refuseNext('subscribeMessage.send', 43101)
    env.cloud.platform.refuseNext('subscribeMessage.send', -1)
    expect(await env.cloud.runTimer('stalls')).toMatchObject({ data: { reminded: 2 } })
    expect(await sentTo('demo-resident-wang')).toEqual([])
    const pushes = noticesOf('demo-resident-wang').map((notice) => notice.push)
    expect(pushes.sort()).toEqual(['failed', 'refused'])
    // The refused send spent its credit (WeChat holds none); the failed one gave it back.
    expect(creditsOf('demo-resident-wang', 'bookingReminder')).toBe(1)
  })

  it('a resident seated from the waitlist is told at once', async () => {
    const { slotId } = await publishEventStartingIn(env.cloud, 180, 1)
    const wang = await as('demo-resident-wang')
    const booking = await book('demo-resident-wang', slotId)
    await subscribe(await as('demo-resident-li'), ['bookingReminder', 'waitlistPromoted'])
    expect(await book('demo-resident-li', slotId, true)).toMatchObject({ status: 'waitlisted' })
    await callAs(env.cloud, wang, 'stalls', 'cancel', { bookingId: booking.id })
    expect(await sentTo('demo-resident-li')).toEqual([
      expect.objectContaining({
        template: 'waitlistPromoted',
        data: expect.objectContaining({ thing1: { value: '社区公益服务日·公益理发' } }),
      }),
    ])
  })

  it('a volunteer on tomorrow’s shift is reminded by the shifts timer', async () => {
    const { shiftId } = await publishGuideShift(env.cloud)
    const { token } = await verifiedWang(env.cloud)
    await subscribe(token, ['shiftReminder', 'waitlistPromoted'])
    await callAs(env.cloud, token, 'shifts', 'signUp', { shiftId })
    expect(await env.cloud.runTimer('shifts')).toEqual({ ok: true, data: { reminded: 0 } })
    setChinaTime('17:05')
    expect(await env.cloud.runTimer('shifts')).toEqual({ ok: true, data: { reminded: 1 } })
    const [message] = await sentTo('demo-resident-wang')
    expect(message).toMatchObject({
      template: 'shiftReminder',
      page: `packages/volunteers/pages/shift/index?shiftId=${shiftId}`,
      data: { thing1: { value: '医院导诊' }, thing3: { value: '即墨区人民医院门诊大厅' } },
    })
    expect(message.data.time2.value).toMatch(/日 09:00$/)
  })

  it('an organization hears how its claim was decided', async () => {
    const need = await publishNeed()
    const member = await as('demo-org-mayi')
    await subscribe(member, ['reviewResult'])
    const claimId = await claimByMayi(member, need._id, 2)
    await callAs(env.cloud, await as('demo-worker-dahua'), 'claims', 'approve', {
      claimId,
    })
    expect(await sentTo('demo-org-mayi')).toEqual([
      expect.objectContaining({
        template: 'reviewResult',
        data: {
          thing1: { value: '揭榜：楼道杂物清理' },
          phrase2: { value: '已通过' },
          thing3: { value: '共建项目已启动，请按服务方案开展服务' },
        },
      }),
    ])
  })

  it('each side of a matching proposal hears the other side’s decision', async () => {
    const worker = await as('demo-worker-dahua')
    const member = await as('demo-org-mayi')
    await callAs(env.cloud, worker, 'lists', 'publishNeed', needLine)
    await callAs(env.cloud, member, 'lists', 'publishOffering', offeringLine)
    const run = await callAs(env.cloud, worker, 'matching', 'run', {
      scope: 'community',
      scopeId: 'dahua',
    })
    if (!run.ok) throw new Error(run.error.message)
    const proposal = run.data.proposals.find((item) => item.needTitle === needLine.title)
    if (!proposal) throw new Error('no proposal for the need')
    await subscribe(member, ['reviewResult'])
    await subscribe(worker, ['reviewResult'])
    await callAs(env.cloud, worker, 'matching', 'confirm', { proposalId: proposal.id })
    await callAs(env.cloud, member, 'matching', 'accept', { proposalId: proposal.id })
    expect((await sentTo('demo-org-mayi')).map((message) => message.data.phrase2)).toEqual([
      { value: '已确认' },
    ])
    expect((await sentTo('demo-worker-dahua')).map((message) => message.data.phrase2)).toEqual([
      { value: '已接受' },
    ])
    expect(noticesOf('demo-org-mayi')).toEqual([
      expect.objectContaining({ title: '匹配方案已确认', ref: proposal.id }),
    ])
  })

  it('a resident hears when her need is taken up into the community’s list', async () => {
    const wang = await as('demo-resident-wang')
    await subscribe(wang, ['progressUpdate'])
    const posted = await callAs(env.cloud, wang, 'needs', 'post', {
      kind: 'help',
      category: 'elderly_care',
      description: '家中老人独居，希望有人定期上门探望',
      communityId: 'dahua',
    })
    if (!posted.ok) throw new Error(posted.error.message)
    const worker = await as('demo-worker-dahua')
    const line = await callAs(env.cloud, worker, 'lists', 'publishNeed', {
      ...needLine,
      promotedFrom: [posted.data.id],
    })
    if (!line.ok) throw new Error(line.error.message)
    expect(await sentTo('demo-resident-wang')).toEqual([
      expect.objectContaining({
        template: 'progressUpdate',
        page: 'packages/needs/pages/mine/index',
        data: expect.objectContaining({
          thing1: { value: '独居老人探访' },
          phrase2: { value: '处理中' },
        }),
      }),
    ])
  })

  it('a need waiting past its limit unclaimed is brought to its street once', async () => {
    // Whatever the demo data holds is brought up first; then only the test's need is new.
    const before = await env.cloud.runTimer('claims')
    if (!(before as { ok: boolean }).ok) throw new Error('the claims timer failed')
    const { overdue } = (before as { data: { overdue: number } }).data
    const need = await publishNeed({ createdAt: new Date(Date.now() - 15 * DAY_MS) })
    await publishNeed({ title: '新发布的需求' })
    await subscribe(await as('demo-street-chaohai'), ['todoReminder'])
    expect(await env.cloud.runTimer('claims')).toEqual({
      ok: true,
      data: { overdue: overdue + 1, notified: 1 },
    })
    expect(await env.cloud.runTimer('claims')).toEqual({
      ok: true,
      data: { overdue: overdue + 1, notified: 0 },
    })
    expect(noticesOf('demo-street-chaohai')).toContainEqual(
      expect.objectContaining({ title: '需求超期未揭榜', ref: need._id, push: 'sent' }),
    )
    expect((await sentTo('demo-street-chaohai')).map((message) => message.data.thing1)).toEqual([
      { value: '超期未揭榜：楼道杂物清理' },
    ])
  })

  it('a project without progress for two months is brought to its organization and community', async () => {
    const need = await publishNeed()
    const member = await as('demo-org-mayi')
    const claimId = await claimByMayi(member, need._id, 1)
    const approved = await callAs(env.cloud, await as('demo-worker-dahua'), 'claims', 'approve', {
      claimId,
    })
    if (!approved.ok) throw new Error(approved.error.message)
    expect(await env.cloud.runTimer('projects')).toEqual({
      ok: true,
      data: { stalled: 0, notified: 0 },
    })
    env.cloud.database.updateMany(
      'projects',
      { _id: approved.data.projectId },
      { $set: { updatedAt: new Date(Date.now() - 61 * DAY_MS) } },
    )
    expect(await env.cloud.runTimer('projects')).toEqual({
      ok: true,
      data: { stalled: 1, notified: 2 },
    })
    expect(await env.cloud.runTimer('projects')).toMatchObject({ data: { notified: 0 } })
    for (const userId of ['demo-org-mayi', 'demo-worker-dahua']) {
      expect(noticesOf(userId)).toContainEqual(
        expect.objectContaining({ title: '项目进展待更新', ref: approved.data.projectId }),
      )
    }
  })

  it('the desk’s daily figures are taken once a day', async () => {
    await callAs(env.cloud, await as('demo-resident-wang'), 'needs', 'post', {
      kind: 'report',
      category: 'repair',
      description: '三号楼楼道灯坏了，晚上看不见路',
      communityId: 'dahua',
    })
    const first = await env.cloud.runTimer('desk')
    expect(first).toMatchObject({
      ok: true,
      data: { communities: env.cloud.database.count('communities'), taken: true },
    })
    expect(await env.cloud.runTimer('desk')).toMatchObject({ data: { taken: false } })
    const [snapshot] = env.cloud.database.find<{
      communities: { communityId: string; personalNeedsOpen: number }[]
    }>('daily_figures', {})
    const dahua = snapshot.communities.find((item) => item.communityId === 'dahua')
    const seeded = env.cloud.database.count('personal_needs', {
      communityId: 'dahua',
      status: 'open',
    })
    expect(dahua?.personalNeedsOpen).toBe(seeded)
  })

  it('every function’s timer is scheduled from its config.json, in China time', () => {
    const triggers = timerTriggersOf(FUNCTIONS_DIR)
    expect(
      triggers.map((trigger) => `${trigger.functionName}.${trigger.triggerName}`).sort(),
    ).toEqual([
      'claims.daily',
      'desk.dailyFigures',
      'maintenance.repair',
      'mediation.remindDue',
      'needs.closeExpired',
      'projects.daily',
      'shifts.hourly',
      'stalls.hourly',
    ])
    const next = (functionName: string, from: string) => {
      const trigger = triggers.find((item) => item.functionName === functionName)!
      const job = new Cron(trigger.cron, { timezone: 'Asia/Shanghai', paused: true })
      return job.nextRun(new Date(from))?.toISOString()
    }
    // 7 fields (seconds … year), China time: 09:00 in Beijing is 01:00 UTC.
    expect(next('claims', '2026-11-28T08:30:00+08:00')).toBe('2026-11-28T01:00:00.000Z')
    expect(next('stalls', '2026-11-28T17:59:00+08:00')).toBe('2026-11-28T10:00:00.000Z')
    expect(next('desk', '2026-11-28T23:00:00+08:00')).toBe('2026-11-28T16:30:00.000Z')
    expect(next('maintenance', '2026-11-28T10:01:00+08:00')).toBe('2026-11-28T02:10:00.000Z')
  })
})
