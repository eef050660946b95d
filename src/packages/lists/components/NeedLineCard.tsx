import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { CommunityNeedView } from '../../../../cloudfunctions/features/api'
import { FOCUS_GROUPS, SERVICE_DOMAINS } from '../../../../cloudfunctions/shared/categories'
import { NEED_LIST_LABELS, NEED_STATUS_LABELS, PRIORITY_LABELS } from '../labels'

/** A line of a need list: what, how much is already committed, when, for whom. */
export function NeedLineCard({ need }: { need: CommunityNeedView }) {
  return (
    <View className='line-card'>
      <Text className='line-card__title'>{need.title}</Text>
      <Text className='line-card__meta'>
        {need.communityName} · {NEED_LIST_LABELS[need.list]} · {SERVICE_DOMAINS[need.domain]}
      </Text>
      <Text className='line-card__meta'>
        已认领 {need.committed} / {need.quantity} {need.unit} · 优先级
        {PRIORITY_LABELS[need.priority]} · {need.window.from} 至 {need.window.to}
      </Text>
      {need.focusGroups.length > 0 && (
        <Text className='line-card__meta'>
          重点人群：{need.focusGroups.map((group) => FOCUS_GROUPS[group]).join('、')}
        </Text>
      )}
      <View className='line-card__tags'>
        <Tag type={need.status === 'open' ? 'warning' : 'success'} plain>
          {NEED_STATUS_LABELS[need.status]}
        </Tag>
      </View>
    </View>
  )
}
