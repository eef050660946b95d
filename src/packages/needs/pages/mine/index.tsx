import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { NeedCard } from '../../../../components/NeedCard'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'

export default function MyNeedsPage() {
  const needs = useCloudQuery(useCallback(() => call('needs', 'listMine'), []))
  const postNeed = () => void Taro.navigateTo({ url: ROUTES.postNeed })
  return (
    <View className='my-needs'>
      <QueryState
        query={needs}
        isEmpty={(page) => page.total === 0}
        emptyText='还没有发布过需求'
        emptyAction={
          <Button type='primary' onClick={postNeed}>
            发布需求
          </Button>
        }
      >
        {(page) => (
          <>
            <Text className='list-summary'>共 {page.total} 条需求</Text>
            {page.items.map((need) => (
              <NeedCard key={need.id} need={need} />
            ))}
          </>
        )}
      </QueryState>
    </View>
  )
}
