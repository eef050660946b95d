import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import {
  SERVICE_DOMAINS,
  type ServiceDomain,
} from '../../../../../cloudfunctions/shared/domain/categories'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { call } from '../../../../services/cloud'
import { SingleChoice } from '../../../../components/ChoiceButtons'
import { NeedLineCard } from '../../components/NeedLineCard'
import '../../components/lists.scss'

const ALL = { all: '全部领域', ...SERVICE_DOMAINS }

/** Published needs of the communities, for providers to browse by domain. */
export default function BrowseNeedListsPage() {
  const [domain, setDomain] = useState<keyof typeof ALL>('all')
  const needs = useCloudQuery(
    useCallback(
      () =>
        call('lists', 'listNeeds', {
          status: 'open',
          ...(domain === 'all' ? {} : { domain: domain as ServiceDomain }),
        }),
      [domain],
    ),
  )
  return (
    <View className='lists-page lists-form'>
      <SingleChoice labels={ALL} value={domain} onChange={setDomain} />
      <QueryState query={needs} isEmpty={(page) => page.total === 0} emptyText='暂无待认领的需求'>
        {(page) => (
          <>
            <Text className='lists-page__summary'>共 {page.total} 条待认领需求</Text>
            {page.items.map((need) => (
              <NeedLineCard key={need.id} need={need} />
            ))}
          </>
        )}
      </QueryState>
    </View>
  )
}
