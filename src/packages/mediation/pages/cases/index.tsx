import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import {
  CASE_STATUSES,
  type CaseStatus,
} from '../../../../../cloudfunctions/features/mediation/domain'
import { SingleChoice } from '../../../../components/ChoiceButtons'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { CaseCard } from '../../components/CaseCard'
import '../../components/Mediation.scss'

const FILTERS = { all: '全部', ...CASE_STATUSES }
type Filter = keyof typeof FILTERS

/** A community's mediation cases, for its workers: open one, manage the team, read the figures. */
export default function MediationCasesPage() {
  const communityId = useRouter().params.communityId ?? ''
  const [filter, setFilter] = useState<Filter>('all')
  const cases = useCloudQuery(
    useCallback(
      () =>
        call('mediation', 'listCommunity', {
          communityId,
          ...(filter === 'all' ? {} : { status: filter as CaseStatus }),
        }),
      [communityId, filter],
    ),
  )
  const go = (url: string) => () => void Taro.navigateTo({ url })
  return (
    <View className='mediation-page'>
      <View className='mediation-actions'>
        <Button type='primary' block onClick={go(ROUTES.openMediation(communityId))}>
          受理新的纠纷
        </Button>
        <Button type='default' block onClick={go(ROUTES.mediationTeam(communityId))}>
          调解团队
        </Button>
        <Button
          type='default'
          block
          onClick={go(ROUTES.mediationFigures('community', communityId))}
        >
          调解统计
        </Button>
      </View>
      <SingleChoice labels={FILTERS} value={filter} onChange={setFilter} />
      <QueryState query={cases} isEmpty={(page) => page.total === 0} emptyText='暂无调解案件'>
        {(page) => (
          <>
            <Text className='list-summary'>共 {page.total} 件</Text>
            {page.items.map((item) => (
              <CaseCard key={item.id} item={item} />
            ))}
          </>
        )}
      </QueryState>
    </View>
  )
}
