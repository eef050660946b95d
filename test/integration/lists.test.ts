import { callAs, signIn, useTestCloud } from './localCloudClient'
import { needLine, offeringLine } from '../listsFixtures'

describe('双清单: need lists and resource lists through the local cloud', () => {
  const env = useTestCloud()

  const as = (account: string) => signIn(env.cloud, account)
  const needTitles = async (account: string, filter: Record<string, unknown> = {}) => {
    const listed = await callAs(env.cloud, await as(account), 'lists', 'listNeeds', filter)
    if (!listed.ok) throw new Error(listed.error.message)
    return listed.data.items.map((need) => need.title)
  }

  it('a worker publishes a need, promoting residents’ needs, and providers find it by filters', async () => {
    const worker = await as('demo-worker-dahua')
    const published = await callAs(env.cloud, worker, 'lists', 'publishNeed', {
      ...needLine,
      promotedFrom: ['seed-need-1'],
    })
    if (!published.ok) throw new Error(published.error.message)
    expect(published.data).toMatchObject({
      communityName: '大华社区',
      quantity: 6,
      committed: 0,
      status: 'open',
      promotedCount: 1,
    })

    const residentsNeeds = await callAs(env.cloud, worker, 'needs', 'listCommunity', {
      communityId: 'dahua',
    })
    if (!residentsNeeds.ok) throw new Error(residentsNeeds.error.message)
    const promoted = residentsNeeds.data.items.find((need) => need.id === 'seed-need-1')
    expect(promoted).toMatchObject({ status: 'in_progress', handler: { kind: 'need_list' } })

    expect(await needTitles('demo-org-mayi', { domain: 'social_work', status: 'open' })).toEqual([
      '独居老人探访',
    ])
    expect(await needTitles('demo-org-mayi', { streetId: 'tongji' })).not.toContain('独居老人探访')
    expect(await needTitles('demo-street-chaohai')).toContain('独居老人探访')
    expect(await needTitles('demo-worker-xianshan')).not.toContain('独居老人探访')
  })

  it('promoting a need of another community or one already accepted stores nothing', async () => {
    const worker = await as('demo-worker-dahua')
    const before = await needTitles('demo-org-mayi')
    const otherCommunity = await callAs(env.cloud, worker, 'lists', 'publishNeed', {
      ...needLine,
      promotedFrom: ['seed-need-3'],
    })
    expect(otherCommunity).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await needTitles('demo-org-mayi')).toEqual(before)
  })

  it('only a worker of the community manages its need list', async () => {
    const cases: [string, string][] = [
      ['demo-resident-wang', 'FORBIDDEN'],
      ['demo-org-mayi', 'FORBIDDEN'],
      ['demo-worker-xianshan', 'FORBIDDEN'],
      ['demo-street-chaohai', 'FORBIDDEN'],
    ]
    for (const [account, code] of cases) {
      const result = await callAs(env.cloud, await as(account), 'lists', 'publishNeed', needLine)
      expect(result).toMatchObject({ ok: false, error: { code } })
    }
    const published = await callAs(
      env.cloud,
      await as('demo-worker-dahua'),
      'lists',
      'publishNeed',
      needLine,
    )
    if (!published.ok) throw new Error(published.error.message)
    const other = await as('demo-worker-xianshan')
    expect(
      await callAs(env.cloud, other, 'lists', 'closeNeed', { needId: published.data.id }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(
      await callAs(env.cloud, other, 'lists', 'editNeed', {
        needId: published.data.id,
        quantity: 1,
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await needTitles('demo-org-mayi', { domain: 'social_work', status: 'open' })).toEqual([
      '独居老人探访',
    ])
    const resident = await as('demo-resident-wang')
    expect(await callAs(env.cloud, resident, 'lists', 'listNeeds', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('invalid need input answers in Chinese and stores nothing', async () => {
    const worker = await as('demo-worker-dahua')
    const cases: [Record<string, unknown>, string][] = [
      [{ ...needLine, quantity: 0 }, '需求数量至少为 1'],
      [{ ...needLine, quantity: 2.5 }, '需求数量必须是整数'],
      [{ ...needLine, domain: 'cooking' }, '请选择有效的服务领域'],
      [
        { ...needLine, window: { from: '2027-01-01', to: '2026-01-01' } },
        '需求时间的结束日期不能早于开始日期',
      ],
      [{ ...needLine, title: '' }, '请填写需求名称'],
    ]
    for (const [payload, message] of cases) {
      const result = await callAs(env.cloud, worker, 'lists', 'publishNeed', payload)
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message } })
    }
    expect(await needTitles('demo-org-mayi', { domain: 'social_work', status: 'open' })).toEqual([])
  })

  it('a worker edits and closes a need; a closed need cannot be edited', async () => {
    const worker = await as('demo-worker-dahua')
    const published = await callAs(env.cloud, worker, 'lists', 'publishNeed', needLine)
    if (!published.ok) throw new Error(published.error.message)
    const needId = published.data.id
    const edited = await callAs(env.cloud, worker, 'lists', 'editNeed', { needId, quantity: 8 })
    expect(edited).toMatchObject({ ok: true, data: { quantity: 8, title: '独居老人探访' } })
    const closed = await callAs(env.cloud, worker, 'lists', 'closeNeed', { needId })
    expect(closed).toMatchObject({ ok: true, data: { status: 'closed' } })
    const afterClose = await callAs(env.cloud, worker, 'lists', 'editNeed', { needId, quantity: 9 })
    expect(afterClose).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await needTitles('demo-org-mayi', { status: 'closed' })).toEqual(['独居老人探访'])
  })

  it('an organization member publishes, edits and pauses offerings with the remaining capacity', async () => {
    const member = await as('demo-org-mayi')
    const published = await callAs(env.cloud, member, 'lists', 'publishOffering', offeringLine)
    if (!published.ok) throw new Error(published.error.message)
    expect(published.data).toMatchObject({
      organizationName: '蚂蚁力量儿童义工团',
      organizationKind: 'volunteer_org',
      capacity: 10,
      committed: 0,
      // 每月 10: three months' worth are left this quarter.
      remaining: 30,
      status: 'active',
    })
    const offeringId = published.data.id
    expect(
      await callAs(env.cloud, member, 'lists', 'editOffering', { offeringId, capacity: 12 }),
    ).toMatchObject({ ok: true, data: { capacity: 12, remaining: 36 } })
    expect(
      await callAs(env.cloud, member, 'lists', 'setOfferingStatus', {
        offeringId,
        status: 'paused',
      }),
    ).toMatchObject({ ok: true, data: { status: 'paused' } })

    const mine = await callAs(env.cloud, member, 'lists', 'listOfferings', {
      organizationId: 'mayi',
    })
    if (!mine.ok) throw new Error(mine.error.message)
    expect(mine.data.items.map((item) => item.title)).toEqual(
      expect.arrayContaining(['志愿者探访服务', '助学名额', '重大活动保障']),
    )
    expect(mine.data.items.every((item) => item.organizationId === 'mayi')).toBe(true)
  })

  it('a member of one organization cannot publish or change offerings for another', async () => {
    const moshang = await as('demo-org-moshang')
    expect(
      await callAs(env.cloud, moshang, 'lists', 'publishOffering', offeringLine),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(
      await callAs(env.cloud, moshang, 'lists', 'editOffering', {
        offeringId: 'seed-offer-2',
        capacity: 1,
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(
      await callAs(env.cloud, moshang, 'lists', 'listOfferings', { organizationId: 'mayi' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    for (const account of ['demo-resident-wang', 'demo-worker-dahua']) {
      expect(
        await callAs(env.cloud, await as(account), 'lists', 'publishOffering', offeringLine),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    const staffView = await callAs(
      env.cloud,
      await as('demo-worker-dahua'),
      'lists',
      'listOfferings',
      {},
    )
    if (!staffView.ok) throw new Error(staffView.error.message)
    expect(staffView.data.items.find((item) => item.id === 'seed-offer-2')).toMatchObject({
      capacity: 6,
      remaining: 6,
    })
  })

  it('invalid offering input answers in Chinese and stores nothing', async () => {
    const member = await as('demo-org-mayi')
    const cases: [Record<string, unknown>, string][] = [
      [{ ...offeringLine, domains: [] }, '请至少选择一个服务领域'],
      [{ ...offeringLine, capacity: -1 }, '可提供数量至少为 1'],
      [
        { ...offeringLine, serviceArea: { districtWide: false, streetIds: [], communityIds: [] } },
        '请选择服务范围（全区、街道或社区）',
      ],
      [{ ...offeringLine, period: 'week' }, '请选择有效的周期'],
    ]
    for (const [payload, message] of cases) {
      const result = await callAs(env.cloud, member, 'lists', 'publishOffering', payload)
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message } })
    }
    const mine = await callAs(env.cloud, member, 'lists', 'listOfferings', {
      organizationId: 'mayi',
    })
    if (!mine.ok) throw new Error(mine.error.message)
    expect(mine.data.items.map((item) => item.title)).not.toContain('志愿者探访服务')
    expect(
      await callAs(env.cloud, member, 'lists', 'editOffering', {
        offeringId: 'seed-offer-2',
        capacity: 0,
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})
