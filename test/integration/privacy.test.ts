import { callAs, signIn, useTestCloud } from './localCloudClient'
import { publishGuideShift, wangInMayiTeam } from './volunteersHelpers'

const REAL_NAME = '王秀英'
const PHONE = '13812345678'

describe('privacy: consent, 我的数据, account deletion', () => {
  const env = useTestCloud()

  /** Every stored document (audit lines aside) that still holds the text. */
  const documentsHolding = (text: string) =>
    env.cloud.database
      .collectionNames()
      .filter((name) => name !== 'audit_logs')
      .flatMap((name) =>
        env.cloud.database
          .find(name, {})
          .filter((doc) => JSON.stringify(doc).includes(text))
          .map((doc) => `${name}/${String(doc._id)}`),
      )

  it('the privacy guide is agreed to once per version', async () => {
    const wang = await signIn(env.cloud, 'demo-resident-wang')
    expect(await callAs(env.cloud, wang, 'account', 'me')).toMatchObject({
      data: { privacy: { agreed: false } },
    })
    const stale = await callAs(env.cloud, wang, 'account', 'consentPrivacy', { version: '2020-01' })
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const me = await callAs(env.cloud, wang, 'account', 'me')
    if (!me.ok) throw new Error(me.error.message)
    const agreed = await callAs(env.cloud, wang, 'account', 'consentPrivacy', {
      version: me.data.privacy.version,
    })
    expect(agreed).toMatchObject({ ok: true, data: { privacy: { agreed: true } } })
  })

  it('a person sees and exports everything held about them; the export is audited', async () => {
    const { token } = await wangInMayiTeam(env.cloud)
    const data = await callAs(env.cloud, token, 'account', 'myData')
    if (!data.ok) throw new Error(data.error.message)
    const section = (label: string) => data.data.sections.find((one) => one.label === label)
    expect(section('志愿者登记')).toMatchObject({
      count: 1,
      records: [expect.objectContaining({ realName: REAL_NAME, phone: PHONE })],
    })
    expect(section('我的需求')?.count).toBeGreaterThan(0)
    expect(section('志愿服务队申请')).toMatchObject({ count: 1 })

    const exported = await callAs(env.cloud, token, 'account', 'exportMyData')
    if (!exported.ok) throw new Error(exported.error.message)
    expect(exported.data.fileName).toMatch(/^我的数据-\d{4}-\d{2}-\d{2}\.json$/)
    expect(JSON.parse(exported.data.content)).toMatchObject({ userId: 'demo-resident-wang' })
    expect(exported.data.content).toContain(PHONE)
    expect(
      env.cloud.database.count('audit_logs', {
        action: 'account.exportMyData',
        targetId: 'demo-resident-wang',
      }),
    ).toBe(1)
    // Someone else's data is never in my export.
    const li = await signIn(env.cloud, 'demo-resident-li')
    const liExport = await callAs(env.cloud, li, 'account', 'exportMyData')
    if (!liExport.ok) throw new Error(liExport.error.message)
    expect(liExport.data.content).not.toContain(PHONE)
  })

  it('deletion takes out name and phone everywhere while hours and team totals stay', async () => {
    const { token } = await wangInMayiTeam(env.cloud)
    const admin = await signIn(env.cloud, 'demo-org-mayi')
    const worker = await signIn(env.cloud, 'demo-worker-dahua')
    // A shift of the team: its hours count for the team.
    const teamId = String(
      env.cloud.database.findOne('volunteer_teams', { orgId: 'mayi', name: '医院导诊服务队' })?._id,
    )
    const { shiftId } = await publishGuideShift(env.cloud, { teamId })
    await callAs(env.cloud, token, 'shifts', 'signUp', { shiftId })
    const added = await callAs(env.cloud, admin, 'shifts', 'addHours', {
      volunteerId: 'demo-resident-wang',
      shiftId,
      minutes: 150,
      reason: '纸质签到补录',
    })
    if (!added.ok) throw new Error(added.error.message)
    await callAs(env.cloud, worker, 'volunteers', 'revealContact', {
      volunteerId: 'demo-resident-wang',
    })
    const teamBefore = await callAs(env.cloud, admin, 'volunteers', 'team', { teamId })
    if (!teamBefore.ok) throw new Error(teamBefore.error.message)
    expect(teamBefore.data.totalMinutes).toBe(150)
    const auditLines = env.cloud.database.count('audit_logs', {})
    expect(documentsHolding(PHONE).length).toBeGreaterThan(0)

    const unconfirmed = await callAs(env.cloud, token, 'account', 'deleteAccount', {
      confirm: '删除',
    })
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(documentsHolding(PHONE).length).toBeGreaterThan(0)

    expect(
      await callAs(env.cloud, token, 'account', 'deleteAccount', { confirm: '注销' }),
    ).toMatchObject({ ok: true, data: { deleted: true } })

    expect(documentsHolding(PHONE)).toEqual([])
    expect(documentsHolding(REAL_NAME)).toEqual([])
    expect(documentsHolding('王阿姨')).toEqual([])
    // What others see: the worker's list, a reveal, the needs, the team.
    const list = await callAs(env.cloud, worker, 'volunteers', 'listCommunity', {
      communityId: 'dahua',
    })
    expect(JSON.stringify(list)).not.toMatch(/王/)
    const revealed = await callAs(env.cloud, worker, 'volunteers', 'revealContact', {
      volunteerId: 'demo-resident-wang',
    })
    expect(JSON.stringify(revealed)).not.toContain(PHONE)
    const needs = await callAs(env.cloud, worker, 'needs', 'listCommunity', {
      communityId: 'dahua',
    })
    expect(JSON.stringify(needs)).not.toContain('王阿姨')
    // Totals and the audit trail keep their meaning.
    const teamAfter = await callAs(env.cloud, admin, 'volunteers', 'team', { teamId })
    expect(teamAfter).toMatchObject({ ok: true, data: { totalMinutes: 150 } })
    expect(JSON.stringify(teamAfter)).not.toContain('王')
    expect(
      env.cloud.database
        .find('volunteer_hours', { volunteerId: 'demo-resident-wang' })
        .reduce((sum, entry) => sum + Number(entry.minutes), 0),
    ).toBe(150)
    expect(env.cloud.database.count('audit_logs', {})).toBeGreaterThan(auditLines)
    // Both reveals stay on record, the one before deletion and the one after.
    expect(
      env.cloud.database.count('audit_logs', {
        action: 'volunteers.revealContact',
        targetId: 'demo-resident-wang',
      }),
    ).toBe(2)
    // The account is gone as a person: no roles, no name.
    expect(await callAs(env.cloud, token, 'account', 'me')).toMatchObject({
      ok: true,
      data: { displayName: '已注销用户', roles: [] },
    })
    expect(
      await callAs(env.cloud, token, 'account', 'deleteAccount', { confirm: '注销' }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})
