import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { PersonalNeedView } from '../../cloudfunctions/features/api'
import {
  PERSONAL_NEED_CATEGORIES,
  PERSONAL_NEED_KINDS,
  PERSONAL_NEED_STATUSES,
} from '../../cloudfunctions/shared/categories'
import './NeedCard.scss'

interface Props {
  need: PersonalNeedView
  /** Workers see who posted it; the resident sees their own list without their name. */
  showResident?: boolean
}

export function NeedCard({ need, showResident = false }: Props) {
  return (
    <View className='need-card'>
      <View className='need-card__header'>
        <Tag type='primary'>{PERSONAL_NEED_KINDS[need.kind]}</Tag>
        <Text className='need-card__category'>{PERSONAL_NEED_CATEGORIES[need.category]}</Text>
        <Tag type={need.status === 'open' ? 'warning' : 'success'} plain>
          {PERSONAL_NEED_STATUSES[need.status]}
        </Tag>
      </View>
      <Text className='need-card__description'>{need.description}</Text>
      <View className='need-card__meta'>
        <Text>{need.communityName}</Text>
        {showResident && <Text>{need.residentName}</Text>}
        {need.contactPhone && <Text>{need.contactPhone}</Text>}
        <Text>{dayjs(need.createdAt).format('YYYY-MM-DD HH:mm')}</Text>
      </View>
    </View>
  )
}
