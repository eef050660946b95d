import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import {
  DISPUTE_TYPES,
  RISK_LEVELS,
  type DisputeType,
  type RiskLevel,
} from '../../../../../cloudfunctions/features/mediation/domain'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { call } from '../../../../services/cloud'
import '../../components/Mediation.scss'

const percent = (rate?: number) => (rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`)
const days = (value?: number) => (value === undefined ? '—' : `${value} 天`)

const Row = ({ label, value }: { label: string; value: string | number }) => (
  <View className='mediation-figure'>
    <Text>{label}</Text>
    <Text>{value}</Text>
  </View>
)

/** Mediation figures of a community, street or district: counts and rates, never case contents. */
export default function MediationFiguresPage() {
  const { scope = 'community', id = '' } = useRouter().params
  const figures = useCloudQuery(
    useCallback(
      () =>
        call('mediation', 'figures', { scope: scope as 'community' | 'street' | 'district', id }),
      [scope, id],
    ),
  )
  return (
    <View className='mediation-page'>
      <QueryState query={figures}>
        {(view) => (
          <>
            <Text className='mediation-section'>{view.scopeName} 矛盾纠纷调解</Text>
            <Row label='受理案件' value={view.accepted} />
            <Row label='办理中' value={view.open} />
            <Row label='已结案' value={view.closed} />
            <Row label='调解成功' value={view.succeeded} />
            <Row label='调解成功率' value={percent(view.successRate)} />
            <Row label='平均结案用时' value={days(view.averageDaysToClose)} />
            <Row label='超过一个月未结' value={view.overdue} />
            <Text className='mediation-section'>按纠纷类型</Text>
            {(
              Object.entries(view.byType) as [
                DisputeType,
                { accepted: number; succeeded: number },
              ][]
            ).map(([type, row]) => (
              <Row
                key={type}
                label={DISPUTE_TYPES[type]}
                value={`受理 ${row.accepted} · 成功 ${row.succeeded}`}
              />
            ))}
            <Text className='mediation-section'>按风险等级</Text>
            {(Object.entries(view.byRisk) as [RiskLevel, number][]).map(([risk, count]) => (
              <Row key={risk} label={RISK_LEVELS[risk]} value={count} />
            ))}
            {view.communities && (
              <>
                <Text className='mediation-section'>各社区</Text>
                {view.communities.map((row) => (
                  <Row
                    key={row.communityId}
                    label={row.communityName}
                    value={`受理 ${row.accepted} · 结案 ${row.closed} · 成功率 ${percent(row.successRate)}`}
                  />
                ))}
              </>
            )}
          </>
        )}
      </QueryState>
    </View>
  )
}
