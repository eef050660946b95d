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
  })

  it('names the resident for community staff', () => {
    render(<NeedCard need={{ ...need, status: 'resolved' }} showResident />)
    expect(screen.getByText('王阿姨')).toBeTruthy()
    expect(screen.getByText('已解决')).toBeTruthy()
  })
})
