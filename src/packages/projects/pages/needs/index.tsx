import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import {
  SERVICE_DOMAINS,
  type ServiceDomain,
} from '../../../../../cloudfunctions/shared/categories'
import { SingleChoice } from '../../../../components/ChoiceButtons'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { OpenNeedCard } from '../../components/OpenNeedCard'

const ALL_DOMAINS = { all: '全部领域', ...SERVICE_DOMAINS }

/** 揭榜大厅: the communities' published needs that still have units to serve, by domain. */
export default function ClaimableNeedsPage() {
  const [domain, setDomain] = useState<keyof typeof ALL_DOMAINS>('all')
  const needs = useCloudQuery(
    useCallback(
      () =>
        call('claims', 'openNeeds', domain === 'all' ? {} : { domain: domain as ServiceDomain }),
      [domain],
    ),
  )
  return (
    <View>
      <SingleChoice labels={ALL_DOMAINS} value={domain} onChange={setDomain} />
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
