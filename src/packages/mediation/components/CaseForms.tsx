import { Button, Cell, CellGroup, Checkbox, Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useState } from 'react'
import type { MediationCaseDetailView, Result } from '../../../../cloudfunctions/features/api'
import {
  OUTCOMES,
  PERFORMANCE,
  type Outcome,
  type Performance,
} from '../../../../cloudfunctions/features/mediation/domain'
import { SingleChoice } from '../../../components/ChoiceButtons'
import { PickerCell } from '../../../components/PickerCell'
import { useAction } from '../../../hooks/useAction'
import { call } from '../../../services/cloud'

type Submit = (pending: Promise<Result<MediationCaseDetailView>>) => Promise<void>

/** One form of the case's next step, its error shown under it; `onDone` reloads the case. */
function useStep(onDone: () => Promise<void>): { submit: Submit; error?: string } {
  const { error, run } = useAction()
  const submit: Submit = async (pending) => {
    if (await run(pending)) await onDone()
  }
  return { submit, error }
}

const ErrorLine = ({ error }: { error?: string }) =>
  error ? <Text className='mediation-error'>{error}</Text> : null

/** One text input of a form, in its own row; long text gets a text area with a count. */
function TextField(props: {
  value: string
  onChange: (value: string) => void
  placeholder: string
  maxLength: number
  multiline?: boolean
}) {
  const { multiline, ...field } = props
  return <Cell>{multiline ? <TextArea {...field} showCount /> : <Input {...field} />}</Cell>
}

const splitNames = (value: string) =>
  value
    .split(/[,，、\s]+/)
    .map((name) => name.trim())
    .filter(Boolean)

const today = () => dayjs().format('YYYY-MM-DD')

