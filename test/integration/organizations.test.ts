import { creditCodeCheckOf } from '../../cloudfunctions/features/organizations/domain'
import { addYears, chinaDateOf } from '../../cloudfunctions/shared/time'
import { callAs, signIn, useTestCloud } from './localCloudClient'

const FIRST_17 = '52330110MJ1234567'

describe('the organization registry', () => {
  const env = useTestCloud()

  it('the street admin browses its registry with its figures; others may not', async () => {
    const resident = await signIn(env.cloud, 'demo-resident-wang')
    expect(await callAs(env.cloud, resident, 'organizations', 'registry', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const qiaosi = await signIn(env.cloud, 'demo-street-qiaosi')
    const registry = await callAs(env.cloud, qiaosi, 'organizations', 'registry', {})
    if (!registry.ok) throw new Error(registry.error.message)
    expect(registry.data.summary).toMatchObject({
      registered: 63,
      filed: 216,
      grades: [
        { level: '5A', count: 3 },
        { level: '4A', count: 5 },
        { level: '3A', count: 2 },
      ],
    })
    const graded = await callAs(env.cloud, qiaosi, 'organizations', 'registry', {
      grade: '5A',
      gradeStatus: 'valid',
    })
    expect(graded).toMatchObject({ ok: true, data: { page: { total: 3 } } })
  })

  it('a grade is valid five years from its award, then shown as expired', async () => {
    const qiaosi = await signIn(env.cloud, 'demo-street-qiaosi')
    const today = chinaDateOf(new Date())
    const base = {
      kind: 'social_org',
      registration: 'registered',
      description: '社区养老服务',
      creditCode: `${FIRST_17}${creditCodeCheckOf(FIRST_17)}`,
    }
    const badCode = await callAs(env.cloud, qiaosi, 'organizations', 'save', {
      ...base,
      name: '乔司测试社工事务所',
      creditCode: `${FIRST_17}0`.replace(/.$/, creditCodeCheckOf(FIRST_17) === '0' ? '1' : '0'),
    })
    expect(badCode).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const expired = await callAs(env.cloud, qiaosi, 'organizations', 'save', {
      ...base,
      name: '乔司测试社工事务所',
      grade: { level: '4A', awardedOn: addYears(today, -6) },
    })
    if (!expired.ok) throw new Error(expired.error.message)
    expect(expired).toMatchObject({ ok: true, data: { grade: '4A', gradeStatus: 'expired' } })
    const valid = await callAs(env.cloud, qiaosi, 'organizations', 'save', {
      ...base,
      name: '乔司测试公益服务社',
      creditCode: undefined,
      grade: { level: '4A', awardedOn: addYears(today, -4) },
    })
    expect(valid).toMatchObject({ ok: true, data: { gradeStatus: 'valid' } })
    const list = await callAs(env.cloud, qiaosi, 'organizations', 'registry', {
      gradeStatus: 'expired',
      keyword: '乔司测试',
    })
    expect(list).toMatchObject({
      ok: true,
      data: { page: { items: [{ name: '乔司测试社工事务所', gradeStatus: 'expired' }] } },
    })
    // Another street's admin may not enter an organization into 乔司's registry.
    const chaohai = await signIn(env.cloud, 'demo-street-chaohai')
    const elsewhere = await callAs(env.cloud, chaohai, 'organizations', 'save', {
      ...base,
      name: '越界登记的组织',
      streetId: 'qiaosi',
    })
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
