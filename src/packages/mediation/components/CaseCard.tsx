import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import type { MediationCaseView } from '../../../../cloudfunctions/features/api'
import {
  CASE_STATUSES,
  DISPUTE_TYPES,
  OUTCOMES,
} from '../../../../cloudfunctions/features/mediation/domain'
import { ROUTES } from '../../../routes'
import './Mediation.scss'

const RISK_TAG = { red: '红色', orange: '橙色', yellow: '黄色' } as const

/** A mediation case in a list; tapping it opens the case. */
export function CaseCard({ item }: { item: MediationCaseView }) {
  const open = () => void Taro.navigateTo({ url: ROUTES.mediationCase(item.id) })
  return (
    <View className='case-card' onClick={open} hoverClass='case-card--pressed'>
      <View className='case-card__header'>
        <Text className={`case-risk case-risk--${item.riskLevel}`}>{RISK_TAG[item.riskLevel]}</Text>
        <Text className='case-card__type'>{DISPUTE_TYPES[item.disputeType]}</Text>
        <Tag type={item.status === 'closed' ? 'default' : 'success'} plain>
          {item.outcome ? OUTCOMES[item.outcome] : CASE_STATUSES[item.status]}
        </Tag>
      </View>
      <Text className='case-card__parties'>{item.partyNames.join(' 与 ')}</Text>
      {item.overdue && (
        <Text className='case-card__overdue'>已超过一个月（受理 {item.daysOpen} 天）</Text>
      )}
      <View className='case-card__meta'>
        <Text>案号 {item.caseNo}</Text>
        <Text>{item.communityName}</Text>
        <Text>调解员：{item.mediatorNames.length ? item.mediatorNames.join('、') : '待指派'}</Text>
        <Text>受理 {dayjs(item.createdAt).format('YYYY-MM-DD')}</Text>
      </View>
    </View>
  )
}
