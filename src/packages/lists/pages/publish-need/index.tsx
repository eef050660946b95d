import { Button, Cell, CellGroup, Checkbox, Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useCallback, useState } from 'react'
import {
  FOCUS_GROUPS,
  SERVICE_DOMAINS,
  type FocusGroup,
  type ServiceDomain,
} from '../../../../../cloudfunctions/shared/categories'
import { UNIT_CHOICES } from '../../../../../cloudfunctions/shared/serviceKinds'
import { DateRangeCells } from '../../../../components/PickerCell'
import { QueryState } from '../../../../components/QueryState'
import { today } from '../../../../services/dates'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { askToNotify } from '../../../../services/subscriptions'
import { MultiChoice, SingleChoice } from '../../../../components/ChoiceButtons'
import { NEED_LIST_LABELS, PRIORITY_LABELS } from '../../labels'
import { useServiceKinds } from '../../hooks/useServiceKinds'
import '../../components/lists.scss'
import { Field } from '../../../../components/Field'

const SPLITTABLE = { yes: '可由多家分担', no: '须由一家承接' } as const

/** A worker publishes a line of the community's need list, optionally from residents' needs. */
export default function PublishNeedPage() {
  const communityId = useRouter().params.communityId ?? ''
  const residentsNeeds = useCloudQuery(
    useCallback(
      () => call('needs', 'listCommunity', { communityId, status: 'open' }),
      [communityId],
    ),
  )
  const [list, setList] = useState<keyof typeof NEED_LIST_LABELS>('basic')
  const [domain, setDomain] = useState<ServiceDomain>()
  const [focusGroups, setFocusGroups] = useState<FocusGroup[]>([])
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [quantity, setQuantity] = useState('')
  const { choices: kindChoices } = useServiceKinds()
  const [kind, setKind] = useState<string>()
  const [unit, setUnit] = useState('次')
  const [seats, setSeats] = useState('')
  const [splittable, setSplittable] = useState<keyof typeof SPLITTABLE>('yes')
  // A window starting today and running a quarter: what most lines ask for, and never past.
  const [from, setFrom] = useState(today)
  const [to, setTo] = useState(() => dayjs().add(3, 'month').format('YYYY-MM-DD'))
  const [priority, setPriority] = useState<keyof typeof PRIORITY_LABELS>('medium')
  const [promotedFrom, setPromotedFrom] = useState<string[]>([])
  const [error, setError] = useState<string>()
  const [submitting, setSubmitting] = useState(false)

  const submit = async () => {
    if (!domain) return setError('请选择服务领域')
    setSubmitting(true)
    await askToNotify(['todoReminder'])
    const result = await call('lists', 'publishNeed', {
      communityId,
      list,
      domain,
      focusGroups,
      title,
      description,
      quantity: Number(quantity),
      unit,
      ...(kind ? { kind } : {}),
      ...(seats ? { seats: Number(seats) } : {}),
      splittable: splittable === 'yes',
      window: { from, to },
      priority,
      promotedFrom,
    })
    setSubmitting(false)
    if (!result.ok) return setError(result.error.message)
    await Taro.showToast({ title: '已发布', icon: 'success' })
    await Taro.redirectTo({ url: ROUTES.communityNeedList(communityId) })
  }

  return (
    <View className='lists-form'>
      <CellGroup title='清单与领域'>
        <Cell>
          <SingleChoice labels={NEED_LIST_LABELS} value={list} onChange={setList} />
        </Cell>
        <Cell>
          <SingleChoice labels={SERVICE_DOMAINS} value={domain} onChange={setDomain} />
        </Cell>
        <Cell>
          <MultiChoice labels={FOCUS_GROUPS} value={focusGroups} onChange={setFocusGroups} />
        </Cell>
      </CellGroup>
      <CellGroup title='需求内容'>
        <Field label='服务类型'>
          <SingleChoice labels={kindChoices} value={kind} onChange={setKind} />
        </Field>
        <Cell>
          <Input value={title} onChange={setTitle} placeholder='需求名称，如：卫生死角清理' />
        </Cell>
        <Cell>
          <TextArea
            value={description}
            onChange={setDescription}
            placeholder='需求描述'
            maxLength={500}
          />
        </Cell>
        <Cell>
          <Input type='digit' value={quantity} onChange={setQuantity} placeholder='数量，如 6' />
        </Cell>
        <Field label='单位'>
          <SingleChoice labels={UNIT_CHOICES} value={unit} onChange={setUnit} />
        </Field>
        <Cell>
          <Input
            type='digit'
            value={seats}
            onChange={setSeats}
            placeholder='需要场地容纳的人数（选填）'
          />
        </Cell>
        <Cell>
          <SingleChoice labels={SPLITTABLE} value={splittable} onChange={setSplittable} />
        </Cell>
        <DateRangeCells
          label='需求时间'
          from={from}
          to={to}
          onChange={(range) => {
            setFrom(range.from)
            setTo(range.to)
          }}
          earliest={today()}
        />
        <Field label='优先级'>
          <SingleChoice labels={PRIORITY_LABELS} value={priority} onChange={setPriority} />
        </Field>
      </CellGroup>
      <CellGroup title='转入居民需求（选填）'>
        <QueryState
          query={residentsNeeds}
          isEmpty={(page) => page.total === 0}
          emptyText='暂无待受理的居民需求'
        >
          {(page) => (
            <Checkbox.Group
              value={promotedFrom}
              onChange={(ids) => setPromotedFrom(ids as string[])}
            >
              {page.items.map((need) => (
                <Cell key={need.id}>
                  <Checkbox value={need.id}>
                    {need.residentName}：{need.description}
                  </Checkbox>
                </Cell>
              ))}
            </Checkbox.Group>
          )}
        </QueryState>
      </CellGroup>
      {error && <Text className='lists-form__error'>{error}</Text>}
      <View className='lists-form__actions'>
        <Button block type='primary' loading={submitting} onClick={() => void submit()}>
          发布到需求清单
        </Button>
      </View>
    </View>
  )
}
