import { Button, Empty } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { CloudQuery } from '../hooks/useCloudQuery'

interface Props<T> {
  query: CloudQuery<T>
  /** Shown when the data is loaded but there is nothing in it. */
  isEmpty?: (data: T) => boolean
  emptyText?: string
  emptyAction?: ReactNode
  children: (data: T) => ReactNode
}

/** Drawn here: NutUI's default empty-state pictures come from a CDN, broken offline. */
function StateMark({ symbol }: { symbol: string }) {
  return <Text className='query-state__mark'>{symbol}</Text>
}

/** The loading, error and empty states every list page shares. */
export function QueryState<T>({ query, isEmpty, emptyText, emptyAction, children }: Props<T>) {
  if (query.error) {
    return (
      <View className='query-state'>
        <Empty image={<StateMark symbol='!' />} title={query.error.message} />
        <Button block type='default' onClick={() => void query.reload()}>
          重试
        </Button>
      </View>
    )
  }
  if (query.data === undefined) return <View className='query-state'>加载中…</View>
  if (isEmpty?.(query.data)) {
    return (
      <View className='query-state'>
        <Empty image={<StateMark symbol='…' />} title={emptyText ?? '暂无内容'} />
        {emptyAction}
      </View>
    )
  }
  return <>{children(query.data)}</>
}
