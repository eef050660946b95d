import { Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { call } from '../../../../services/cloud'
import { CaseCard } from '../../components/CaseCard'
import '../../components/Mediation.scss'

/** The disputes I reported, and the cases I mediate. */
export default function MyMediationPage() {
  const mine = useCloudQuery(useCallback(() => call('mediation', 'listMine', {}), []))
  const assigned = useCloudQuery(useCallback(() => call('mediation', 'listAssigned', {}), []))
  return (
    <View className='mediation-page'>
      <Text className='mediation-free'>人民调解免费，不收取任何费用。</Text>
      <Text className='mediation-section'>我反映的纠纷</Text>
      <QueryState query={mine} isEmpty={(page) => page.total === 0} emptyText='暂无'>
        {(page) => page.items.map((item) => <CaseCard key={item.id} item={item} />)}
      </QueryState>
      <Text className='mediation-section'>我负责调解的案件</Text>
      <QueryState query={assigned} isEmpty={(page) => page.total === 0} emptyText='暂无'>
        {(page) => page.items.map((item) => <CaseCard key={item.id} item={item} />)}
      </QueryState>
    </View>
  )
}
