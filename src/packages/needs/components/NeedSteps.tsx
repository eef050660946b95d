import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { PersonalNeedDetailView } from '../../../../cloudfunctions/features/api'
import { ASSIGNEE_KINDS } from '../../../../cloudfunctions/features/needs/domain'

const at = (iso: string) => dayjs(iso).format('M月D日 HH:mm')

const CLOSED_REASONS = {
  confirmed: '居民确认完结',
  withdrawn: '居民撤回',
  expired: '办结 7 天后自动完结',
}

/** What has happened to the need, step by step, as its resident and its handlers see it. */
export function NeedSteps({ need }: { need: PersonalNeedDetailView }) {
  const steps: { label: string; detail?: string }[] = [{ label: `${at(need.createdAt)} 提交` }]
  if (need.accepted) steps.push({ label: `${at(need.accepted.at)} ${need.accepted.name} 受理` })
  if (need.assigned) {
    steps.push({
      label: `${at(need.assigned.at)} 交由${ASSIGNEE_KINDS[need.assigned.kind]}办理`,
      detail: need.assigned.name,
    })
  }
  if (need.reopened) {
    steps.push({
      label: `${at(need.reopened.at)} 居民申请重新办理（第 ${need.reopened.count} 次）`,
      detail: need.reopened.reason,
    })
  }
  if (need.resolution) {
    steps.push({
      label: `${at(need.resolution.at)} ${need.resolution.byName} 办结`,
      detail: need.resolution.text,
    })
  }
  if (need.confirmation) {
    steps.push({
      label: `${at(need.confirmation.at)} 居民评价 ${need.confirmation.rating} 分`,
      detail: need.confirmation.comment,
    })
  }
  if (need.closed)
    steps.push({ label: `${at(need.closed.at)} ${CLOSED_REASONS[need.closed.reason]}` })
  return (
    <View className='need-steps'>
      {steps.map((step) => (
        <View key={step.label} className='need-steps__step'>
          <Text className='need-steps__label'>{step.label}</Text>
          {step.detail && <Text className='need-steps__detail'>{step.detail}</Text>}
        </View>
      ))}
    </View>
  )
}
