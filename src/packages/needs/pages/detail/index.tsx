import { Button, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { PERSONAL_NEED_STATUSES } from '../../../../../cloudfunctions/features/needs/domain'
import {
  PERSONAL_NEED_CATEGORIES,
  PERSONAL_NEED_KINDS,
} from '../../../../../cloudfunctions/shared/categories'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { ResidentActions, StaffActions } from '../../components/NeedActions'
import { NeedSteps } from '../../components/NeedSteps'
import { NeedThread } from '../../components/NeedThread'
import '../../components/NeedDetail.scss'

/** One need: its steps, its thread, and what the caller (resident or handler) may do now. */
export default function NeedDetailPage() {
  const needId = useRouter().params.needId ?? ''
  const detail = useCloudQuery(useCallback(() => call('needs', 'detail', { needId }), [needId]))
  const reply = async (text: string) => {
    const result = await call('needs', 'reply', { needId, text })
    if (!result.ok) return false
    await detail.reload()
    return true
  }
  return (
    <View className='need-detail'>
      <QueryState query={detail}>
        {(need) => (
          <>
            <View className='need-detail__head'>
              <Tag type='primary'>{PERSONAL_NEED_KINDS[need.kind]}</Tag>
              <Text className='need-detail__category'>
                {PERSONAL_NEED_CATEGORIES[need.category]}
              </Text>
              <Tag type={need.status === 'closed' ? 'default' : 'success'} plain>
                {PERSONAL_NEED_STATUSES[need.status]}
              </Tag>
            </View>
            <Text className='need-detail__description'>{need.description}</Text>
            <Text className='need-detail__meta'>
              {need.communityName} · {need.residentName}
              {need.contactPhone ? ` · ${need.contactPhone}` : ''}
            </Text>
            {need.overdue && (
              <Text className='need-detail__overdue'>
                已等待 {need.waitingHours} 小时{need.status === 'open' ? '未受理' : '未办结'}
              </Text>
            )}
            <NeedSteps need={need} />
            {need.mediationCaseId && (
              <Button
                type='default'
                size='large'
                block
                onClick={() =>
                  void Taro.navigateTo({ url: ROUTES.mediationCase(need.mediationCaseId ?? '') })
                }
              >
                查看调解进展
              </Button>
            )}
            {need.can.openMediation && (
              <Button
                type='primary'
                size='large'
                block
                onClick={() =>
                  void Taro.navigateTo({ url: ROUTES.openMediation(need.communityId, need.id) })
                }
              >
                转为调解案件
              </Button>
            )}
            <StaffActions need={need} onDone={detail.reload} />
            <ResidentActions need={need} onDone={detail.reload} />
            <NeedThread need={need} onReply={reply} />
          </>
        )}
      </QueryState>
    </View>
  )
}
