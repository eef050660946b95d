import { renderWeappPage } from './renderWeappPage'

const worker = {
  id: 'w1',
  displayName: '张社工',
  roles: [{ kind: 'community_worker', scopeId: 'c1', label: '社区工作者 · 东一社区' }],
}
const tree = {
  streets: [{ id: 's1', name: '东街道', communities: [{ id: 'c1', name: '东一社区' }] }],
}

describe('forms in simulated WeChat say what each field is', () => {
  it('names every field of a stall event, not only its number', async () => {
    const { text } = await renderWeappPage('packages/stalls/pages/publish/index', {
      cloud: {
        'account.me': { ok: true, data: worker },
        'directory.tree': { ok: true, data: tree },
      },
      waitForText: '发布活动',
    })
    for (const label of [
      '活动名称',
      '活动地点',
      '连续举办几周',
      '项目名称',
      '开始时间',
      '结束时间',
      '每个时段（分钟）',
      '每个时段名额（人）',
    ]) {
      expect(text).toContain(label)
    }
  })

  it('names the places of a shift', async () => {
    const { text } = await renderWeappPage('packages/volunteers/pages/publish/index', {
      cloud: {
        'account.me': {
          ok: true,
          data: {
            ...worker,
            roles: [{ kind: 'org_member', scopeId: 'o1', label: '组织成员 · 红帆志愿队' }],
          },
        },
        'directory.tree': { ok: true, data: tree },
      },
      waitForText: '发布班次',
    })
    for (const label of ['岗位名称', '岗位说明', '地点', '招募人数']) expect(text).toContain(label)
  })
})
