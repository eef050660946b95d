import { renderWeappPage } from './renderWeappPage'

const guideShift = {
  id: 's1',
  title: '医院导诊',
  description: '门诊大厅引导患者',
  organizerKind: 'org',
  organizerId: 'mayi',
  organizerName: '蚂蚁力量儿童义工团',
  communityId: 'gucheng',
  communityName: '古城社区',
  date: '2026-12-05',
  start: '08:00',
  end: '11:30',
  place: '即墨区人民医院门诊大厅',
  capacity: 6,
  taken: 2,
  requiredSkills: ['hospital_guide'],
  canManage: false,
  skillsMatch: true,
}

describe('the volunteers subpackage in simulated WeChat', () => {
  it('lists recommended shifts with their time, place, skills and places taken', async () => {
    const { text, calls } = await renderWeappPage('packages/volunteers/pages/shifts/index', {
      cloud: { 'shifts.recommended': { ok: true, data: [guideShift] } },
      waitForText: '医院导诊',
    })
    // The weekday beside the date; the year only when it is not this year's.
    expect(text).toMatch(/(2026年)?12月5日 周六 08:00-11:30 · 即墨区人民医院门诊大厅/)
    expect(text).toContain('需要：医院导诊')
    expect(text).toContain('2/6 人')
    expect(calls).toEqual([{ name: 'shifts', data: { action: 'recommended', payload: {} } }])
  })

  it('shows the registration form with the consent statement', async () => {
    const { text } = await renderWeappPage('packages/volunteers/pages/register/index', {
      cloud: {
        'account.me': {
          ok: true,
          data: { id: 'u1', displayName: '王阿姨', roles: [], homeCommunity: undefined },
        },
        'directory.tree': {
          ok: true,
          data: { districtName: '即墨区', streets: [] },
        },
      },
      waitForText: '提交登记',
    })
    expect(text).toContain('在职党员')
    expect(text).toContain('我已阅读并同意个人信息收集说明')
  })

  it('offers the publish-shift form in the name of the member’s organization, not to a resident', async () => {
    const tree = {
      ok: true,
      data: {
        districtName: '即墨区',
        streets: [
          { id: 'chaohai', name: '潮海街道', communities: [{ id: 'dahua', name: '大华社区' }] },
        ],
      },
    }
    const member = {
      id: 'demo-org-mayi',
      displayName: '赵队长',
      roles: [{ kind: 'org_member', scopeId: 'mayi', label: '蚂蚁力量儿童义工团 · 成员' }],
    }
    const { text } = await renderWeappPage('packages/volunteers/pages/publish/index', {
      cloud: { 'account.me': { ok: true, data: member }, 'directory.tree': tree },
      waitForText: '发布班次',
    })
    expect(text).toContain('蚂蚁力量儿童义工团 · 成员')
    expect(text).toContain('服务社区')
    expect(text).toContain('医院导诊')

    const resident = { id: 'u1', displayName: '王阿姨', roles: [] }
    const refused = await renderWeappPage('packages/volunteers/pages/publish/index', {
      cloud: { 'account.me': { ok: true, data: resident }, 'directory.tree': tree },
      waitForText: '只有组织成员或社区工作者可以发布班次',
    })
    expect(refused.text).not.toContain('招募人数')
  })
})
