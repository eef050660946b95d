import { render, screen } from '@testing-library/react'
import { NeedCard } from '../../src/components/NeedCard'
import type { PersonalNeedView } from '../../cloudfunctions/features/api'

const need: PersonalNeedView = {
  id: 'n1',
  kind: 'report',
  category: 'environment',
  description: '3 号楼楼道堆放杂物很久了，存在消防隐患',
  communityId: 'dahua',
  communityName: '大华社区',
  status: 'open',
  residentName: '王阿姨',
  contactPhone: '138****5678',
  waitingHours: 30,
  overdue: true,
  createdAt: '2026-11-20T01:00:00.000Z',
}

describe('NeedCard', () => {
  it('shows the need in words a resident reads', () => {
    render(<NeedCard need={need} />)
    for (const text of [
      '报事',
      '环境卫生',
      '待受理',
      need.description,
      '大华社区',
      '138****5678',
    ]) {
      expect(screen.getByText(text)).toBeTruthy()
    }
    expect(screen.queryByText('王阿姨')).toBeNull()
    // How long it has waited is the community's business, not a worry to hand the resident.
    expect(screen.queryByText(/超期/)).toBeNull()
  })

  it('names the resident for community staff and flags how long an overdue need has waited', () => {
    render(<NeedCard need={need} showResident />)
    expect(screen.getByText('王阿姨')).toBeTruthy()
    expect(screen.getByText('超期：已等待 30 小时未受理')).toBeTruthy()
  })

  it('shows who handles it and the resident’s rating', () => {
    render(
      <NeedCard
        need={{
          ...need,
          status: 'closed',
          overdue: false,
          handler: { kind: 'organization', name: '蚂蚁力量儿童义工团' },
          rating: 5,
        }}
        showResident
      />,
    )
    expect(screen.getByText('已完结')).toBeTruthy()
    expect(screen.getByText('承办：蚂蚁力量儿童义工团（服务组织）')).toBeTruthy()
    expect(screen.getByText('评价 5 分')).toBeTruthy()
  })
})
