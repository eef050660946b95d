import { renderWeappPage } from './renderWeappPage'

const me = (roles: { kind: string; scopeId: string; label: string }[]) => ({
  id: 'u1',
  displayName: '刘社工',
  roles,
  privacy: { version: '2026-11', agreed: true },
})

const headline = (needsPublished: number) => ({
  needsPublished,
  projects: 4,
  peopleServed: 230,
  volunteersRegistered: 18,
  hours: 96.5,
})

const overview = {
  scope: 'street',
  id: 'tongji',
  name: '通济街道',
  path: [
    { scope: 'district', id: 'jimo', name: '即墨区' },
    { scope: 'street', id: 'tongji', name: '通济街道' },
  ],
  takenAt: '2026-11-24 00:30',
  headline: headline(17),
  figures: {
    funnel: [
      { stage: 'published', label: '已发布', count: 17 },
      { stage: 'matched', label: '已匹配', count: 9 },
      { stage: 'claimed', label: '已揭榜', count: 7 },
      { stage: 'project', label: '已立项', count: 4 },
      { stage: 'closed', label: '已结项', count: 1 },
    ],
    resources: [{ kind: 'social_org', label: '社会组织', providers: 17, offerings: 23 }],
    projects: [
      {
        domain: 'service_supply',
        label: '服务供给',
        stages: { starting: 1, underWay: 2, closed: 1 },
        total: 4,
      },
    ],
    projectStages: [
      { stage: 'starting', label: '待启动', count: 1 },
      { stage: 'underWay', label: '实施中', count: 2 },
      { stage: 'closed', label: '已结项', count: 1 },
    ],
    peopleServed: { total: 230, inProjects: 200, atStalls: 30 },
    volunteers: { registered: 18, verified: 15, active: 9, hours: 96.5 },
    stallVisits: 30,
    mediation: { cases: 2, succeeded: 1 },
    donations: { count: 3, yuan: 1500 },
    personalNeeds: { open: 1, accepted: 2 },
  },
  children: [
    { scope: 'community', id: 'xianshan', name: '岘山社区', headline: headline(11) },
    { scope: 'community', id: 'shuohuiyuan', name: '硕辉苑社区', headline: headline(6) },
  ],
  trends: [
    {
      month: '2026-10',
      needsPublished: 5,
      projectsStarted: 2,
      peopleServed: 80,
      hours: 30,
      stallVisits: 0,
      mediationCases: 1,
    },
    {
      month: '2026-11',
      needsPublished: 12,
      projectsStarted: 2,
      peopleServed: 150,
      hours: 66.5,
      stallVisits: 30,
      mediationCases: 1,
    },
  ],
  canExport: true,
  canRefresh: true,
}

describe('the desk subpackage and the role homes in simulated WeChat', () => {
  it('renders a street’s desk: its communities, the funnel and trends as text beside the charts', async () => {
    const { text, calls } = await renderWeappPage('packages/desk/pages/overview/index', {
      params: { scope: 'street', id: 'tongji' },
      cloud: { 'desk.overview': { ok: true, data: overview } },
      waitForText: '岘山社区',
    })
    const lines = text.split('\n')
    expect(lines).toEqual(
      expect.arrayContaining([
        '通济街道',
        '数据时间（北京时间）2026-11-24 00:30',
        '各社区',
        '需求 11 · 项目 4 · 服务 230 人次 · 志愿者 18 人',
        '需求漏斗',
        '已揭榜',
        '导出 Excel',
        '2026-11',
        '150',
      ]),
    )
    expect(calls).toEqual([
      { name: 'desk', data: { action: 'overview', payload: { scope: 'street', id: 'tongji' } } },
    ])
  })

  it('opens a worker’s home on the worker’s to-dos with their counts', async () => {
    const { text } = await renderWeappPage('pages/home/index', {
      cloud: {
        'account.me': {
          ok: true,
          data: me([
            { kind: 'community_worker', scopeId: 'xianshan', label: '社区工作者 · 岘山社区' },
          ]),
        },
        'desk.todos': {
          ok: true,
          data: [
            { kind: 'resident', scopeId: '', todos: [] },
            {
              kind: 'community_worker',
              scopeId: 'xianshan',
              todos: [
                {
                  key: 'claimsToReview',
                  title: '待审核的揭榜',
                  count: 4,
                  page: 'packages/projects/pages/review/index?communityId=xianshan',
                },
              ],
            },
          ],
        },
      },
      waitForText: '待审核的揭榜',
    })
    const lines = text.split('\n')
    expect(lines).toEqual(
      expect.arrayContaining(['待办', '待审核的揭榜', '4', '揭榜审核', '社区工作者', '居民']),
    )
    expect(lines).not.toContain('发布需求')
  })
})
