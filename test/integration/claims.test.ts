import { COLLECTIONS, insertIfAbsent } from '../../cloudfunctions/shared/db'
import { callAs, signIn, useTestCloud } from './localCloudClient'
import { publishNeed } from './publishedNeeds'

const DAY_MS = 24 * 60 * 60 * 1000

describe('领题揭榜: claims of published needs through the local cloud', () => {
  const env = useTestCloud()

  const as = (account: string) => signIn(env.cloud, account)
  const plan = '每月组织两次志愿者清理楼道'

  it('an organization claims a need, the community worker approves, a project starts', async () => {
    const need = await publishNeed()
    const org = await as('demo-org-mayi')
    const open = await callAs(env.cloud, org, 'claims', 'openNeeds', {})
    if (!open.ok) throw new Error(open.error.message)
    expect(open.data.map((item) => item.title)).toContain('楼道杂物清理')
    // 揭榜大厅 filters by domain: the need is public safety, not social work.
    const bySafety = await callAs(env.cloud, org, 'claims', 'openNeeds', {
      domain: 'public_safety',
    })
    const bySocialWork = await callAs(env.cloud, org, 'claims', 'openNeeds', {
      domain: 'social_work',
    })
    if (!bySafety.ok || !bySocialWork.ok) throw new Error('openNeeds by domain failed')
    expect(bySafety.data.map((item) => item.id)).toContain(need._id)
    expect(bySafety.data.every((item) => item.domain === 'public_safety')).toBe(true)
    expect(bySocialWork.data.map((item) => item.id)).not.toContain(need._id)

    const claimed = await callAs(env.cloud, org, 'claims', 'claim', {
      needId: need._id,
      organizationId: 'mayi',
      quantity: 3,
      plan,
    })
    if (!claimed.ok) throw new Error(claimed.error.message)
    expect(claimed.data).toMatchObject({ status: 'pending', quantity: 3, unit: '次' })

    const worker = await as('demo-worker-dahua')
    const pending = await callAs(env.cloud, worker, 'claims', 'listCommunity', {
      communityId: 'dahua',
      status: 'pending',
    })
    if (!pending.ok) throw new Error(pending.error.message)
    expect(pending.data.map((claim) => claim.id)).toEqual([claimed.data.id])

    const approved = await callAs(env.cloud, worker, 'claims', 'approve', {
      claimId: claimed.data.id,
    })
    if (!approved.ok) throw new Error(approved.error.message)
    expect(approved.data.status).toBe('approved')

    const needNow = await callAs(env.cloud, org, 'claims', 'need', { needId: need._id })
    expect(needNow).toMatchObject({ ok: true, data: { committed: 3, status: 'partly_served' } })
    const mine = await callAs(env.cloud, org, 'claims', 'listMine', {})
    expect(mine).toMatchObject({ ok: true, data: [{ status: 'approved' }] })

    const project = await callAs(env.cloud, worker, 'projects', 'detail', {
      projectId: approved.data.projectId ?? '',
    })
    expect(project).toMatchObject({
      ok: true,
      data: {
        project: {
          title: '楼道杂物清理',
          organizationName: '蚂蚁力量儿童义工团',
          quantity: 3,
          list: 'co_build',
          status: 'active',
        },
      },
    })
  })

  it('a declined claim reserves nothing and tells the organization why', async () => {
    const need = await publishNeed()
    const org = await as('demo-org-moshang')
    const claimed = await callAs(env.cloud, org, 'claims', 'claim', {
      needId: need._id,
      organizationId: 'moshang',
      quantity: 5,
      plan,
    })
    if (!claimed.ok) throw new Error(claimed.error.message)
    const worker = await as('demo-worker-dahua')
    const declined = await callAs(env.cloud, worker, 'claims', 'decline', {
      claimId: claimed.data.id,
      note: '方案需补充安全措施',
    })
    expect(declined).toMatchObject({ ok: true, data: { status: 'declined' } })
    const mine = await callAs(env.cloud, org, 'claims', 'listMine', {})
    expect(mine).toMatchObject({ ok: true, data: [{ decisionNote: '方案需补充安全措施' }] })
    const needNow = await callAs(env.cloud, org, 'claims', 'need', { needId: need._id })
    expect(needNow).toMatchObject({ ok: true, data: { committed: 0, status: 'open' } })
    const again = await callAs(env.cloud, worker, 'claims', 'approve', { claimId: claimed.data.id })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('only organization members claim, and only for their own organization', async () => {
    const need = await publishNeed()
    const payload = { needId: need._id, organizationId: 'mayi', quantity: 1, plan }
    const resident = await callAs(
      env.cloud,
      await as('demo-resident-wang'),
      'claims',
      'claim',
      payload,
    )
    expect(resident).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const otherOrg = await callAs(
      env.cloud,
      await as('demo-org-moshang'),
      'claims',
      'claim',
      payload,
    )
    expect(otherOrg).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const openForResident = await callAs(
      env.cloud,
      await as('demo-resident-wang'),
      'claims',
      'openNeeds',
      {},
    )
    expect(openForResident).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const worker = await as('demo-worker-dahua')
    const list = await callAs(env.cloud, worker, 'claims', 'listCommunity', {
      communityId: 'dahua',
    })
    expect(list).toMatchObject({ ok: true, data: [] })
  })

  it('refuses invalid claims in Chinese and stores nothing', async () => {
    const need = await publishNeed({ quantity: 2 })
    const whole = await publishNeed({
      title: '暑期托管班',
      quantity: 1,
      unit: '项',
      splittable: false,
    })
    const org = await as('demo-org-mayi')
    const cases: [Record<string, unknown>, string][] = [
      [
        { needId: need._id, organizationId: 'mayi', quantity: 3, plan },
        '认领数量不能超过剩余的 2 次',
      ],
      [{ needId: need._id, organizationId: 'mayi', quantity: 0, plan }, '认领数量至少为 1'],
      [{ needId: need._id, organizationId: 'mayi', quantity: 1.5, plan }, '认领数量必须是整数'],
      [
        { needId: need._id, organizationId: 'mayi', quantity: 1, plan: '好' },
        '服务方案至少需要 5 个字',
      ],
      [{ needId: need._id, organizationId: 'mayi', quantity: 1 }, '请填写服务方案'],
      [
        { needId: need._id, organizationId: 'mayi', quantity: 1, plan, extra: 1 },
        '包含不支持的字段',
      ],
    ]
    for (const [payload, message] of cases) {
      const result = await callAs(env.cloud, org, 'claims', 'claim', payload)
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message } })
    }
    const missing = await callAs(env.cloud, org, 'claims', 'claim', {
      needId: 'no-such-need',
      organizationId: 'mayi',
      quantity: 1,
      plan,
    })
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '该需求不存在' },
    })
    const partOfWhole = await callAs(env.cloud, org, 'claims', 'claim', {
      needId: whole._id,
      organizationId: 'mayi',
      quantity: 1,
      plan,
    })
    expect(partOfWhole.ok).toBe(true)
    const mine = await callAs(env.cloud, org, 'claims', 'listMine', {})
    expect(mine).toMatchObject({ ok: true, data: [{ needTitle: '暑期托管班' }] })
    expect(mine.ok && mine.data).toHaveLength(1)
  })

  it('an organization member cannot approve its own claim; a worker of another community cannot either', async () => {
    const need = await publishNeed()
    const org = await as('demo-org-lituixiu')
    const claimed = await callAs(env.cloud, org, 'claims', 'claim', {
      needId: need._id,
      organizationId: 'lituixiu',
      quantity: 2,
      plan,
    })
    if (!claimed.ok) throw new Error(claimed.error.message)
    for (const account of ['demo-org-lituixiu', 'demo-worker-xianshan', 'demo-street-chaohai']) {
      const result = await callAs(env.cloud, await as(account), 'claims', 'approve', {
        claimId: claimed.data.id,
      })
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    const other = await callAs(
      env.cloud,
      await as('demo-worker-xianshan'),
      'claims',
      'listCommunity',
      {
        communityId: 'dahua',
      },
    )
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const needNow = await callAs(env.cloud, org, 'claims', 'need', { needId: need._id })
    expect(needNow).toMatchObject({ ok: true, data: { committed: 0 } })
  })

  it('concurrent approvals never commit more units than the need has', async () => {
    const need = await publishNeed({ quantity: 5 })
    const claimIds: string[] = []
    for (const [account, organizationId] of [
      ['demo-org-mayi', 'mayi'],
      ['demo-org-moshang', 'moshang'],
      ['demo-org-lituixiu', 'lituixiu'],
    ]) {
      const claimed = await callAs(env.cloud, await as(account), 'claims', 'claim', {
        needId: need._id,
        organizationId,
        quantity: 2,
        plan,
      })
      if (!claimed.ok) throw new Error(claimed.error.message)
      claimIds.push(claimed.data.id)
    }
    const worker = await as('demo-worker-dahua')
    const results = await Promise.all(
      claimIds.map((claimId) => callAs(env.cloud, worker, 'claims', 'approve', { claimId })),
    )
    expect(results.filter((result) => result.ok)).toHaveLength(2)
    expect(results.filter((result) => !result.ok)).toEqual([
      expect.objectContaining({
        error: { code: 'CONFLICT', message: '该需求剩余 1 次，不足以批准' },
      }),
    ])
    const needNow = await callAs(env.cloud, worker, 'claims', 'need', { needId: need._id })
    expect(needNow).toMatchObject({ ok: true, data: { committed: 4, status: 'partly_served' } })
    const projects = await callAs(env.cloud, worker, 'projects', 'list', { communityId: 'dahua' })
    expect(projects.ok && projects.data.counts.total).toBe(2)
    // The refused claim waits again, so the worker can decline it.
    const claims = await callAs(env.cloud, worker, 'claims', 'listCommunity', {
      communityId: 'dahua',
      status: 'pending',
    })
    expect(claims.ok && claims.data).toHaveLength(1)
  })

  it('twenty one-unit claims approved at once for a need of five units: exactly five', async () => {
    const need = await publishNeed({ quantity: 5 })
    const now = new Date()
    const claimIds = Array.from({ length: 20 }, (_, index) => `race-claim-${index}`)
    for (const [index, claimId] of claimIds.entries()) {
      await insertIfAbsent(COLLECTIONS.claims, {
        _id: claimId,
        districtId: 'jimo',
        streetId: 'chaohai',
        communityId: 'dahua',
        needId: need._id,
        needTitle: need.title,
        organizationId: `race-org-${index}`,
        organizationName: `志愿组织${index}`,
        quantity: 1,
        unit: need.unit,
        plan,
        status: 'pending',
        claimedBy: `race-member-${index}`,
        createdAt: now,
        updatedAt: now,
      })
    }
    const worker = await as('demo-worker-dahua')
    const results = await Promise.all(
      claimIds.map((claimId) => callAs(env.cloud, worker, 'claims', 'approve', { claimId })),
    )
    expect(results.filter((result) => result.ok)).toHaveLength(5)
    for (const refused of results.filter((result) => !result.ok)) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    }
    const needNow = await callAs(env.cloud, worker, 'claims', 'need', { needId: need._id })
    expect(needNow).toMatchObject({ ok: true, data: { committed: 5, status: 'served' } })
    const projects = await callAs(env.cloud, worker, 'projects', 'list', { communityId: 'dahua' })
    const forNeed = projects.ok
      ? projects.data.items.filter((item) => item.title === need.title)
      : []
    expect(forNeed).toHaveLength(5)
  })

  it('flags to the street admin needs nobody claimed for 14 days', async () => {
    const old = new Date(Date.now() - 20 * DAY_MS)
    const stale = await publishNeed({ title: '独居老人探访', createdAt: old })
    await publishNeed({ title: '新发布的需求' })
    const underReview = await publishNeed({ title: '已有人揭榜', createdAt: old })
    await publishNeed({
      title: '别的街道的需求',
      streetId: 'tongji',
      communityId: 'xianshan',
      createdAt: old,
    })
    await callAs(env.cloud, await as('demo-org-mayi'), 'claims', 'claim', {
      needId: underReview._id,
      organizationId: 'mayi',
      quantity: 1,
      plan,
    })
    const street = await as('demo-street-chaohai')
    const overdue = await callAs(env.cloud, street, 'claims', 'overdue', { streetId: 'chaohai' })
    if (!overdue.ok) throw new Error(overdue.error.message)
    const titles = overdue.data.items.map((item) => item.title)
    expect(titles).toContain('独居老人探访')
    expect(titles).not.toContain('新发布的需求')
    expect(titles).not.toContain('已有人揭榜')
    expect(titles).not.toContain('别的街道的需求')
    expect(overdue.data.items.find((item) => item.id === stale._id)?.daysWaiting).toBe(20)

    for (const account of ['demo-worker-dahua', 'demo-org-mayi']) {
      const refused = await callAs(env.cloud, await as(account), 'claims', 'overdue', {
        streetId: 'chaohai',
      })
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
  })
})
