import { Button, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { CommunityNeedView } from '../../../../cloudfunctions/features/api'
import { FOCUS_GROUPS, SERVICE_DOMAINS } from '../../../../cloudfunctions/shared/categories'
import { formatDate } from '../../../services/dates'
import { NEED_LIST_LABELS, NEED_STATUS_LABELS, PRIORITY_LABELS } from '../labels'
import { LineEditor, NEED_LINE_WORDS, editNeedLine } from './LineEditor'

/**
 * A line of a need list: what, how much is already committed, when, for whom; its workers correct
 * or close it here (onChanged reloads the list after).
 */
export function NeedLineCard({
  need,
  onChanged,
}: {
  need: CommunityNeedView
  onChanged?: () => Promise<void>
}) {
  const [editing, setEditing] = useState(false)
  return (
    <View className='line-card'>
      <Text className='line-card__title'>{need.title}</Text>
      <Text className='line-card__meta'>
        {need.communityName} · {NEED_LIST_LABELS[need.list]} · {SERVICE_DOMAINS[need.domain]}
      </Text>
      <Text className='line-card__meta'>
        已认领 {need.committed} / {need.quantity} {need.unit} · 优先级
        {PRIORITY_LABELS[need.priority]} · {formatDate(need.window.from)} 至{' '}
        {formatDate(need.window.to)}
      </Text>
      {need.focusGroups.length > 0 && (
        <Text className='line-card__meta'>
          重点人群：{need.focusGroups.map((group) => FOCUS_GROUPS[group]).join('、')}
        </Text>
      )}
      <View className='line-card__actions'>
        <Tag type={need.status === 'open' ? 'warning' : 'success'} plain>
          {NEED_STATUS_LABELS[need.status]}
        </Tag>
        {need.canEdit && onChanged && (
          <Button size='small' onClick={() => setEditing(!editing)}>
            {editing ? '收起' : '修改或关闭'}
          </Button>
        )}
      </View>
      {editing && onChanged && (
        <LineEditor
          line={need}
          words={NEED_LINE_WORDS}
          {...editNeedLine(need.id)}
          onDone={async () => {
            setEditing(false)
            await onChanged()
          }}
        />
      )}
    </View>
  )
}
