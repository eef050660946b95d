import { callAs, signIn, useTestCloud } from './localCloudClient'

describe('personal needs through the local cloud', () => {
  const env = useTestCloud()

  const validNeed = {
    kind: 'help',
    category: 'repair',
    description: '厨房水管漏水，需要师傅上门维修',
    communityId: 'dahua',
    contactPhone: '13812345678',
  } as const

  it('a resident posts a need, sees it in 我的需求, and the community worker sees it masked', async () => {
    const resident = await signIn(env.cloud, 'demo-resident-wang')
    const posted = await callAs(env.cloud, resident, 'needs', 'post', validNeed)
    expect(posted.ok).toBe(true)

    const mine = await callAs(env.cloud, resident, 'needs', 'listMine', {})
    if (!mine.ok) throw new Error(mine.error.message)
    expect(mine.data.items[0]).toMatchObject({
      description: validNeed.description,
      communityName: '大华社区',
      status: 'open',
      contactPhone: '13812345678',
    })

    const worker = await signIn(env.cloud, 'demo-worker-dahua')
    const list = await callAs(env.cloud, worker, 'needs', 'listCommunity', { communityId: 'dahua' })
    if (!list.ok) throw new Error(list.error.message)
    const seen = list.data.items.find((need) => need.description === validNeed.description)
    expect(seen).toMatchObject({ residentName: '王阿姨', contactPhone: '138****5678' })
  })

  it('a need whose text WeChat’s content check finds risky is refused, naming the field, and not posted', async () => {
    const resident = await signIn(env.cloud, 'demo-resident-wang')
    const descriptions = async () => {
      const mine = await callAs(env.cloud, resident, 'needs', 'listMine', {})
      if (!mine.ok) throw new Error(mine.error.message)
      return mine.data.items.map((need) => need.description)
    }
    const before = await descriptions()
    const risky = await callAs(env.cloud, resident, 'needs', 'post', {
      ...validNeed,
      description: '楼下有人聚众赌博，吵得睡不着',
    })
    expect(risky).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '需求描述含有不宜发布的内容，请修改后再提交' },
    })
    expect(await descriptions()).toEqual(before)
  })

  it('a need posted in one community stays out of other residents’ and communities’ lists', async () => {
    const wang = await signIn(env.cloud, 'demo-resident-wang')
    await callAs(env.cloud, wang, 'needs', 'post', validNeed)
    const li = await signIn(env.cloud, 'demo-resident-li')
    const liNeeds = await callAs(env.cloud, li, 'needs', 'listMine', {})
    if (!liNeeds.ok) throw new Error(liNeeds.error.message)
    expect(liNeeds.data.items.map((need) => need.description)).not.toContain(validNeed.description)

    const xianshanWorker = await signIn(env.cloud, 'demo-worker-xianshan')
    const other = await callAs(env.cloud, xianshanWorker, 'needs', 'listCommunity', {
      communityId: 'xianshan',
    })
    if (!other.ok) throw new Error(other.error.message)
    expect(other.data.total).toBe(0)
  })

  it('only those who oversee a community see its list', async () => {
    const cases: [string, boolean][] = [
      ['demo-worker-dahua', true],
      ['demo-street-chaohai', true],
      ['demo-district-admin', true],
      ['demo-worker-xianshan', false],
      ['demo-resident-wang', false],
    ]
    for (const [account, allowed] of cases) {
      const token = await signIn(env.cloud, account)
      const result = await callAs(env.cloud, token, 'needs', 'listCommunity', {
        communityId: 'dahua',
      })
      expect({ account, ok: result.ok }).toEqual({ account, ok: allowed })
      if (!result.ok) expect(result.error.code).toBe('FORBIDDEN')
    }
  })

  it.each([
    [{ ...validNeed, description: '短' }, '需求描述至少需要 5 个字'],
    [{ ...validNeed, category: 'flying' }, '请选择有效的需求类别'],
    [{ ...validNeed, contactPhone: '12345' }, '联系电话格式不正确，请输入 11 位手机号'],
    [{ ...validNeed, communityId: 'nowhere' }, '所选社区不存在'],
    [{ ...validNeed, residentId: 'someone-else' }, '包含不支持的字段'],
    [{ kind: 'help', category: 'repair', communityId: 'dahua' }, '请填写需求描述'],
  ])('bad input %# gets a clear Chinese error and stores nothing', async (payload, message) => {
    const resident = await signIn(env.cloud, 'demo-resident-wang')
    const before = await callAs(env.cloud, resident, 'needs', 'listMine', {})
    const result = await callAs(env.cloud, resident, 'needs', 'post', payload)
    expect(result).toMatchObject({ ok: false, error: { message } })
    const after = await callAs(env.cloud, resident, 'needs', 'listMine', {})
    if (!before.ok || !after.ok) throw new Error('listing failed')
    expect(after.data.total).toBe(before.data.total)
  })

  it('goes from 待受理 to 已完结 over HTTP, each step told to the resident, each refused to the wrong role', async () => {
    const wang = await signIn(env.cloud, 'demo-resident-wang')
    const worker = await signIn(env.cloud, 'demo-worker-dahua')
    const street = await signIn(env.cloud, 'demo-street-chaohai')
    const posted = await callAs(env.cloud, wang, 'needs', 'post', validNeed)
    if (!posted.ok) throw new Error(posted.error.message)
    const needId = posted.data.id
    // Posting into another community than her own is refused.
    const elsewhere = await callAs(env.cloud, wang, 'needs', 'post', {
      ...validNeed,
      communityId: 'xianshan',
    })
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    expect(await callAs(env.cloud, wang, 'needs', 'accept', { needId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await callAs(env.cloud, street, 'needs', 'accept', { needId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    for (const [action, payload] of [
      ['accept', { needId }],
      ['reply', { needId, text: '师傅明天上午到' }],
      ['resolve', { needId, resolution: '已更换厨房进水管阀门' }],
    ] as const) {
      const result = await callAs(env.cloud, worker, 'needs', action, payload)
      if (!result.ok) throw new Error(`${action}: ${result.error.message}`)
    }
    const confirmed = await callAs(env.cloud, wang, 'needs', 'confirm', { needId, rating: 4 })
    expect(confirmed).toMatchObject({
      ok: true,
      data: { status: 'closed', confirmation: { rating: 4 } },
    })
    const notices = await callAs(env.cloud, wang, 'account', 'notifications', {})
    if (!notices.ok) throw new Error(notices.error.message)
    expect(notices.data.map((notice) => notice.title)).toEqual(
      expect.arrayContaining(['您的需求已受理', '您的需求有新回复', '您的需求已办结']),
    )
    // Bad input changes nothing.
    const bad = await callAs(env.cloud, wang, 'needs', 'confirm', { needId, rating: 9 })
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '评分为 1 到 5 分' },
    })
  })
})
