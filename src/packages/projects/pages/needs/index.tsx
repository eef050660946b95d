import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { OpenNeedCard } from '../../components/OpenNeedCard'

/** 揭榜大厅: the communities' published needs that still have units to serve. */
export default function ClaimableNeedsPage() {
  const needs = useCloudQuery(useCallback(() => call('claims', 'openNeeds', {}), []))
  return (
    <View>
      <QueryState
        query={needs}
        isEmpty={(items) => items.length === 0}
        emptyText='暂无待揭榜的需求'
      >
        {(items) => (
          <>
            <Text className='list-summary'>共 {items.length} 条需求待揭榜</Text>
            {items.map((need) => (
              <OpenNeedCard
                key={need.id}
                need={need}
                onTap={() => void Taro.navigateTo({ url: ROUTES.claimNeed(need.id) })}
              />
            ))}
          </>
        )}
      </QueryState>
    </View>
  )
}
