import { chinaDateOf } from '../../cloudfunctions/shared/time'
import { callAs, signIn, useTestCloud } from './localCloudClient'

const STREET = 'qiaosi'

describe('慈善资源库: a ledger and a public notice, not a payment channel', () => {
  const env = useTestCloud()
  const today = chinaDateOf(new Date())

  /** A donor and a goods donation of a new item into the 爱心超市; answers the item's id. */
  async function receiveGoods(token: string, name: string, quantity: number): Promise<string> {
    const donor = await callAs(env.cloud, token, 'charity', 'addDonor', {
      streetId: STREET,
      name: '乔司某粮油公司',
      kind: 'company',
    })
    if (!donor.ok) throw new Error(donor.error.message)
    const donation = await callAs(env.cloud, token, 'charity', 'recordDonation', {
      streetId: STREET,
      donorId: donor.data.id,
      kind: 'goods',
      receivedOn: today,
      newItem: { name, unit: '袋' },
      quantity,
    })
    if (!donation.ok) throw new Error(donation.error.message)
    const item = env.cloud.database.findOne('charity_stock', { streetId: STREET, name })
    return String(item?._id)
  }

  const balanceOf = (itemId: string) =>
    Number(env.cloud.database.findOne('charity_stock', { _id: itemId })?.balance)
  const ledgerSum = (itemId: string) =>
    env.cloud.database
      .find('charity_moves', { itemId })
      .reduce((sum, move) => sum + Number(move.quantity), 0)

  it('only the pool’s people record; cash only with a receipt; goods in and out keep 账物相符', async () => {
    const operator = await signIn(env.cloud, 'demo-org-qiaosi-center')
    const resident = await signIn(env.cloud, 'demo-resident-wang')
    const donors = env.cloud.database.count('charity_donors', {})
    const refused = await callAs(env.cloud, resident, 'charity', 'addDonor', {
      streetId: STREET,
      name: '冒名捐赠方',
      kind: 'company',
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(env.cloud.database.count('charity_donors', {})).toBe(donors)

    const itemId = await receiveGoods(operator, '测试大米', 10)
    const donorId = String(
      env.cloud.database.findOne('charity_donors', { name: '乔司某粮油公司' })?._id,
    )
    const donations = env.cloud.database.count('charity_donations', {})
    const noReceipt = await callAs(env.cloud, operator, 'charity', 'recordDonation', {
      streetId: STREET,
      donorId,
      kind: 'cash',
      receivedOn: today,
      amount: '500',
    })
    expect(noReceipt).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请填写收据编号：善款须凭收据登记' },
    })
    expect(env.cloud.database.count('charity_donations', {})).toBe(donations)

    const out = await callAs(env.cloud, operator, 'charity', 'distribute', {
      streetId: STREET,
      itemId,
      quantity: 4,
      recipientName: '陈阿婆',
      date: today,
    })
    expect(out).toMatchObject({ ok: true, data: { balanceAfter: 6, quantity: -4 } })
    const overdraw = await callAs(env.cloud, operator, 'charity', 'distribute', {
      streetId: STREET,
      itemId,
      quantity: 7,
      recipientName: '陈阿婆',
      date: today,
    })
    expect(overdraw).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect([balanceOf(itemId), ledgerSum(itemId)]).toEqual([6, 6])
    const ledger = await callAs(env.cloud, operator, 'charity', 'ledger', {
      streetId: STREET,
      itemId,
    })
    expect(ledger).toMatchObject({
      ok: true,
      data: {
        item: { balance: 6, reconciled: true },
        moves: [
          { kind: 'in', quantity: 10, balanceAfter: 10 },
          { kind: 'out', quantity: -4, balanceAfter: 6, note: '陈**' },
        ],
      },
    })
    // The recipient's name is masked wherever it is shown.
    expect(JSON.stringify(ledger)).not.toContain('陈阿婆')
  })

  it('the stock never goes below zero, even when distributions race', async () => {
    const operator = await signIn(env.cloud, 'demo-org-qiaosi-center')
    const street = await signIn(env.cloud, 'demo-street-qiaosi')
    const itemId = await receiveGoods(operator, '测试食用油', 5)
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        callAs(env.cloud, index % 2 ? operator : street, 'charity', 'distribute', {
          streetId: STREET,
          itemId,
          quantity: 2,
          recipientName: `困难户${index}`,
          date: today,
        }),
      ),
    )
    expect(attempts.filter((attempt) => attempt.ok)).toHaveLength(2)
    expect(
      attempts.filter((attempt) => !attempt.ok && attempt.error.code === 'CONFLICT'),
    ).toHaveLength(6)
    expect([balanceOf(itemId), ledgerSum(itemId)]).toEqual([1, 1])
    const balances = env.cloud.database
      .find('charity_moves', { itemId })
      .map((move) => Number(move.balanceAfter))
    expect(Math.min(...balances)).toBeGreaterThanOrEqual(0)
  })

  it('the quarter’s notice is public and its totals equal the ledger', async () => {
    const operator = await signIn(env.cloud, 'demo-org-qiaosi-center')
    const itemId = await receiveGoods(operator, '测试面粉', 12)
    await callAs(env.cloud, operator, 'charity', 'distribute', {
      streetId: STREET,
      itemId,
      quantity: 5,
      recipientName: '困难家庭',
      date: today,
    })
    // Anyone, signed in or not, reads the notice.
    const notice = await callAs(env.cloud, undefined, 'charity', 'notice', { streetId: STREET })
    if (!notice.ok) throw new Error(notice.error.message)
    const quarter = notice.data.quarter
    expect(notice.data.goods).toContainEqual(
      expect.objectContaining({
        itemName: '测试面粉',
        received: 12,
        distributed: 5,
        balanceAtEnd: 7,
      }),
    )
    const donations = env.cloud.database.find('charity_donations', { streetId: STREET, quarter })
    const fenOf = (kind: string) =>
      donations
        .filter((donation) => donation.kind === kind)
        .reduce((sum, donation) => sum + Number(donation.amountFen ?? 0), 0)
    const moves = env.cloud.database.find('charity_moves', { streetId: STREET, quarter })
    expect(notice.data.totals).toMatchObject({
      donations: donations.length,
      cashFen: fenOf('cash'),
      saleProceedsFen: fenOf('sale_proceeds'),
      distributions: moves.filter((move) => move.kind === 'out').length,
    })
    for (const line of notice.data.goods) {
      const stock = env.cloud.database.findOne('charity_stock', {
        streetId: STREET,
        name: line.itemName,
      })
      const ofItem = moves.filter((move) => move.itemId === stock?._id)
      const sum = (kind: string) =>
        ofItem
          .filter((move) => move.kind === kind)
          .reduce((total, move) => total + Math.abs(Number(move.quantity)), 0)
      expect({
        item: line.itemName,
        received: line.received,
        distributed: line.distributed,
      }).toEqual({ item: line.itemName, received: sum('in'), distributed: sum('out') })
    }
    expect(notice.data.partner.url).toMatch(/^https:\/\//)
  })
})
