import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { OpenNeedView } from '../../../../cloudfunctions/features/api'
import { SERVICE_DOMAINS } from '../../../../cloudfunctions/shared/categories'
import '../../../components/NeedCard.scss'

/** A published line of a need list, as a provider sees it before claiming it. */
export function OpenNeedCard({ need, onTap }: { need: OpenNeedView; onTap?: () => void }) {
  const remaining = need.quantity - need.committed
  return (
    <View className='need-card' onClick={onTap}>
      <View className='need-card__header'>
        <Tag type='primary'>{need.list === 'special' ? '特色需求' : '基础需求'}</Tag>
        <Text className='need-card__category'>{need.title}</Text>
      </View>
      <Text className='need-card__description'>{need.description}</Text>
      <View className='need-card__meta'>
        <Text>{need.communityName}</Text>
        <Text>{SERVICE_DOMAINS[need.domain]}</Text>
        <Text>
          剩余 {remaining}/{need.quantity} {need.unit}
        </Text>
      </View>
    </View>
  )
}
