import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import {
  PERSONAL_NEED_STATUSES,
  type PersonalNeedStatus,
} from '../../../../../cloudfunctions/features/needs/domain'
import { SingleChoice } from '../../../../components/ChoiceButtons'
import { NeedCard } from '../../../../components/NeedCard'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { call } from '../../../../services/cloud'

const FILTERS = { all: '全部', overdue: '超期', ...PERSONAL_NEED_STATUSES }
type Filter = keyof typeof FILTERS

/** A community's personal needs, for its workers and the street and district above it. */
export default function CommunityNeedsPage() {
  const communityId = useRouter().params.communityId ?? ''
  const [filter, setFilter] = useState<Filter>('all')
  const needs = useCloudQuery(
    useCallback(
      () =>
        call('needs', 'listCommunity', {
          communityId,
          ...(filter === 'overdue' ? { overdue: true } : {}),
          ...(filter !== 'all' && filter !== 'overdue'
            ? { status: filter as PersonalNeedStatus }
            : {}),
        }),
      [communityId, filter],
    ),
  )
  return (
    <View className='community-needs'>
      <SingleChoice labels={FILTERS} value={filter} onChange={setFilter} />
      <QueryState
        query={needs}
        isEmpty={(page) => page.total === 0}
        emptyText='没有符合条件的居民需求'
      >
        {(page) => (
          <>
            <Text className='list-summary'>
              {page.items[0]?.communityName} 共 {page.total} 条
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
