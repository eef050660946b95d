import { Button, Cell, CellGroup, Input, Progress, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useCallback, useState } from 'react'
import type { AgreementDetailView, Result } from '../../../../../cloudfunctions/features/api'
import {
  AGREEMENT_KINDS,
  AGREEMENT_SCOPES,
  AGREEMENT_STATUSES,
  COMMITMENT_KINDS,
} from '../../../../../cloudfunctions/features/agreements/domain'
import { PickerCell } from '../../../../components/PickerCell'
import { QueryState } from '../../../../components/QueryState'
import { useAction } from '../../../../hooks/useAction'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { call } from '../../../../services/cloud'
import '../../components/Agreements.scss'

const today = () => dayjs().format('YYYY-MM-DD')

/** An agreement: its parties, commitments and what was delivered, and the first party's next step. */
export default function AgreementPage() {
  const agreementId = useRouter().params.agreementId ?? ''
  const detail = useCloudQuery(
    useCallback(() => call('agreements', 'detail', { agreementId }), [agreementId]),
  )
  return (
    <View className='agreements-page'>
      <QueryState query={detail}>
        {(agreement) => (
          <>
            <Text className='agreement-card__title'>{agreement.title}</Text>
            <Tag type={agreement.status === 'in_force' ? 'success' : 'default'} plain>
              {AGREEMENT_STATUSES[agreement.status]}
            </Tag>
            <Text className='agreement-meta'>{AGREEMENT_KINDS[agreement.kind]}</Text>
            <Text className='agreement-meta'>
              甲方 {agreement.firstParty.name} · 乙方 {agreement.secondParty.name}
            </Text>
            <Text className='agreement-meta'>
              期限 {agreement.term.from} 至 {agreement.term.to} · 合作范围{' '}
              {agreement.scopes.map((scope) => AGREEMENT_SCOPES[scope]).join('、')}
            </Text>
            {agreement.signed && (
              <Text className='agreement-meta'>
                {agreement.signed.on} 于{agreement.signed.place}签订（{agreement.signed.byName}）
              </Text>
            )}
            {agreement.terminated && (
              <Text className='agreement-error'>
                {agreement.terminated.on} 终止：{agreement.terminated.reason}
              </Text>
            )}

            <Text className='agreement-section'>承诺事项与完成情况</Text>
            {agreement.commitments.map((item) => (
              <View key={item.id} className='agreement-commitment'>
                <Text>
                  {COMMITMENT_KINDS[item.kind].label}：{item.description}
                </Text>
                <Text className='agreement-meta'>
                  已完成 {item.delivered} / 承诺 {item.quantity} {item.unit}
                  {item.counted ? '（系统统计）' : '（复核登记）'}
                </Text>
                <Progress
                  percent={Math.min(100, Math.round((item.delivered / item.quantity) * 100))}
                />
              </View>
            ))}

            {agreement.kpis.length > 0 && <Text className='agreement-section'>考核指标</Text>}
            {agreement.kpis.map((kpi) => (
              <Text key={kpi.name} className='agreement-meta'>
                {kpi.name}：{kpi.target}
              </Text>
            ))}

            <Text className='agreement-section'>复核</Text>
            {agreement.nextReview && (
              <Text className='agreement-meta'>下次复核：{agreement.nextReview}</Text>
            )}
            {agreement.reviews.map((review) => (
              <Text key={review.id} className='agreement-meta'>
                {review.date} {review.byName}：{review.notes}
              </Text>
            ))}

            <View className='agreement-actions'>
              {agreement.can.sign && <SignForm agreement={agreement} onDone={detail.reload} />}
              {agreement.can.review && <ReviewForm agreement={agreement} onDone={detail.reload} />}
              {agreement.can.terminate && (
                <TerminateForm agreement={agreement} onDone={detail.reload} />
              )}
            </View>
          </>
        )}
      </QueryState>
    </View>
  )
}

interface FormProps {
  agreement: AgreementDetailView
  onDone: () => Promise<void>
}

/** Submits a step and reloads the agreement; its error shows under the form. */
function useStep(onDone: () => Promise<void>) {
  const { error, run } = useAction()
  const submit = async (pending: Promise<Result<AgreementDetailView>>) => {
    if (await run(pending)) await onDone()
  }
  return { error, submit }
}

function SignForm({ agreement, onDone }: FormProps) {
  const { error, submit } = useStep(onDone)
  const [signedOn, setSignedOn] = useState(today())
  const [place, setPlace] = useState('')
  return (
    <CellGroup title='签订'>
      <PickerCell mode='date' title='签订日期' value={signedOn} onChange={setSignedOn} />
      <Cell>
        <Input value={place} onChange={setPlace} placeholder='签订地点' maxLength={60} />
      </Cell>
      {error && <Text className='agreement-error'>{error}</Text>}
      <Button
        type='primary'
        block
        onClick={() =>
          void submit(call('agreements', 'sign', { agreementId: agreement.id, signedOn, place }))
        }
      >
        确认签订
      </Button>
    </CellGroup>
  )
}

function ReviewForm({ agreement, onDone }: FormProps) {
  const { error, submit } = useStep(onDone)
  const [date, setDate] = useState(today())
  const [notes, setNotes] = useState('')
  const [delivered, setDelivered] = useState<Record<string, string>>({})
  const recorded = agreement.commitments.filter((item) => !item.counted)
  return (
    <CellGroup title='登记复核'>
      <PickerCell mode='date' title='复核日期' value={date} onChange={setDate} />
      <Cell>
        <Input value={notes} onChange={setNotes} placeholder='复核意见' maxLength={500} />
      </Cell>
      {recorded.map((item) => (
        <Cell key={item.id}>
          <Input
            type='number'
            value={delivered[item.id] ?? ''}
            onChange={(value) => setDelivered({ ...delivered, [item.id]: value })}
            placeholder={`本次完成：${item.description}（${item.unit}）`}
            maxLength={9}
          />
        </Cell>
      ))}
      {error && <Text className='agreement-error'>{error}</Text>}
      <Button
        type='primary'
        block
        onClick={() =>
          void submit(
            call('agreements', 'recordReview', {
              agreementId: agreement.id,
              date,
              notes,
              delivered: Object.entries(delivered)
                .filter(([, value]) => value.trim())
                .map(([commitmentId, value]) => ({ commitmentId, quantity: Number(value) })),
            }),
          )
        }
      >
        保存复核
      </Button>
    </CellGroup>
  )
}

function TerminateForm({ agreement, onDone }: FormProps) {
  const { error, submit } = useStep(onDone)
  const [reason, setReason] = useState('')
  return (
    <CellGroup title='终止协议'>
      <Cell>
        <Input value={reason} onChange={setReason} placeholder='终止原因' maxLength={200} />
      </Cell>
      {error && <Text className='agreement-error'>{error}</Text>}
      <Button
        type='default'
        block
        onClick={() =>
          void submit(call('agreements', 'terminate', { agreementId: agreement.id, reason }))
        }
      >
        终止协议
      </Button>
    </CellGroup>
  )
}
