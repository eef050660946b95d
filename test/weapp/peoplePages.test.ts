import { renderWeappPage, type WeappNode } from './renderWeappPage'

const me = (agreed: boolean) => ({
  ok: true,
  data: {
    id: 'u1',
    displayName: '王阿姨',
    roles: [],
    privacy: { version: '2026-11', agreed },
  },
})

/** Every node of the tree, depth first. */
const nodesOf = (node: WeappNode): WeappNode[] => [node, ...(node.cn ?? []).flatMap(nodesOf)]

describe('privacy and charity pages in simulated WeChat', () => {
  it('the privacy guide says what is collected and agrees through WeChat’s own button', async () => {
    const { text, data } = await renderWeappPage('packages/privacy/pages/guide/index', {
      cloud: { 'account.me': me(false) },
      waitForText: '同意并继续',
    })
    for (const heading of ['我们收集什么', '为什么收集', '谁能看到', '保存多久', '您的权利']) {
      expect(text).toContain(heading)
    }
    const agree = nodesOf(data.root).find((node) => JSON.stringify(node).includes('agree-privacy'))
    expect(JSON.stringify(agree)).toContain('agreePrivacyAuthorization')
  })

  it('the guide, once agreed, leads to 我的数据 instead', async () => {
    const { text } = await renderWeappPage('packages/privacy/pages/guide/index', {
      cloud: { 'account.me': me(true) },
      waitForText: '您已同意本版隐私保护指引',
    })
    expect(text).not.toContain('同意并继续')
  })

  it('the quarter’s notice shows its totals and sends money to the partner charity', async () => {
    const { text, calls } = await renderWeappPage('packages/charity/pages/notice/index', {
      params: { streetId: 'qiaosi' },
      cloud: {
        'charity.notice': {
          ok: true,
          data: {
            streetName: '乔司街道',
            poolName: '乔司街道慈善资源库',
            storeName: '爱心超市',
            quarter: '2026-Q4',
            quarterLabel: '2026 年第四季度',
            period: { from: '2026-10-01', to: '2026-12-31' },
            partner: { charityName: '某慈善总会', projectName: '爱心超市', url: 'https://x.org/p' },
            totals: {
              donations: 3,
              cashFen: 113000,
              saleProceedsFen: 0,
              goodsDonations: 2,
              services: 0,
              distributions: 1,
            },
            goods: [
              {
                itemName: '大米',
                unit: '袋',
                received: 50,
                distributed: 8,
                adjusted: 0,
                balanceAtEnd: 42,
              },
            ],
            donations: [],
            distributions: [],
            previousQuarter: '2026-Q3',
          },
        },
      },
      waitForText: '期末 42 袋',
    })
    expect(text).toContain('善款 1,130.00 元')
    expect(text).toContain('入库 50 · 发放 8')
    expect(text).toContain('https://x.org/p')
    expect(calls).toEqual([
      { name: 'charity', data: { action: 'notice', payload: { streetId: 'qiaosi' } } },
    ])
  })
})