export function AssignForm({
  item,
  onDone,
}: {
  item: MediationCaseDetailView
  onDone: () => Promise<void>
}) {
  const { submit, error } = useStep(onDone)
  const { error: loadError, run } = useAction()
  const [members, setMembers] = useState<{ id: string; name: string; title: string }[]>()
  const [chosen, setChosen] = useState<string[]>([])
  if (!members) {
    return (
      <>
        <Button
          type='default'
          block
          onClick={() =>
            void run(call('mediation', 'team', { communityId: item.communityId })).then(
              (team) => team && setMembers(team.members),
            )
          }
        >
          {item.mediatorNames.length ? '调整调解员' : '指派调解员'}
        </Button>
        <ErrorLine error={loadError} />
      </>
    )
  }
  return (
    <CellGroup title='从调解团队中选择调解员'>
      {members.length === 0 && <Cell title='调解团队还没有成员，请先在“调解团队”中添加' />}
      <Cell>
        <Checkbox.Group
          className='choice-buttons'
          direction='horizontal'
          value={chosen}
          onChange={(value) => setChosen(value as string[])}
        >
          {members.map((member) => (
            <Checkbox key={member.id} value={member.id} shape='button'>
              {member.name}（{member.title}）
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Cell>
      <ErrorLine error={error} />
      <Button
        type='primary'
        block
        onClick={() =>
          void submit(
            call('mediation', 'assignMediators', { caseId: item.id, mediatorIds: chosen }),
          )
        }
      >
        确认指派
      </Button>
    </CellGroup>
  )
}

export function SessionForm({
  item,
  onDone,
}: {
  item: MediationCaseDetailView
  onDone: () => Promise<void>
}) {
  const { submit, error } = useStep(onDone)
  const [date, setDate] = useState(today())
  const [time, setTime] = useState(dayjs().format('HH:mm'))
  const [place, setPlace] = useState('')
  const [attendees, setAttendees] = useState([...item.partyNames, ...item.mediatorNames].join('、'))
  const [record, setRecord] = useState('')
  return (
    <CellGroup title='记录一次调解'>
      <PickerCell mode='date' title='调解日期' value={date} onChange={setDate} />
      <PickerCell mode='time' title='调解时间' value={time} onChange={setTime} />
      <TextField value={place} onChange={setPlace} placeholder='调解地点' maxLength={60} />
      <TextField
        value={attendees}
        onChange={setAttendees}
        placeholder='参加人员，用顿号分隔'
        maxLength={300}
      />
      <TextField
        multiline
        value={record}
        onChange={setRecord}
        placeholder='调解记录：双方陈述、调解员工作、达成的意见（至少 10 个字）'
        maxLength={2000}
      />
      <ErrorLine error={error} />
      <Button
        type='primary'
        block
        onClick={() =>
          void submit(
            call('mediation', 'recordSession', {
              caseId: item.id,
              date,
              time,
              place,
              attendees: splitNames(attendees),
              record,
            }),
          )
        }
      >
        保存调解记录
      </Button>
    </CellGroup>
  )
}

export function AgreementForm({
  item,
  onDone,
}: {
  item: MediationCaseDetailView
  onDone: () => Promise<void>
}) {
  const { submit, error } = useStep(onDone)
  const [facts, setFacts] = useState(item.facts)
  const [terms, setTerms] = useState('')
  const [how, setHow] = useState('')
  const [where, setWhere] = useState('')
  const [by, setBy] = useState(today())
  const [signatories, setSignatories] = useState(item.partyNames.join('、'))
  const [signedOn, setSignedOn] = useState(today())
  return (
    <CellGroup title='调解协议书'>
      <TextField
        multiline
        value={facts}
        onChange={setFacts}
        placeholder='纠纷的主要事实、争议事项'
        maxLength={1000}
      />
      <TextField
        multiline
        value={terms}
        onChange={setTerms}
        placeholder='经调解，双方自愿达成的协议内容'
        maxLength={2000}
      />
      <TextField value={how} onChange={setHow} placeholder='履行方式' maxLength={200} />
      <TextField value={where} onChange={setWhere} placeholder='履行地点' maxLength={60} />
      <PickerCell mode='date' title='履行期限' value={by} onChange={setBy} />
      <TextField
        value={signatories}
        onChange={setSignatories}
        placeholder='签名的当事人，用顿号分隔'
        maxLength={300}
      />
      <PickerCell mode='date' title='签订日期' value={signedOn} onChange={setSignedOn} />
      <ErrorLine error={error} />
      <Button
        type='primary'
        block
        onClick={() =>
          void submit(
            call('mediation', 'recordAgreement', {
              caseId: item.id,
              facts,
              terms,
              performance: { how, where, by },
              signatories: splitNames(signatories),
              signedOn,
            }),
          )
        }
      >
        保存调解协议
      </Button>
    </CellGroup>
  )
}

export function FollowUpForm({
  item,
  onDone,
}: {
  item: MediationCaseDetailView
  onDone: () => Promise<void>
}) {
  const { submit, error } = useStep(onDone)
  const [performance, setPerformance] = useState<Performance>('performed')
  const [note, setNote] = useState('')
  return (
    <CellGroup title='回访'>
      <Cell>
        <SingleChoice labels={PERFORMANCE} value={performance} onChange={setPerformance} />
      </Cell>
      <TextField
        multiline
        value={note}
        onChange={setNote}
        placeholder='回访情况：协议履行、双方关系（至少 5 个字）'
        maxLength={500}
      />
      <ErrorLine error={error} />
      <Button
        type='primary'
        block
        onClick={() =>
          void submit(call('mediation', 'recordFollowUp', { caseId: item.id, performance, note }))
        }
      >
        保存回访记录
      </Button>
    </CellGroup>
  )
}

export function CloseForm({
  item,
  onDone,
}: {
  item: MediationCaseDetailView
  onDone: () => Promise<void>
}) {
  const { submit, error } = useStep(onDone)
  const outcomes = (Object.keys(OUTCOMES) as Outcome[]).filter((result) =>
    result === 'success' ? item.can.closeSuccess : item.can.closeFailed,
  )
  const [result, setResult] = useState<Outcome>(outcomes[0] ?? 'failed')
  const [summary, setSummary] = useState('')
  const [referral, setReferral] = useState('')
  const labels = Object.fromEntries(outcomes.map((key) => [key, OUTCOMES[key]])) as Record<
    Outcome,
    string
  >
  return (
    <CellGroup title='结案'>
      <Cell>
        <SingleChoice labels={labels} value={result} onChange={setResult} />
      </Cell>
      <TextField
        multiline
        value={summary}
        onChange={setSummary}
        placeholder='结案说明（至少 5 个字）'
        maxLength={500}
      />
      {result === 'failed' && (
        <TextField
          value={referral}
          onChange={setReferral}
          placeholder='引导当事人的去向，如：向人民法院起诉'
          maxLength={100}
        />
      )}
      <ErrorLine error={error} />
      <View className='mediation-actions'>
        <Button
          type='primary'
          block
          onClick={() =>
            void submit(
              call('mediation', 'close', {
                caseId: item.id,
                result,
                summary,
                ...(result === 'failed' && referral.trim() ? { referral } : {}),
              }),
            )
          }
        >
          确认结案
        </Button>
      </View>
    </CellGroup>
  )
}
