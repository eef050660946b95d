import { quarterOfDate } from '../../cloudfunctions/features/councils/domain'
import { chinaDateOf } from '../../cloudfunctions/shared/time'
import { callAs, signIn, useTestCloud } from './localCloudClient'

describe('共建议事会 through the local cloud', () => {
  const env = useTestCloud()
  const as = (account: string) => signIn(env.cloud, account)
  const today = chinaDateOf(new Date())
  const quarter = quarterOfDate(today)

  async function overview() {
    const seen = await callAs(env.cloud, await as('demo-street-tongji'), 'councils', 'overview', {
      streetId: 'tongji',
    })
    if (!seen.ok) throw new Error(seen.error.message)
    return seen.data
  }

  it('the street runs its council, the district reads every street’s, others are refused', async () => {
    const district = await as('demo-district-admin')
    const listed = await callAs(env.cloud, district, 'councils', 'list', {})
    if (!listed.ok) throw new Error(listed.error.message)
    expect(listed.data.councils.map((council) => council.streetId)).toEqual(
      expect.arrayContaining(['tongji', 'chaohai']),
    )
    const open = { streetId: 'tongji', quarter, heldOn: today }
    for (const account of ['demo-district-admin', 'demo-street-chaohai', 'demo-worker-xianshan']) {
      expect(await callAs(env.cloud, await as(account), 'councils', 'open', open)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: '只有通济街道的管理员可以主持共建议事会' },
      })
    }
    const before = (await overview()).meetings.length
    const street = await as('demo-street-tongji')
    const badInput: [object, string][] = [
      [{ ...open, heldOn: '2020-01-01' }, '会议日期须在所选季度之内'],
      [
        { ...open, quarter: '2020-Q1', heldOn: '2020-01-01' },
        '只能召开本季度、上季度或下季度的议事会',
      ],
      [{ ...open, agenda: [] }, '包含不支持的字段'],
    ]
    for (const [payload, message] of badInput) {
      expect(
        await callAs(env.cloud, street, 'councils', 'open', payload as typeof open),
      ).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message },
      })
    }
    expect((await overview()).meetings).toHaveLength(before)

    const opened = await callAs(env.cloud, street, 'councils', 'open', open)
    expect(opened).toMatchObject({ ok: true, data: { status: 'open', canManage: true } })
    expect(await callAs(env.cloud, street, 'councils', 'open', open)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect((await overview()).meetings).toHaveLength(before + 1)
    if (!opened.ok) return
    const resident = await as('demo-resident-wang')
    expect(
      await callAs(env.cloud, resident, 'councils', 'meeting', { meetingId: opened.data.id }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('a vote on a meeting already closed is refused and changes nothing', async () => {
    const closed = (await overview()).meetings.find((meeting) => meeting.status === 'closed')
    if (!closed) throw new Error('the street has held no meeting')
    const member = await as('demo-worker-xianshan')
    const read = () => callAs(env.cloud, member, 'councils', 'meeting', { meetingId: closed.id })
    const before = await read()
    if (!before.ok) throw new Error(before.error.message)
    expect(
      await callAs(env.cloud, member, 'councils', 'vote', {
        meetingId: closed.id,
        itemId: before.data.items[0].id,
        choice: 'against',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '会议已结束，不能再表决' },
    })
    expect(await read()).toEqual(before)
  })
})
