import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { NeedCard } from '../../../../components/NeedCard'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { call } from '../../../../services/cloud'

/** A community's personal needs, for its workers and the street and district above it. */
export default function CommunityNeedsPage() {
  const communityId = useRouter().params.communityId ?? ''
  const needs = useCloudQuery(
    useCallback(() => call('needs', 'listCommunity', { communityId }), [communityId]),
  )
  return (
    <View className='community-needs'>
      <QueryState query={needs} isEmpty={(page) => page.total === 0} emptyText='社区暂无居民需求'>
        {(page) => (
          <>
            <Text className='list-summary'>
              {page.items[0]?.communityName} 共 {page.total} 条居民需求
            </Text>
            {page.items.map((need) => (
              <NeedCard key={need.id} need={need} showResident />
            ))}
          </>
        )}
      </QueryState>
    </View>
  )
}
