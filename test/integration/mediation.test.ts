import type { MediationCaseDetailView, Result } from '../../cloudfunctions/features/api'
import { chinaDateOf } from '../../cloudfunctions/shared/time'
import { download, pdfText } from './files'
import { callAs, signIn, useTestCloud } from './localCloudClient'

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.data
}

describe('people’s mediation through the local cloud', () => {
  const env = useTestCloud()

  /** A resident's dispute taken into mediation by the worker, with two mediators assigned. */
  async function caseFromResident(): Promise<{
    resident: string
    worker: string
    opened: MediationCaseDetailView
  }> {
    const resident = await signIn(env.cloud, 'demo-resident-wang')
    const worker = await signIn(env.cloud, 'demo-worker-dahua')
    const need = data(
      await callAs(env.cloud, resident, 'needs', 'post', {
        kind: 'report',
        category: 'dispute',
        description: '楼上邻居家水管漏水渗到我家，找他多次没人管',
        communityId: 'dahua',
        contactPhone: '13812345678',
      }),
    )
    const team = data(
      await callAs(env.cloud, worker, 'mediation', 'team', { communityId: 'dahua' }),
    )
    // The worker joins the community's mediation team.
    for (const candidate of team.candidates.filter((person) => person.kind === '社区工作者')) {
      data(
        await callAs(env.cloud, worker, 'mediation', 'addMediator', {
          communityId: 'dahua',
          userId: candidate.id,
          title: '调解员',
        }),
      )
    }
    const opened = data(
      await callAs(env.cloud, worker, 'mediation', 'open', {
        communityId: 'dahua',
        source: { kind: 'resident_need', needId: need.id },
        disputeType: 'neighbourhood',
        riskLevel: 'orange',
        facts: '楼上住户水管漏水，渗到楼下卫生间顶棚，双方对维修责任有争议',
        parties: [
          { side: 'applicant', name: '王阿姨' },
          { side: 'respondent', name: '楼上住户钱先生', phone: '13698765432' },
        ],
      }),
    )
    return { resident, worker, opened }
  }

  it('a reported dispute is accepted, mediated and closed; the resident sees each step', async () => {
    const { resident, worker, opened } = await caseFromResident()
    const team = data(
      await callAs(env.cloud, worker, 'mediation', 'team', { communityId: 'dahua' }),
    )
    data(
      await callAs(env.cloud, worker, 'mediation', 'assignMediators', {
        caseId: opened.id,
        mediatorIds: team.members.map((member) => member.id),
      }),
    )
    const today = chinaDateOf(new Date())
    data(
      await callAs(env.cloud, worker, 'mediation', 'recordSession', {
        caseId: opened.id,
        date: today,
        time: '00:00',
        place: '大华社区调解室',
        attendees: ['王阿姨', '钱先生', '张社工'],
        record: '双方到场，钱先生承认水管老化，同意维修并赔偿',
      }),
    )
    data(
      await callAs(env.cloud, worker, 'mediation', 'recordAgreement', {
        caseId: opened.id,
        facts: '楼上水管老化漏水，致楼下卫生间顶棚受损',
        terms: '钱先生三日内更换水管，并赔偿王阿姨修复费用 800 元',
        performance: { how: '当面支付现金', where: '大华社区调解室', by: today },
        signatories: ['王阿姨', '楼上住户钱先生'],
        signedOn: today,
      }),
    )
    // The agreement as its PDF: the required contents, readable as text, and the download audited.
    const file = data(
      await callAs(env.cloud, resident, 'mediation', 'agreementDocument', { caseId: opened.id }),
    )
    expect(file.fileName).toBe(`人民调解协议书-${opened.caseNo}.pdf`)
    const text = (await pdfText(await download(file.url))).replace(/\s+/g, '')
    for (const expected of [
      '人民调解协议书',
      opened.caseNo,
      '申请人：王阿姨',
      '被申请人：楼上住户钱先生',
      '钱先生三日内更换水管',
      '当面支付现金',
      `${today}前`,
      '大华社区人民调解委员会',
    ]) {
      expect(text).toContain(expected.replace(/\s+/g, ''))
    }
    expect(
      env.cloud.database.count('audit_logs', {
        action: 'mediation.agreementDocument',
        targetId: opened.id,
      }),
    ).toBe(1)
    data(
      await callAs(env.cloud, worker, 'mediation', 'recordFollowUp', {
        caseId: opened.id,
        performance: 'performed',
        note: '水管已更换，赔偿已支付',
      }),
    )
    const closed = data(
      await callAs(env.cloud, worker, 'mediation', 'close', {
        caseId: opened.id,
        result: 'success',
        summary: '协议已履行，双方和好',
      }),
    )
    expect(closed).toMatchObject({ status: 'closed', outcome: 'success' })

    const mine = data(await callAs(env.cloud, resident, 'mediation', 'listMine', {}))
    expect(mine.items.map((item) => item.id)).toContain(opened.id)
    const seen = data(
      await callAs(env.cloud, resident, 'mediation', 'detail', { caseId: opened.id }),
    )
    expect(seen).toMatchObject({ viewer: 'party', status: 'closed' })
    expect(seen.parties[1].phone).toBe('136****5432')
    const notices = data(await callAs(env.cloud, resident, 'account', 'notifications', {}))
    expect(JSON.stringify(notices)).toContain('调解成功')

    const street = await signIn(env.cloud, 'demo-street-chaohai')
    const figures = data(
      await callAs(env.cloud, street, 'mediation', 'figures', { scope: 'street', id: 'chaohai' }),
    )
    expect(figures.succeeded).toBe(1)
    expect(figures.communities?.find((row) => row.communityId === 'dahua')).toMatchObject({
      accepted: 1,
      successRate: 1,
    })
  })

  it('the street, another community’s worker and another resident cannot read a case', async () => {
    const { opened } = await caseFromResident()
    const refusals: [string, string][] = [
      ['demo-street-chaohai', 'FORBIDDEN'],
      ['demo-district-admin', 'FORBIDDEN'],
      ['demo-worker-xianshan', 'NOT_FOUND'],
      ['demo-resident-li', 'NOT_FOUND'],
      // A mediator of another community's team.
      ['demo-worker-xingangshanlu', 'NOT_FOUND'],
    ]
    for (const [account, code] of refusals) {
      const token = await signIn(env.cloud, account)
      const result = await callAs(env.cloud, token, 'mediation', 'detail', { caseId: opened.id })
      expect({ account, result }).toMatchObject({ account, result: { ok: false, error: { code } } })
    }
  })

  it.each([
    [{ riskLevel: 'purple' }, '请选择有效的风险等级'],
    [{ disputeType: 'gossip' }, '请选择有效的纠纷类型'],
    [{ facts: '太短' }, '纠纷事实至少需要 10 个字'],
    [{ parties: [{ side: 'applicant', name: '甲' }] }, '请填写双方当事人'],
    [{ source: { kind: 'police' } }, '请填写移交单位及文号'],
  ])('bad intake %# gets a clear Chinese error and opens nothing', async (change, message) => {
    const worker = await signIn(env.cloud, 'demo-worker-dahua')
    const before = data(
      await callAs(env.cloud, worker, 'mediation', 'listCommunity', { communityId: 'dahua' }),
    )
    const result = await callAs(env.cloud, worker, 'mediation', 'open', {
      communityId: 'dahua',
      source: { kind: 'worker' },
      disputeType: 'neighbourhood',
      riskLevel: 'yellow',
      facts: '两户因楼道堆放杂物发生争执',
      parties: [
        { side: 'applicant', name: '甲' },
        { side: 'respondent', name: '乙' },
      ],
      ...change,
    } as never)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message } })
    const after = data(
      await callAs(env.cloud, worker, 'mediation', 'listCommunity', { communityId: 'dahua' }),
    )
    expect(after.total).toBe(before.total)
  })

  it('the demo shows 新港山路社区’s 邻里解忧团 and its closed cases', async () => {
    const worker = await signIn(env.cloud, 'demo-worker-xingangshanlu')
    const team = data(
      await callAs(env.cloud, worker, 'mediation', 'team', { communityId: 'xingangshanlu' }),
    )
    expect(team.name).toBe('邻里解忧团')
    expect(team.members.length).toBeGreaterThanOrEqual(20)
    const figures = data(
      await callAs(env.cloud, worker, 'mediation', 'figures', {
        scope: 'community',
        id: 'xingangshanlu',
      }),
    )
    expect(figures.closed).toBeGreaterThanOrEqual(3)
  })
})
