import { renderWeappPage } from './renderWeappPage'

const resident = {
  id: 'u1',
  displayName: '王阿姨',
  roles: [{ kind: 'resident', scopeId: 'dahua', label: '居民 · 大华社区' }],
  homeCommunity: { id: 'dahua', name: '大华社区', streetId: 'chaohai', streetName: '潮海街道' },
  privacy: { version: '2026-11', agreed: true },
}
const worker = {
  ...resident,
  roles: [
    ...resident.roles,
    { kind: 'community_worker', scopeId: 'dahua', label: '社区工作者 · 大华社区' },
  ],
}
const myNeeds = {
  items: [
    {
      id: 'n1',
      kind: 'help',
      category: 'repair',
      description: '厨房水管漏水需要维修',
      communityId: 'dahua',
      communityName: '大华社区',
      status: 'open',
      residentName: '王阿姨',
      waitingHours: 3,
      overdue: false,
      createdAt: '2026-11-20T01:00:00.000Z',
    },
  ],
  total: 1,
  page: 1,
  pageSize: 20,
}
const unavailable = {
  ok: false,
  error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' },
}

describe('the compiled mini-program (dist/weapp) in simulated WeChat', () => {
  it('mounts a page and hands over its first setData tree, as Taro’s prerender receives it', async () => {
    const { firstData } = await renderWeappPage('pages/home/index')
    expect(firstData['root.cn']).toEqual([expect.objectContaining({ cl: 'home' })])
  })

  it('greets a resident on 服务大厅 with the resident entries', async () => {
    const { text, calls } = await renderWeappPage('pages/home/index', {
      cloud: {
        'account.me': { ok: true, data: resident },
        'desk.todos': {
          ok: true,
          data: [
            {
              kind: 'resident',
              scopeId: 'dahua',
              todos: [
                {
                  key: 'bookingsToday',
                  title: '今日预约',
                  count: 1,
                  page: 'packages/stalls/pages/mine/index',
                },
              ],
            },
          ],
        },
      },
      waitForText: '今日预约',
    })
    const lines = text.split('\n')
    expect(lines).toEqual(expect.arrayContaining(['发布需求', '我的需求', '潮海街道 · 大华社区']))
    expect(lines).not.toContain('社区需求')
    expect(lines).not.toContain('请阅读并同意隐私保护指引')
    // Her street's 慈善资源库 and 乔社学院 are open to her; the registry and appointments are not.
    expect(lines).toEqual(expect.arrayContaining(['乔社学院', '志愿服务队', '慈善资源库']))
    expect(lines).not.toContain('人员管理')
    expect(lines).not.toContain('审计日志')
    expect(calls).toEqual([
      { name: 'account', data: { action: 'me', payload: {} } },
      { name: 'desk', data: { action: 'todos', payload: {} } },
    ])
  })

  it('asks a first-time user to read and agree to the privacy guide', async () => {
    const firstTime = { ...resident, privacy: { version: '2026-11', agreed: false } }
    const { text } = await renderWeappPage('pages/home/index', {
      cloud: { 'account.me': { ok: true, data: firstTime } },
      waitForText: '请阅读并同意隐私保护指引',
    })
    expect(text).toContain('您好，王阿姨')
  })

  it('shows a community worker the community’s needs on 服务大厅', async () => {
    const { text } = await renderWeappPage('pages/home/index', {
      cloud: { 'account.me': { ok: true, data: worker } },
      waitForText: '您好，王阿姨',
    })
    expect(text.split('\n')).toEqual(expect.arrayContaining(['社区需求', '社区工作者 · 大华社区']))
  })

  it('shows the name and roles on 我的', async () => {
    const { text } = await renderWeappPage('pages/me/index', {
      cloud: { 'account.me': { ok: true, data: resident } },
      waitForText: '王阿姨',
    })
    expect(text.split('\n')).toEqual(expect.arrayContaining(['王阿姨', '居民 · 大华社区']))
  })

  it('lists the resident’s needs in the needs subpackage', async () => {
    const { text } = await renderWeappPage('packages/needs/pages/mine/index', {
      cloud: { 'needs.listMine': { ok: true, data: myNeeds } },
      waitForText: '共 1 条需求',
    })
    expect(text).toContain('厨房水管漏水需要维修')
  })

  it('shows a resolved need to its resident with its steps, thread and what she may do', async () => {
    const need = {
      ...myNeeds.items[0],
      status: 'resolved',
      contactPhone: '13812345678',
      accepted: { name: '张社工', at: '2026-11-20T02:00:00.000Z' },
      resolution: {
        text: '已更换厨房进水管阀门',
        byName: '张社工',
        at: '2026-11-21T02:00:00.000Z',
      },
      reopenDeadline: '2026-11-28T02:00:00.000Z',
      replies: [
        {
          id: 'r1',
          authorName: '张社工',
          side: 'staff',
          text: '师傅明天上午到',
          photoFileIds: [],
          createdAt: '2026-11-20T03:00:00.000Z',
        },
      ],
      can: {
        accept: false,
        assign: false,
        resolve: false,
        confirm: true,
        reopen: true,
        withdraw: false,
        reply: true,
        revealPhone: false,
      },
    }
    const { text } = await renderWeappPage('packages/needs/pages/detail/index', {
      cloud: { 'needs.detail': { ok: true, data: need } },
      params: { needId: 'n1' },
      waitForText: '确认解决并评价',
    })
    for (const line of [
      '已办结',
      '张社工 受理',
      '已更换厨房进水管阀门',
      '师傅明天上午到',
      '申请重新办理',
      '发送回复',
    ]) {
      expect(text).toContain(line)
    }
    // She is no worker: nothing of a worker's steps is offered to her.
    expect(text).not.toContain('交办')
    expect(text).not.toContain('查看完整号码')
  })

  it('shows the cloud’s error message when a call fails', async () => {
    const { text } = await renderWeappPage('packages/needs/pages/mine/index', {
      cloud: { 'needs.listMine': unavailable },
      waitForText: '服务暂时不可用，请稍后重试',
    })
    expect(text).not.toContain('条需求')
  })

  it('shows a booked haircut with its check-in code and the latest notice in 我的预约 (stalls subpackage)', async () => {
    const booking = {
      id: 'ev1-item1:u1',
      eventId: 'ev1',
      eventTitle: '共建服务集市·公益服务日',
      place: '大华社区党群服务中心广场',
      date: '2026-11-28',
      itemName: '公益理发',
      startTime: '09:15',
      endTime: '09:30',
      status: 'booked',
      checkInCode: '482913',
      checkedIn: false,
      noShow: false,
      cancelDeadline: '2026-11-28T23:15:00.000Z',
      canCancel: true,
      canRate: false,
    }
    const { text, calls } = await renderWeappPage('packages/stalls/pages/mine/index', {
      cloud: {
        'stalls.myBookings': { ok: true, data: [booking] },
        'account.notifications': {
          ok: true,
          data: [{ id: 'n1', title: '候补成功，已为您预约', body: '请按时到场', createdAt: '' }],
        },
      },
      waitForText: '签到码 482913',
    })
    expect(text.split('\n')).toEqual(
      expect.arrayContaining(['预约成功', '取消预约', '开始前 2 小时可取消']),
    )
    expect(text).toContain('公益理发')
    expect(text).toContain('候补成功，已为您预约')
    expect(calls).toEqual(
      expect.arrayContaining([{ name: 'stalls', data: { action: 'myBookings', payload: {} } }]),
    )
  })
})
