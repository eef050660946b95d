import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import type { PersonalNeedView } from '../../cloudfunctions/features/api'
import { ASSIGNEE_KINDS, PERSONAL_NEED_STATUSES } from '../../cloudfunctions/features/needs/domain'
import {
  PERSONAL_NEED_CATEGORIES,
  PERSONAL_NEED_KINDS,
} from '../../cloudfunctions/shared/categories'
import { ROUTES } from '../routes'
import './NeedCard.scss'

interface Props {
  need: PersonalNeedView
  /** Workers see who posted it and how long it has waited; the resident sees their own list. */
  showResident?: boolean
}

/** A resident's need in a list; tapping it opens its page (thread, steps, what may be done). */
export function NeedCard({ need, showResident = false }: Props) {
  const open = () => void Taro.navigateTo({ url: ROUTES.needDetail(need.id) })
  return (
    <View className='need-card' onClick={open} hoverClass='need-card--pressed'>
      <View className='need-card__header'>
        <Tag type='primary'>{PERSONAL_NEED_KINDS[need.kind]}</Tag>
        <Text className='need-card__category'>{PERSONAL_NEED_CATEGORIES[need.category]}</Text>
        <Tag type={need.status === 'open' ? 'warning' : 'success'} plain>
          {PERSONAL_NEED_STATUSES[need.status]}
        </Tag>
      </View>
      <Text className='need-card__description'>{need.description}</Text>
      {showResident && need.overdue && (
        <Text className='need-card__overdue'>
          超期：已等待 {need.waitingHours} 小时{need.status === 'open' ? '未受理' : '未办结'}
        </Text>
      )}
      <View className='need-card__meta'>
        <Text>{need.communityName}</Text>
        {showResident && <Text>{need.residentName}</Text>}
        {need.contactPhone && <Text>{need.contactPhone}</Text>}
        {need.handler && (
          <Text>
            承办：{need.handler.name}（{ASSIGNEE_KINDS[need.handler.kind]}）
          </Text>
        )}
        {need.rating && <Text>评价 {need.rating} 分</Text>}
        <Text>{dayjs(need.createdAt).format('YYYY-MM-DD HH:mm')}</Text>
      </View>
    </View>
  )
}
