import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useCallback, useState } from 'react'
import {
  AGREEMENT_SCOPES,
  COMMITMENT_KINDS,
  type AgreementKind,
  type AgreementScope,
  type CommitmentKind,
} from '../../../../../cloudfunctions/features/agreements/domain'
import { MultiChoice, SingleChoice } from '../../../../components/ChoiceButtons'
import { PickerCell } from '../../../../components/PickerCell'
import { QueryState } from '../../../../components/QueryState'
import { useAction } from '../../../../hooks/useAction'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import '../../components/Agreements.scss'
import { Field } from '../../../../components/Field'

const COMMITMENT_LABELS = Object.fromEntries(
  Object.entries(COMMITMENT_KINDS).map(([key, kind]) => [key, `${kind.label}（${kind.unit}）`]),
) as Record<CommitmentKind, string>

/** Beyond this many parties to choose from, a search narrows them. */
const SHOWN_CHOICES = 12

interface CommitmentDraft {
  kind: CommitmentKind
  description: string
  quantity: string
}

/** The first party drafts an agreement: with whom, its scope, term, commitments and KPIs. */
export default function CreateAgreementPage() {
  const params = useRouter().params
  const kind = (params.kind ?? 'district_street') as AgreementKind
  const firstPartyId = params.firstPartyId ?? ''
  const choices = useCloudQuery(
    useCallback(
      () => call('agreements', 'partyChoices', { kind, firstPartyId }),
      [kind, firstPartyId],
    ),
  )
  const [secondPartyId, setSecondPartyId] = useState<string>()
  const [search, setSearch] = useState('')
  const [title, setTitle] = useState('')
  const [scopes, setScopes] = useState<AgreementScope[]>(['resource_sharing'])
  const [from, setFrom] = useState(dayjs().format('YYYY-MM-DD'))
  const [to, setTo] = useState(dayjs().add(1, 'year').subtract(1, 'day').format('YYYY-MM-DD'))
  const [commitments, setCommitments] = useState<CommitmentDraft[]>([
    { kind: 'projects', description: '', quantity: '' },
  ])
  const [kpi, setKpi] = useState({ name: '', target: '' })
  const [reviewDate, setReviewDate] = useState('')
  const { error, setError, run } = useAction()

  const setCommitment = (index: number, change: Partial<CommitmentDraft>) =>
    setCommitments((current) =>
      current.map((item, at) => (at === index ? { ...item, ...change } : item)),
    )

  const submit = async () => {
    if (!secondPartyId) return setError('请选择乙方')
    const created = await run(
      call('agreements', 'create', {
        kind,
        title,
        firstPartyId,
        secondPartyId,
        scopes,
        term: { from, to },
        commitments: commitments.map((item) => ({
          kind: item.kind,
          description: item.description,
          quantity: Number(item.quantity),
        })),
        kpis: kpi.name.trim() ? [kpi] : [],
        reviewDates: reviewDate ? [reviewDate] : [],
      }),
    )
    if (created) await Taro.redirectTo({ url: ROUTES.agreement(created.id) })
  }

  return (
    <View className='agreements-page'>
      <QueryState query={choices}>
        {(view) => {
          const matching = view.choices
            .filter((choice) => choice.name.includes(search.trim()))
            .slice(0, SHOWN_CHOICES)
          return (
            <>
              <CellGroup title='协议双方'>
                <Cell title='甲方' extra={view.firstPartyName} />
                {view.choices.length > SHOWN_CHOICES && (
                  <Cell>
                    <Input
                      value={search}
                      onChange={setSearch}
                      placeholder='输入名称查找乙方'
                      maxLength={30}
                    />
                  </Cell>
                )}
                <Field label='乙方'>
                  <SingleChoice
                    labels={Object.fromEntries(matching.map((choice) => [choice.id, choice.name]))}
                    value={secondPartyId}
                    onChange={setSecondPartyId}
                  />
                </Field>
              </CellGroup>
              <CellGroup title='协议名称'>
                <Cell>
                  <Input
                    value={title}
                    onChange={setTitle}
                    placeholder='如：2026 年度社区共建协议'
                    maxLength={60}
                  />
                </Cell>
              </CellGroup>
              <CellGroup title='合作范围'>
                <Cell>
                  <MultiChoice labels={AGREEMENT_SCOPES} value={scopes} onChange={setScopes} />
                </Cell>
              </CellGroup>
              <CellGroup title='协议期限'>
                <PickerCell mode='date' title='开始日期' value={from} onChange={setFrom} />
                <PickerCell mode='date' title='结束日期' value={to} onChange={setTo} />
                <PickerCell
                  mode='date'
                  title='复核日期'
                  value={reviewDate}
                  onChange={setReviewDate}
                />
              </CellGroup>
              {commitments.map((item, at) => (
                <CellGroup key={at} title={`承诺事项 ${at + 1}`}>
                  <Cell>
                    <SingleChoice
                      labels={COMMITMENT_LABELS}
                      value={item.kind}
                      onChange={(value) => setCommitment(at, { kind: value })}
                    />
                  </Cell>
                  <Cell>
                    <Input
                      value={item.description}
                      onChange={(description) => setCommitment(at, { description })}
                      placeholder='承诺内容'
                      maxLength={100}
                    />
                  </Cell>
                  <Cell>
                    <Input
                      type='number'
                      value={item.quantity}
                      onChange={(quantity) => setCommitment(at, { quantity })}
                      placeholder={`承诺数量（${COMMITMENT_KINDS[item.kind].unit}）`}
                      maxLength={9}
                    />
                  </Cell>
                </CellGroup>
              ))}
              <Cell
                title='添加承诺事项'
                clickable
                onClick={() =>
                  setCommitments([
                    ...commitments,
                    { kind: 'sessions', description: '', quantity: '' },
                  ])
                }
              />
              <CellGroup title='考核指标（选填）'>
                <Cell>
                  <Input
                    value={kpi.name}
                    onChange={(name) => setKpi({ ...kpi, name })}
                    placeholder='指标，如：居民满意度'
                    maxLength={40}
                  />
                </Cell>
                <Cell>
                  <Input
                    value={kpi.target}
                    onChange={(target) => setKpi({ ...kpi, target })}
                    placeholder='目标，如：90% 以上'
                    maxLength={60}
                  />
                </Cell>
              </CellGroup>
              {error && <Text className='agreement-error'>{error}</Text>}
              <View className='agreement-actions'>
                <Button type='primary' block onClick={() => void submit()}>
                  保存协议草稿
                </Button>
              </View>
            </>
          )
        }}
      </QueryState>
    </View>
  )
}
