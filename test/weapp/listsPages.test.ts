import { proposalView } from '../listsFixtures'
import { renderWeappPage } from './renderWeappPage'

const proposals = {
  items: [proposalView],
  total: 1,
  page: 1,
  pageSize: 20,
}

const needs = {
  items: [
    {
      id: 'n1',
      communityId: 'dahua',
      communityName: '大华社区',
      streetId: 'chaohai',
      list: 'basic',
      domain: 'public_safety',
      focusGroups: [],
      title: '卫生死角清理',
      description: '老旧小区楼道和绿化带的卫生死角需要集中清理。',
      quantity: 6,
      unit: '次',
      committed: 2,
      splittable: true,
      window: { from: '2026-11-01', to: '2027-06-30' },
      priority: 'medium',
      status: 'partly_served',
      promotedCount: 0,
      createdAt: '2026-11-20T01:00:00.000Z',
    },
  ],
  total: 1,
  page: 1,
  pageSize: 20,
}

describe('双清单 pages in the compiled mini-program', () => {
  it('shows a worker the matching proposals with their reasons and decisions', async () => {
    const { text, calls } = await renderWeappPage('packages/lists/pages/proposals/index', {
      params: { communityId: 'dahua' },
      cloud: { 'matching.list': { ok: true, data: proposals } },
      waitForText: '困难家庭儿童助学名额 ← 蚂蚁力量儿童义工团',
    })
    const lines = text.split('\n')
    expect(lines).toEqual(
      expect.arrayContaining(['运行匹配', '· 服务范围为全区', '确认', '不采纳', '待双方确认']),
    )
    expect(lines).not.toContain('接受')
    expect(calls).toEqual([
      { name: 'matching', data: { action: 'list', payload: { communityId: 'dahua' } } },
    ])
  })

  it('shows a community’s need list by 基础/特色 and domain with what is committed', async () => {
    const { text } = await renderWeappPage('packages/lists/pages/community/index', {
      params: { communityId: 'dahua' },
      cloud: { 'lists.listNeeds': { ok: true, data: needs } },
      waitForText: '卫生死角清理',
    })
    const lines = text.split('\n')
    expect(lines).toEqual(expect.arrayContaining(['基础需求清单（1）', '公共安全', '部分认领']))
    expect(text).toContain('已认领 2 / 6 次')
  })

  it('gives an organization member the resource list entries on 服务大厅', async () => {
    const member = {
      id: 'demo-org-mayi',
      displayName: '赵队长',
      roles: [{ kind: 'org_member', scopeId: 'mayi', label: '组织成员 · 蚂蚁力量儿童义工团' }],
      privacy: { version: '2026-11', agreed: true },
    }
    const { text } = await renderWeappPage('pages/home/index', {
      cloud: { 'account.me': { ok: true, data: member } },
      waitForText: '您好，赵队长',
    })
    const lines = text.split('\n')
    expect(lines).toEqual(expect.arrayContaining(['揭榜大厅', '我们的资源清单', '匹配方案']))
    expect(lines).not.toContain('需求清单与资源匹配')
  })
})
