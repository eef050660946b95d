import { Button, Rate, TextArea } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import type {
  AssigneeChoicesView,
  PersonalNeedDetailView,
  Result,
} from '../../../../cloudfunctions/features/api'
import { SingleChoice } from '../../../components/ChoiceButtons'
import { call } from '../../../services/cloud'

type Act = (run: () => Promise<Result<unknown>>) => Promise<boolean>

/** One action's own error line, shown under it (where the user tapped). */
function useAction(onDone: () => Promise<void>): [Act, string | undefined] {
  const [error, setError] = useState<string>()
  const act: Act = async (run) => {
    const result = await run()
    if (!result.ok) {
      setError(result.error.message)
      return false
    }
    setError(undefined)
    await onDone()
    return true
  }
  return [act, error]
}

const ErrorLine = ({ error }: { error?: string }) =>
  error ? <Text className='need-actions__error'>{error}</Text> : null

const ASSIGN_KINDS = { worker: '社区工作者', team: '志愿服务队', organization: '服务组织' } as const
type AssignKind = keyof typeof ASSIGN_KINDS
const CHOICES_OF: Record<AssignKind, keyof AssigneeChoicesView> = {
  worker: 'workers',
  team: 'teams',
  organization: 'organizations',
}

/** What a community worker or a handler does with the need: accept, assign, resolve, call back. */
export function StaffActions({
  need,
  onDone,
}: {
  need: PersonalNeedDetailView
  onDone: () => Promise<void>
}) {
  const [act, error] = useAction(onDone)
  const [phone, setPhone] = useState<string>()
  const [choices, setChoices] = useState<AssigneeChoicesView>()
  const [kind, setKind] = useState<AssignKind>('worker')
  const [resolution, setResolution] = useState('')
  const needId = need.id

  const reveal = () =>
    act(async () => {
      const result = await call('needs', 'revealPhone', { needId })
      if (result.ok) setPhone(result.data.contactPhone)
      return result
    })
  const openAssign = () =>
    act(async () => {
      const result = await call('needs', 'assignees', { communityId: need.communityId })
      if (result.ok) setChoices(result.data)
      return result
    })
  const options = choices?.[CHOICES_OF[kind]] ?? []
  const assign = (index: number) => {
    const chosen = options[index]
    if (chosen)
      void act(() => call('needs', 'assign', { needId, assignee: { kind, id: chosen.id } }))
  }

  return (
    <View className='need-actions'>
      {need.can.revealPhone && (
        <View className='need-actions__row'>
          {phone ? (
            <Button
              type='default'
              size='large'
              block
              onClick={() => void Taro.makePhoneCall({ phoneNumber: phone })}
            >
              拨打 {phone}
            </Button>
          ) : (
            <Button type='default' size='large' block onClick={() => void reveal()}>
              查看完整号码并回电
            </Button>
          )}
        </View>
      )}
      {need.can.accept && (
        <Button
          type='primary'
          size='large'
          block
          onClick={() => void act(() => call('needs', 'accept', { needId }))}
        >
          受理
        </Button>
      )}
      {need.can.assign && !choices && (
        <Button type='default' size='large' block onClick={() => void openAssign()}>
          交办
        </Button>
      )}
      {need.can.assign && choices && (
        <View className='need-actions__assign'>
          <Text className='need-section-title'>交由谁办理</Text>
          <SingleChoice labels={ASSIGN_KINDS} value={kind} onChange={setKind} />
          {options.length === 0 ? (
            <Text className='need-actions__hint'>暂无可选的{ASSIGN_KINDS[kind]}</Text>
          ) : (
            <Picker
              mode='selector'
              range={options.map((option) => option.name)}
              onChange={(event) => assign(Number(event.detail.value))}
            >
              <Button type='primary' size='large' block>
                选择{ASSIGN_KINDS[kind]}并交办
              </Button>
            </Picker>
          )}
        </View>
      )}
      {need.can.resolve && (
        <View className='need-actions__resolve'>
          <Text className='need-section-title'>办理结果</Text>
          <TextArea
            value={resolution}
            onChange={setResolution}
            placeholder='写明做了什么、结果如何（至少 5 个字）'
            maxLength={500}
          />
          <Button
            type='primary'
            size='large'
            block
            onClick={() => void act(() => call('needs', 'resolve', { needId, resolution }))}
          >
            办结
          </Button>
        </View>
      )}
      <ErrorLine error={error} />
    </View>
  )
}

/** What the resident does with their need: confirm and rate it, reopen it, or withdraw it. */
export function ResidentActions({
  need,
  onDone,
}: {
  need: PersonalNeedDetailView
  onDone: () => Promise<void>
}) {
  const [act, error] = useAction(onDone)
  const [rating, setRating] = useState(5)
  const [comment, setComment] = useState('')
  const [reason, setReason] = useState('')
  const needId = need.id

  const withdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤回需求',
      content: '撤回后社区将不再办理这条需求，确定撤回吗？',
    })
    if (confirm) await act(() => call('needs', 'withdraw', { needId }))
  }

  return (
    <View className='need-actions'>
      {need.can.confirm && (
        <View className='need-actions__confirm'>
          <Text className='need-section-title'>问题解决了吗？请评价</Text>
          <Rate value={rating} onChange={setRating} />
          <TextArea
            value={comment}
            onChange={setComment}
            placeholder='说说您的感受（选填）'
            maxLength={200}
          />
          <Button
            type='primary'
            size='large'
            block
            onClick={() =>
              void act(() =>
                call('needs', 'confirm', {
                  needId,
                  rating,
                  ...(comment.trim() ? { comment: comment.trim() } : {}),
                }),
              )
            }
          >
            确认解决并评价
          </Button>
        </View>
      )}
      {need.can.reopen && (
        <View className='need-actions__reopen'>
          <Text className='need-section-title'>
            没有解决？{need.reopenDeadline ? dayjs(need.reopenDeadline).format('M月D日') : ''}
            前可申请重新办理
          </Text>
          <TextArea
            value={reason}
            onChange={setReason}
            placeholder='哪里还没解决'
            maxLength={200}
          />
          <Button
            type='default'
            size='large'
            block
            onClick={() => void act(() => call('needs', 'reopen', { needId, reason }))}
          >
            申请重新办理
          </Button>
        </View>
      )}
      {need.can.withdraw && (
        <Button type='default' size='large' block onClick={() => void withdraw()}>
          撤回需求
        </Button>
      )}
      <ErrorLine error={error} />
    </View>
  )
}
