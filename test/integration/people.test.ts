import { callAs, signIn, useTestCloud } from './localCloudClient'

/** Opens an invitation as `inviter` and answers its code. */
async function invite(
  cloud: Parameters<typeof signIn>[0],
  inviter: string,
  payload: { role: string; scopeId: string; days?: number },
): Promise<string> {
  const created = await callAs(cloud, inviter, 'people', 'invite', payload)
  if (!created.ok) throw new Error(created.error.message)
  return created.data.code
}

describe('people: roles granted in the product, by invitation, audited', () => {
  const env = useTestCloud()

  it('the district admin appoints a worker for 即发阳光城 who then verifies the waiting volunteer', async () => {
    const district = await signIn(env.cloud, 'demo-district-admin')
    const street = await signIn(env.cloud, 'demo-street-chaohai')
    const resident = await signIn(env.cloud, 'demo-resident-wang')
    const wu = await signIn(env.cloud, 'demo-newcomer-wu')
    const zheng = await signIn(env.cloud, 'demo-newcomer-zheng')

    // 即发阳光城 is in 通济街道: neither a resident nor 潮海's admin may appoint its workers.
    for (const token of [resident, street, wu]) {
      const refused = await callAs(env.cloud, token, 'people', 'invite', {
        role: 'community_worker',
        scopeId: 'jifa-yangguangcheng',
      })
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    const streetAdminByStreet = await callAs(env.cloud, street, 'people', 'invite', {
      role: 'street_admin',
      scopeId: 'tongji',
    })
    expect(streetAdminByStreet).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    const created = await callAs(env.cloud, district, 'people', 'invite', {
      role: 'community_worker',
      scopeId: 'jifa-yangguangcheng',
    })
    if (!created.ok) throw new Error(created.error.message)
    expect(created.data).toMatchObject({ state: 'open', scopeName: '即发阳光城社区' })
    expect(created.data.path).toContain(created.data.code)
    const code = created.data.code

    // Before the grant, 吴敏 cannot review 李师傅's registration.
    const early = await callAs(env.cloud, wu, 'volunteers', 'review', {
      volunteerId: 'demo-resident-li',
      decision: 'verified',
    })
    expect(early).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    const preview = await callAs(env.cloud, wu, 'people', 'preview', { code })
    expect(preview).toMatchObject({ ok: true, data: { canAccept: true, state: 'open' } })
    const ownAccept = await callAs(env.cloud, district, 'people', 'accept', { code })
    expect(ownAccept).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const accepted = await callAs(env.cloud, wu, 'people', 'accept', { code: code.toLowerCase() })
    expect(accepted).toMatchObject({ ok: true, data: { scopeName: '即发阳光城社区' } })
    // Single use: a second person, or the same one again, is refused.
    expect(await callAs(env.cloud, zheng, 'people', 'accept', { code })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '该邀请已被使用' },
    })
    expect(await callAs(env.cloud, wu, 'people', 'accept', { code })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })

    const me = await callAs(env.cloud, wu, 'account', 'me')
    if (!me.ok) throw new Error(me.error.message)
    expect(me.data.roles).toEqual([
      expect.objectContaining({ kind: 'community_worker', scopeId: 'jifa-yangguangcheng' }),
    ])
    const verified = await callAs(env.cloud, wu, 'volunteers', 'review', {
      volunteerId: 'demo-resident-li',
      decision: 'verified',
    })
    expect(verified).toMatchObject({ ok: true, data: { status: 'verified' } })

    // The grant is listed in the scope and in the district's audit log.
    const scope = await callAs(env.cloud, district, 'people', 'scope', {
      scopeKind: 'community',
      scopeId: 'jifa-yangguangcheng',
    })
    if (!scope.ok) throw new Error(scope.error.message)
    expect(scope.data.people).toEqual([
      expect.objectContaining({ name: '吴敏', status: 'active', canRemove: true }),
    ])
    expect(scope.data.invitations).toEqual([
      expect.objectContaining({ code, state: 'accepted', acceptedByName: '吴敏' }),
    ])
    const roles = await callAs(env.cloud, district, 'people', 'auditLog', { kind: 'roles' })
    if (!roles.ok) throw new Error(roles.error.message)
    expect(roles.data.items.map((entry) => entry.detail)).toEqual(
      expect.arrayContaining([expect.stringContaining('邀请码')]),
    )

    // Removal: audited, and the person can no longer act as a worker.
    const removed = await callAs(env.cloud, district, 'people', 'removeRole', {
      scopeId: 'jifa-yangguangcheng',
      userId: 'demo-newcomer-wu',
      reason: '调岗',
    })
    expect(removed).toMatchObject({ ok: true, data: { status: 'revoked', reason: '调岗' } })
    const afterRemoval = await callAs(env.cloud, wu, 'volunteers', 'listCommunity', {
      communityId: 'jifa-yangguangcheng',
    })
    expect(afterRemoval).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const again = await callAs(env.cloud, district, 'people', 'removeRole', {
      scopeId: 'jifa-yangguangcheng',
      userId: 'demo-newcomer-wu',
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(
      env.cloud.database.count('audit_logs', {
        action: 'people.revoke',
        actorId: 'demo-district-admin',
        targetId: 'demo-newcomer-wu',
      }),
    ).toBe(1)
  })

  it('an organization admin invites a member who accepts; revoked and expired invitations are refused', async () => {
    const admin = await signIn(env.cloud, 'demo-org-mayi')
    const member = await signIn(env.cloud, 'demo-org-moshang')
    const wu = await signIn(env.cloud, 'demo-newcomer-wu')
    const zheng = await signIn(env.cloud, 'demo-newcomer-zheng')

    // A plain member of another organization may not invite into 蚂蚁力量.
    const refused = await callAs(env.cloud, member, 'people', 'invite', {
      role: 'org_member',
      scopeId: 'mayi',
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const noStreet = await callAs(env.cloud, admin, 'people', 'invite', {
      role: 'street_admin',
      scopeId: 'chaohai',
    })
    expect(noStreet).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    const code = await invite(env.cloud, admin, { role: 'org_member', scopeId: 'mayi' })
    expect(await callAs(env.cloud, wu, 'people', 'accept', { code })).toMatchObject({ ok: true })
    const wuMe = await callAs(env.cloud, wu, 'account', 'me')
    expect(wuMe).toMatchObject({
      ok: true,
      data: { roles: [expect.objectContaining({ kind: 'org_member', scopeId: 'mayi' })] },
    })
    // A plain member cannot invite further.
    const byMember = await callAs(env.cloud, wu, 'people', 'invite', {
      role: 'org_member',
      scopeId: 'mayi',
    })
    expect(byMember).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    // Revoked before use: refused, and the revocation is audited.
    const revokedCode = await invite(env.cloud, admin, { role: 'org_member', scopeId: 'mayi' })
    const byStranger = await callAs(env.cloud, zheng, 'people', 'revokeInvitation', {
      code: revokedCode,
    })
    expect(byStranger).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(
      await callAs(env.cloud, admin, 'people', 'revokeInvitation', { code: revokedCode }),
    ).toMatchObject({ ok: true, data: { state: 'revoked' } })
    expect(await callAs(env.cloud, zheng, 'people', 'accept', { code: revokedCode })).toMatchObject(
      { ok: false, error: { code: 'CONFLICT', message: '该邀请已被撤销' } },
    )
    expect(env.cloud.database.count('audit_logs', { action: 'people.revokeInvitation' })).toBe(1)

    // Expired: the invitation's end passed.
    const expiredCode = await invite(env.cloud, admin, { role: 'org_member', scopeId: 'mayi' })
    env.cloud.database.updateMany(
      'invitations',
      { _id: expiredCode },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    )
    expect(await callAs(env.cloud, zheng, 'people', 'accept', { code: expiredCode })).toMatchObject(
      { ok: false, error: { code: 'CONFLICT', message: '该邀请已过期，请联系管理员重新邀请' } },
    )
    const zhengMe = await callAs(env.cloud, zheng, 'account', 'me')
    expect(zhengMe).toMatchObject({ ok: true, data: { roles: [] } })

    // The admin removes the member; bad input changes nothing.
    const bad = await callAs(env.cloud, admin, 'people', 'removeRole', { scopeId: 'mayi' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(
      await callAs(env.cloud, admin, 'people', 'removeRole', {
        scopeId: 'mayi',
        userId: 'demo-newcomer-wu',
      }),
    ).toMatchObject({ ok: true })
    expect(await callAs(env.cloud, wu, 'account', 'me')).toMatchObject({
      ok: true,
      data: { roles: [] },
    })
  })

  it('only district and street admins read the audit log, each their own part', async () => {
    const worker = await signIn(env.cloud, 'demo-worker-dahua')
    const refused = await callAs(env.cloud, worker, 'people', 'auditLog', {})
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    await callAs(env.cloud, worker, 'volunteers', 'listCommunity', { communityId: 'dahua' })
    const district = await signIn(env.cloud, 'demo-district-admin')
    const code = await invite(env.cloud, district, {
      role: 'community_worker',
      scopeId: 'jifa-yangguangcheng',
    })
    const chaohai = await signIn(env.cloud, 'demo-street-chaohai')
    const streetLog = await callAs(env.cloud, chaohai, 'people', 'auditLog', { kind: 'roles' })
    if (!streetLog.ok) throw new Error(streetLog.error.message)
    // 即发阳光城 is not in 潮海街道: its invitation is not in 潮海's log.
    expect(streetLog.data.items.some((entry) => entry.detail?.includes(code))).toBe(false)
    const districtLog = await callAs(env.cloud, district, 'people', 'auditLog', { kind: 'roles' })
    if (!districtLog.ok) throw new Error(districtLog.error.message)
    expect(districtLog.data.items[0]).toMatchObject({ actorName: '区委社会工作部' })
  })
})

describe('sessions: sign-out and the demo sign-in', () => {
  const env = useTestCloud('all')

  it('a signed-out session answers 401 before it expires', async () => {
    const token = await signIn(env.cloud, 'demo-resident-wang')
    expect(await callAs(env.cloud, token, 'account', 'me')).toMatchObject({ ok: true })
    const out = await fetch(`${env.cloud.url}/api/auth/sign-out`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(out.status).toBe(200)
    expect(await callAs(env.cloud, token, 'account', 'me')).toMatchObject({
      ok: false,
      status: 401,
      error: { code: 'UNAUTHENTICATED' },
    })
    const fresh = await signIn(env.cloud, 'demo-resident-wang')
    expect(await callAs(env.cloud, fresh, 'account', 'me')).toMatchObject({ ok: true })
  })
})
