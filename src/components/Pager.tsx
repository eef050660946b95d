import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { Page } from '../../cloudfunctions/features/api'

/** Previous and next page of a paged list, with where the reader is. */
export function Pager({ found, onPage }: { found: Page<unknown>; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(found.total / found.pageSize))
  return (
    <View className='page__actions'>
      <Text className='page__note'>
        第 {found.page} / {pages} 页，共 {found.total} 条
      </Text>
      {found.page > 1 && (
        <Button block onClick={() => onPage(found.page - 1)}>
          上一页
        </Button>
      )}
      {found.page < pages && (
        <Button block onClick={() => onPage(found.page + 1)}>
          下一页
        </Button>
      )}
    </View>
  )
}
