import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { ClaimView } from '../../../../cloudfunctions/features/api'
import { CLAIM_STATUS_LABELS } from './labels'
import './cards.scss'
import '../../../components/NeedCard.scss'

export function ClaimCard({ claim, children }: { claim: ClaimView; children?: ReactNode }) {
  return (
    <View className='need-card'>
      <View className='need-card__header'>
        <Text className='need-card__category'>{claim.needTitle}</Text>
        <Tag type={claim.status === 'declined' ? 'danger' : 'success'} plain>
          {CLAIM_STATUS_LABELS[claim.status]}
        </Tag>
      </View>
      <Text className='need-card__description'>{claim.plan}</Text>
      <View className='need-card__meta'>
        <Text>{claim.organizationName}</Text>
        <Text>
          认领 {claim.quantity} {claim.unit}
        </Text>
        {claim.decisionNote && <Text>理由：{claim.decisionNote}</Text>}
      </View>
      {children}
    </View>
  )
}
