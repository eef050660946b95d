import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { MeView, RoleTodosView } from '../../cloudfunctions/features/api'
import { RoleSwitcher } from '../../src/components/home/RoleSwitcher'
import { TodoList } from '../../src/components/home/TodoList'
import { useHomeRole } from '../../src/hooks/useHomeRole'

const roles: MeView['roles'] = [
  { kind: 'community_worker', label: '社区工作者 · 东一社区', scopeId: 'c1' },
  { kind: 'community_worker', label: '社区工作者 · 东二社区', scopeId: 'c2' },
]

const todos: RoleTodosView[] = [
  {
    kind: 'community_worker',
    scopeId: 'c1',
    todos: [
      {
        key: 'claimsToReview',
        title: '待审核的揭榜',
        count: 3,
        page: 'packages/projects/pages/review/index?communityId=c1',
      },
      {
        key: 'volunteersToVerify',
        title: '待审核的志愿者',
        count: 0,
        page: 'packages/volunteers/pages/review/index?communityId=c1',
      },
    ],
  },
  {
    kind: 'community_worker',
    scopeId: 'c2',
    todos: [
      {
        key: 'claimsToReview',
        title: '待审核的揭榜',
        count: 1,
        page: 'packages/projects/pages/review/index?communityId=c2',
      },
    ],
  },
]

// The device's storage, as Taro keeps it (taro-h5 under Jest has no storage of its own).
const stored = new Map<string, unknown>()
Object.assign(Taro, {
  getStorageSync: (key: string) => stored.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => void stored.set(key, value),
})

describe('a role’s home', () => {
  afterEach(() => jest.restoreAllMocks())

  it('lists each place’s to-dos with their counts and opens the page where each is done', () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    render(<TodoList todos={todos} roles={roles} />)
    const rows = screen.getAllByText('待审核的揭榜')
    expect(rows).toHaveLength(2)
    expect(screen.getByText('社区工作者 · 东二社区')).toBeTruthy()
    expect(screen.getByText('3')).toBeTruthy()
    expect(screen.getByText('1')).toBeTruthy()
    fireEvent.click(rows[1])
    fireEvent.click(screen.getByText('待审核的志愿者'))
    expect(navigate.mock.calls.map(([options]) => options.url)).toEqual([
      '/packages/projects/pages/review/index?communityId=c2',
      '/packages/volunteers/pages/review/index?communityId=c1',
    ])
  })

  it('switches between the roles held and remembers the choice', () => {
    function Home() {
      const { kinds, current, choose } = useHomeRole(['volunteer', 'street_admin'])
      return (
        <>
          <RoleSwitcher kinds={kinds} current={current} onChoose={choose} />
          <span>当前：{current}</span>
        </>
      )
    }
    const first = render(<Home />)
    // A staff role opens first; everyone may act as a resident too.
    expect(screen.getByText('当前：street_admin')).toBeTruthy()
    expect(screen.getAllByText(/^(街道管理员|志愿者|居民)$/).map((tab) => tab.textContent)).toEqual(
      ['街道管理员', '志愿者', '居民'],
    )
    fireEvent.click(screen.getByText('志愿者'))
    expect(screen.getByText('当前：volunteer')).toBeTruthy()
    first.unmount()
    render(<Home />)
    expect(screen.getByText('当前：volunteer')).toBeTruthy()
  })
})
