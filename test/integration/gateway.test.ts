import { callAs, signIn, useTestCloud } from './localCloudClient'

describe('local cloud gateway', () => {
  const env = useTestCloud('all')

  it('refuses a call without a session with 401 and a Chinese message', async () => {
    const result = await callAs(env.cloud, undefined, 'account', 'me')
    expect(result).toMatchObject({
      status: 401,
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '请先登录' },
    })
  })

  it('answers a public action without a session, and no call passes for the platform’s timer', async () => {
    const tree = await callAs(env.cloud, undefined, 'directory', 'tree')
    expect(tree).toMatchObject({ status: 200, ok: true, data: { districtName: '即墨区' } })
    const unknown = await callAs(env.cloud, undefined, 'volunteers', 'verifyCertificate', {
      code: 'ABCDEF123456',
    })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    // A timer's event has no caller: a client sending one is still just a client.
    const response = await fetch(`${env.cloud.url}/api/functions/maintenance`, {
      method: 'POST',
      body: JSON.stringify({ Type: 'Timer', TriggerName: 'startup' }),
    })
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
  })

  it('refuses a forged or tampered session', async () => {
    const token = await signIn(env.cloud, 'demo-resident-wang')
    const [body, signature] = token.split('.')
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString())
    const forgedBody = Buffer.from(JSON.stringify({ ...claims, sub: 'demo-district-admin' }))
    const forged = `${forgedBody.toString('base64url')}.${signature}`
    const result = await callAs(env.cloud, forged, 'account', 'me')
    expect(result).toMatchObject({ status: 401, error: { code: 'UNAUTHENTICATED' } })
  })

  it('names an organization member’s organization in their role, and its admins as such', async () => {
    const member = await signIn(env.cloud, 'demo-org-moshang')
    expect(await callAs(env.cloud, member, 'account', 'me', {})).toMatchObject({
      ok: true,
      data: { roles: [{ kind: 'org_member', label: '组织成员 · 即墨区品牌商会·墨商成长驿站' }] },
    })
    const admin = await signIn(env.cloud, 'demo-org-mayi')
    expect(await callAs(env.cloud, admin, 'account', 'me', {})).toMatchObject({
      ok: true,
      data: {
        roles: [{ kind: 'org_member', admin: true, label: '组织管理员 · 蚂蚁力量儿童义工团' }],
      },
    })
  })

  it('identifies the caller from the session, not from anything the client sends', async () => {
    const token = await signIn(env.cloud, 'demo-resident-wang')
    const result = await callAs(env.cloud, token, 'account', 'me', {
      openid: 'demo-district-admin',
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const me = await callAs(env.cloud, token, 'account', 'me', {})
    expect(me).toMatchObject({
      ok: true,
      data: { id: 'demo-resident-wang', displayName: '王阿姨' },
    })
  })

  it('answers unknown functions and actions with stable codes', async () => {
    const token = await signIn(env.cloud, 'demo-resident-wang')
    const response = await fetch(`${env.cloud.url}/api/functions/nothing`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: JSON.stringify({ action: 'me' }),
    })
    expect(response.status).toBe(404)
    const unknownAction = await callAs(env.cloud, token, 'account', 'drop' as 'me')
    expect(unknownAction).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
  })

  it('offers a demo account of every role for local sign-in', async () => {
    const response = await fetch(`${env.cloud.url}/api/auth/demo-accounts`)
    const body = (await response.json()) as { data: { title: string }[] }
    const titles = body.data.map((account) => account.title).join(' ')
    for (const role of [
      '居民',
      '志愿者',
      '社会组织',
      '志愿服务组织',
      '政府部门',
      '社区工作者',
      '街道管理员',
      '区级管理员',
    ]) {
      expect(titles).toContain(role)
    }
  })
})
