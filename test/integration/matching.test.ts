import type { MatchProposalView } from '../../cloudfunctions/features/api'
import { callAs, signIn, useTestCloud } from './localCloudClient'
import { needLine, offeringLine } from '../listsFixtures'

describe('双清单 matching: proposals, confirmation and acceptance through the local cloud', () => {
  const env = useTestCloud()

  const as = (account: string) => signIn(env.cloud, account)

  async function runFor(account: string, scope: string, scopeId: string) {
    const run = await callAs(env.cloud, await as(account), 'matching', 'run', { scope, scopeId })
    if (!run.ok) throw new Error(run.error.message)
    return run.data
  }

  async function offering(id: string) {
    const listed = await callAs(
      env.cloud,
      await as('demo-worker-dahua'),
      'lists',
      'listOfferings',
      {},
    )
    if (!listed.ok) throw new Error(listed.error.message)
    return listed.data.items.find((item) => item.id === id)
  }

  async function need(title: string) {
    const listed = await callAs(env.cloud, await as('demo-org-mayi'), 'lists', 'listNeeds', {
      communityId: 'dahua',
    })
    if (!listed.ok) throw new Error(listed.error.message)
    return listed.data.items.find((item) => item.title === title)
  }

  const proposalFor = (proposals: MatchProposalView[], needTitle: string) => {
    const found = proposals.find((proposal) => proposal.needTitle === needTitle)
    if (!found) throw new Error(`no proposal for ${needTitle}`)
    return found
  }

  it('a worker matches the community’s needs; confirmation and acceptance start a project', async () => {
    const run = await runFor('demo-worker-dahua', 'community', 'dahua')
    const bursary = proposalFor(run.proposals, '困难家庭儿童助学名额')
    expect(bursary).toMatchObject({
      organizationName: '蚂蚁力量儿童义工团',
      offeringTitle: '助学名额',
      quantity: 3,
      unit: '个',
      status: 'proposed',
    })
    expect(bursary.reasons[0]).toMatch(
      /^蚂蚁力量儿童义工团提供「助学名额」，每年 6 个，本季度剩余 6 个$/,
    )
    expect(bursary.reasons).toContain('安排 3 个，满足该需求的全部数量')
    // The street-level offering is the closer fit for the whole need, and the worker is told so.
    const cleanUp = proposalFor(run.proposals, '卫生死角清理')
    expect(cleanUp).toMatchObject({ offeringTitle: '生态环保·卫生死角清理', quantity: 6 })
    expect(cleanUp.reasons[1]).toMatch(/^服务范围含潮海街道，距大华社区 \d+\.\d 公里$/)
    // 暑期公益托管班 (1 项, 社会工作) has no provider: the worker is told why.
    expect(run.unmatched.map((item) => item.needTitle)).toContain('暑期公益托管班')
    expect(run.unmatched.every((item) => /[\u4e00-\u9fa5]/.test(item.reason))).toBe(true)

    const worker = await as('demo-worker-dahua')
    const confirmed = await callAs(env.cloud, worker, 'matching', 'confirm', {
      proposalId: bursary.id,
    })
    expect(confirmed).toMatchObject({ ok: true, data: { communityDecision: 'confirmed' } })
    expect(await offering('seed-offer-2')).toMatchObject({ committed: 3, remaining: 3 })
    expect(await need('困难家庭儿童助学名额')).toMatchObject({ committed: 3, status: 'served' })

    const member = await as('demo-org-mayi')
    const mine = await callAs(env.cloud, member, 'matching', 'list', { organizationId: 'mayi' })
    if (!mine.ok) throw new Error(mine.error.message)
    expect(mine.data.items.map((item) => item.id)).toContain(bursary.id)
    const accepted = await callAs(env.cloud, member, 'matching', 'accept', {
      proposalId: bursary.id,
    })
    if (!accepted.ok) throw new Error(accepted.error.message)
    expect(accepted.data.status).toBe('accepted')
    const project = await callAs(env.cloud, worker, 'projects', 'detail', {
      projectId: accepted.data.projectId ?? '',
    })
    expect(project).toMatchObject({
      ok: true,
      data: { project: { title: '困难家庭儿童助学名额', quantity: 3 } },
    })
    expect(
      await callAs(env.cloud, worker, 'matching', 'reject', { proposalId: bursary.id }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('rejecting or declining after confirmation gives the capacity back', async () => {
    const run = await runFor('demo-worker-dahua', 'community', 'dahua')
    const bursary = proposalFor(run.proposals, '困难家庭儿童助学名额')
    const safety = proposalFor(run.proposals, '重阳节游园活动安全保障')
    const worker = await as('demo-worker-dahua')
    for (const proposal of [bursary, safety]) {
      await callAs(env.cloud, worker, 'matching', 'confirm', { proposalId: proposal.id })
    }
    expect(await offering('seed-offer-2')).toMatchObject({ remaining: 3 })
    expect(await offering('seed-offer-3')).toMatchObject({ remaining: 8 })

    const rejected = await callAs(env.cloud, worker, 'matching', 'reject', {
      proposalId: bursary.id,
    })
    expect(rejected).toMatchObject({ ok: true, data: { status: 'rejected' } })
    const declined = await callAs(env.cloud, await as('demo-org-mayi'), 'matching', 'decline', {
      proposalId: safety.id,
    })
    expect(declined).toMatchObject({ ok: true, data: { status: 'declined' } })

    expect(await offering('seed-offer-2')).toMatchObject({ committed: 0, remaining: 6 })
    expect(await offering('seed-offer-3')).toMatchObject({ committed: 0, remaining: 10 })
    expect(await need('困难家庭儿童助学名额')).toMatchObject({ committed: 0, status: 'open' })
  })

  it('only the community’s workers and the provider’s members decide a proposal', async () => {
    const run = await runFor('demo-worker-dahua', 'community', 'dahua')
    const bursary = proposalFor(run.proposals, '困难家庭儿童助学名额')
    const forbidden: [string, 'confirm' | 'reject' | 'accept' | 'decline'][] = [
      ['demo-worker-xianshan', 'confirm'],
      ['demo-worker-xianshan', 'reject'],
      ['demo-org-mayi', 'confirm'],
      ['demo-street-chaohai', 'confirm'],
      ['demo-org-moshang', 'accept'],
      ['demo-org-moshang', 'decline'],
      ['demo-worker-dahua', 'accept'],
      ['demo-resident-wang', 'accept'],
    ]
    for (const [account, action] of forbidden) {
      const result = await callAs(env.cloud, await as(account), 'matching', action, {
        proposalId: bursary.id,
      })
      expect({ account, action, result }).toMatchObject({
        account,
        action,
        result: { ok: false, error: { code: 'FORBIDDEN' } },
      })
    }
    expect(await offering('seed-offer-2')).toMatchObject({ committed: 0 })
    const listed = await callAs(env.cloud, await as('demo-worker-dahua'), 'matching', 'list', {
      communityId: 'dahua',
    })
    if (!listed.ok) throw new Error(listed.error.message)
    expect(listed.data.items.find((item) => item.id === bursary.id)).toMatchObject({
      communityDecision: 'pending',
      providerDecision: 'pending',
      status: 'proposed',
    })
  })

  it('matching runs only for a scope the caller oversees', async () => {
    const cases: [string, string, string, boolean][] = [
      ['demo-worker-dahua', 'community', 'dahua', true],
      ['demo-worker-xianshan', 'community', 'dahua', false],
      ['demo-resident-wang', 'community', 'dahua', false],
      ['demo-org-mayi', 'community', 'dahua', false],
      ['demo-street-chaohai', 'street', 'chaohai', true],
      ['demo-street-chaohai', 'street', 'tongji', false],
      ['demo-street-chaohai', 'district', 'jimo', false],
      ['demo-district-admin', 'district', 'jimo', true],
    ]
    for (const [account, scope, scopeId, allowed] of cases) {
      const run = await callAs(env.cloud, await as(account), 'matching', 'run', { scope, scopeId })
      expect({ account, scope, scopeId, ok: run.ok }).toEqual({
        account,
        scope,
        scopeId,
        ok: allowed,
      })
    }
    const district = await runFor('demo-district-admin', 'district', 'jimo')
    // 便民理发 of 岘山 is served by 国立社工 whose area is 通济街道; the 场地 need cannot be split.
    expect(proposalFor(district.proposals, '高龄老人便民理发')).toMatchObject({ quantity: 8 })
    expect(
      await callAs(env.cloud, await as('demo-worker-dahua'), 'matching', 'run', {
        scope: 'planet',
        scopeId: 'dahua',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请选择有效的匹配范围' },
    })
  })

  it('a later run replaces undecided proposals and never proposes more than is left', async () => {
    const first = await runFor('demo-worker-dahua', 'community', 'dahua')
    const second = await runFor('demo-worker-dahua', 'community', 'dahua')
    const listed = await callAs(env.cloud, await as('demo-worker-dahua'), 'matching', 'list', {
      communityId: 'dahua',
    })
    if (!listed.ok) throw new Error(listed.error.message)
    expect(listed.data.total).toBe(second.proposals.length)
    expect(listed.data.items.map((item) => item.id)).not.toContain(first.proposals[0].id)
  })

  it('concurrent confirmations competing for an offering’s last units never over-commit it', async () => {
    const worker = await as('demo-worker-dahua')
    const member = await as('demo-org-mayi')
    const published = await callAs(env.cloud, member, 'lists', 'publishOffering', {
      ...offeringLine,
      unit: '份',
      capacity: 12,
      // One-off, so that the cut below is what is left this quarter.
      period: 'once',
    })
    if (!published.ok) throw new Error(published.error.message)
    const offeringId = published.data.id
    for (let index = 0; index < 12; index += 1) {
      const line = await callAs(env.cloud, worker, 'lists', 'publishNeed', {
        ...needLine,
        title: `独居老人助餐 ${index + 1}`,
        unit: '份',
        quantity: 1,
      })
      if (!line.ok) throw new Error(line.error.message)
    }
    const run = await runFor('demo-worker-dahua', 'community', 'dahua')
    const competing = run.proposals.filter((proposal) => proposal.offeringId === offeringId)
    expect(competing).toHaveLength(12)

    // The organization cuts its capacity to 5 after the run: 12 proposals compete for 5 units.
    const cut = await callAs(env.cloud, member, 'lists', 'editOffering', {
      offeringId,
      capacity: 5,
    })
    expect(cut).toMatchObject({ ok: true, data: { remaining: 5 } })

    const results = await Promise.all(
      competing.map((proposal) =>
        callAs(env.cloud, worker, 'matching', 'confirm', { proposalId: proposal.id }),
      ),
    )
    const confirmed = results.filter((result) => result.ok)
    expect(confirmed).toHaveLength(5)
    for (const result of results.filter((item) => !item.ok)) {
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    }
    expect(await offering(offeringId)).toMatchObject({ capacity: 5, committed: 5, remaining: 0 })

    const needs = await callAs(env.cloud, member, 'lists', 'listNeeds', {
      communityId: 'dahua',
      domain: 'social_work',
    })
    if (!needs.ok) throw new Error(needs.error.message)
    const servedUnits = needs.data.items.reduce((sum, item) => sum + item.committed, 0)
    expect(servedUnits).toBe(5)
    const proposals = await callAs(env.cloud, worker, 'matching', 'list', { communityId: 'dahua' })
    if (!proposals.ok) throw new Error(proposals.error.message)
    const confirmedCount = proposals.data.items.filter(
      (item) => item.offeringId === offeringId && item.communityDecision === 'confirmed',
    ).length
    expect(confirmedCount).toBe(5)
    expect(
      proposals.data.items.filter(
        (item) => item.offeringId === offeringId && item.communityDecision === 'pending',
      ),
    ).toHaveLength(7)
  })
})
