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
    expect(text).toContain('2026-12-05 08:00-11:30 · 即墨区人民医院门诊大厅')
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
})
