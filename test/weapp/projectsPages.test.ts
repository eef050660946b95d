import { renderWeappPage } from './renderWeappPage'

const project = {
  id: 'p1',
  communityId: 'dahua',
  communityName: '大华社区',
  organizationName: '蚂蚁力量儿童义工团',
  list: 'special',
  domain: 'service_supply',
  title: '暑期公益托管班',
  quantity: 1,
  unit: '项',
  status: 'active',
  progressCount: 1,
  source: { kind: 'claim', id: 'c1' },
  createdAt: '2026-11-20T01:00:00.000Z',
}

describe('the projects subpackage in simulated WeChat', () => {
  it('shows a community its projects with counts by category and list', async () => {
    const { text, calls } = await renderWeappPage('packages/projects/pages/list/index', {
      params: { communityId: 'dahua' },
      cloud: {
        'projects.list': {
          ok: true,
          data: {
            items: [project],
            counts: {
              total: 1,
              categories: 1,
              byDomain: { service_supply: 1 },
              byList: { co_build: 0, special: 1 },
            },
            byCommunity: [{ communityId: 'dahua', communityName: '大华社区', total: 1 }],
          },
        },
      },
      waitForText: '暑期公益托管班',
    })
    expect(text).toContain('1 类 1 个项目')
    expect(text).toContain('服务供给：1 个')
    expect(text).toContain('特色项目')
    expect(calls).toEqual([
      { name: 'projects', data: { action: 'list', payload: { communityId: 'dahua' } } },
    ])
  })

  it('shows a project’s progress timeline, without forms for a viewer who may not use them', async () => {
    const { text } = await renderWeappPage('packages/projects/pages/detail/index', {
      params: { projectId: 'p1' },
      cloud: {
        'projects.detail': {
          ok: true,
          data: {
            project,
            progress: [
              {
                id: 'g1',
                month: '2026-11',
                summary: '开班两期，孩子们完成暑假作业',
                peopleServed: 40,
                photos: [],
                authorName: '赵队长',
                createdAt: '2026-11-21T01:00:00.000Z',
              },
            ],
            canAddProgress: false,
            canClose: false,
          },
        },
      },
      waitForText: '开班两期',
    })
    expect(text).toContain('2026-11 · 服务 40 人次')
    expect(text).not.toContain('保存进展')
    expect(text).not.toContain('结项评估')
  })
})
