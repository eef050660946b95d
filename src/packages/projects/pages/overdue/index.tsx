import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { OpenNeedCard } from '../../components/OpenNeedCard'

/** For a street admin: published needs nobody has claimed for too long (待揭榜超期). */
export default function OverdueNeedsPage() {
  const streetId = useRouter().params.streetId ?? ''
  const overdue = useCloudQuery(
    useCallback(() => call('claims', 'overdue', { streetId }), [streetId]),
  )
  return (
    <View>
      <Button
        type='default'
        block
        onClick={() => void Taro.navigateTo({ url: ROUTES.streetProjects(streetId) })}
      >
        街道共建项目统计
      </Button>
      <QueryState
        query={overdue}
        isEmpty={({ items }) => items.length === 0}
        emptyText='没有超期未揭榜的需求'
      >
        {({ items, limitDays }) => (
          <>
            <Text className='list-summary'>
              {items.length} 条需求发布超过 {limitDays} 天无人揭榜
            </Text>
            {items.map((need) => (
              <View key={need.id}>
                <Text className='list-summary'>已等待 {need.daysWaiting} 天</Text>
                <OpenNeedCard need={need} />
              </View>
            ))}
          </>
        )}
      </QueryState>
    </View>
  )
}
