import { act, fireEvent, render, screen } from '@testing-library/react'
import { Text } from '@tarojs/components'
import { QueryState } from '../../src/components/QueryState'

describe('QueryState', () => {
  it('shows loading until data arrives', () => {
    render(
      <QueryState query={{ loading: true, reload: jest.fn() }}>
        {() => <Text>内容</Text>}
      </QueryState>,
    )
    expect(screen.getByText('加载中…')).toBeTruthy()
  })

  it('shows the error in words and retries on demand', async () => {
    const reload = jest.fn().mockResolvedValue(undefined)
    render(
      <QueryState
        query={{
          loading: false,
          reload,
          error: { code: 'NETWORK', message: '网络异常，请稍后重试' },
        }}
      >
        {() => <Text>内容</Text>}
      </QueryState>,
    )
    expect(screen.getByText('网络异常，请稍后重试')).toBeTruthy()
    await act(async () => {
      fireEvent.click(screen.getByText('重试'))
    })
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('shows the empty text when there is nothing', () => {
    render(
      <QueryState
        query={{ loading: false, reload: jest.fn(), data: [] as string[] }}
        isEmpty={(list) => list.length === 0}
        emptyText='还没有发布过需求'
      >
        {() => <Text>内容</Text>}
      </QueryState>,
    )
    expect(screen.getByText('还没有发布过需求')).toBeTruthy()
    expect(screen.queryByText('内容')).toBeNull()
  })

  it('loads nothing from outside the app for its empty and error states', () => {
    const { container } = render(
      <>
        <QueryState query={{ loading: false, reload: jest.fn(), data: [] }} isEmpty={() => true}>
          {() => <Text>内容</Text>}
        </QueryState>
        <QueryState
          query={{ loading: false, reload: jest.fn(), error: { code: 'NETWORK', message: '断网' } }}
        >
          {() => <Text>内容</Text>}
        </QueryState>
      </>,
    )
    expect(container.innerHTML).not.toMatch(/https?:/)
  })
})
