import { Button, Cell, CellGroup, Input, TextArea } from '@nutui/nutui-react-taro'
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
import { UNIT_CHOICES, VENUE_KIND } from '../../../../../cloudfunctions/shared/serviceKinds'
import { DateRangeCells } from '../../../../components/PickerCell'
import { QueryState } from '../../../../components/QueryState'
import { today } from '../../../../services/dates'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { MultiChoice, SingleChoice } from '../../../../components/ChoiceButtons'
import { PERIOD_LABELS } from '../../labels'
import { useServiceKinds } from '../../hooks/useServiceKinds'
import '../../components/lists.scss'
import { Field } from '../../../../components/Field'

const WHOLE_DISTRICT = 'district'

/** An organization member publishes a line of the organization's resource list. */
export default function PublishOfferingPage() {
  const organizationId = useRouter().params.organizationId ?? ''
  const tree = useCloudQuery(useCallback(() => call('directory', 'tree'), []))
  const [domains, setDomains] = useState<ServiceDomain[]>([])
  const [focusGroups, setFocusGroups] = useState<FocusGroup[]>([])
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [capacity, setCapacity] = useState('')
  const { choices: kindChoices } = useServiceKinds()
  const [kind, setKind] = useState<string>()
  const [unit, setUnit] = useState('次')
  const [seats, setSeats] = useState('')
  const [period, setPeriod] = useState<keyof typeof PERIOD_LABELS>('year')
  const [area, setArea] = useState<string[]>([WHOLE_DISTRICT])
  // A window starting today and running a quarter: what most lines ask for, and never past.
  const [from, setFrom] = useState(today)
  const [to, setTo] = useState(() => dayjs().add(3, 'month').format('YYYY-MM-DD'))
  const [error, setError] = useState<string>()
  const [submitting, setSubmitting] = useState(false)

  const submit = async () => {
    setSubmitting(true)
    const result = await call('lists', 'publishOffering', {
      organizationId,
      domains,
      focusGroups,
      title,
      description,
      capacity: Number(capacity),
      unit,
      ...(kind ? { kind } : {}),
      ...(seats ? { seats: Number(seats) } : {}),
      period,
      serviceArea: {
        districtWide: area.includes(WHOLE_DISTRICT),
        streetIds: area.filter((id) => id !== WHOLE_DISTRICT),
        communityIds: [],
      },
      availability: { from, to },
    })
    setSubmitting(false)
    if (!result.ok) return setError(result.error.message)
    await Taro.showToast({ title: '已发布', icon: 'success' })
    await Taro.redirectTo({ url: ROUTES.organizationOfferings(organizationId) })
  }

  return (
    <View className='lists-form'>
      <CellGroup title='服务领域与重点人群'>
        <Cell>
          <MultiChoice labels={SERVICE_DOMAINS} value={domains} onChange={setDomains} />
        </Cell>
        <Cell>
          <MultiChoice labels={FOCUS_GROUPS} value={focusGroups} onChange={setFocusGroups} />
        </Cell>
      </CellGroup>
      <CellGroup title='资源内容'>
        <Field label='服务类型'>
          <SingleChoice labels={kindChoices} value={kind} onChange={setKind} />
        </Field>
        <Cell>
          <Input value={title} onChange={setTitle} placeholder='资源名称，如：培训场地' />
        </Cell>
        <Cell>
          <TextArea
            value={description}
            onChange={setDescription}
            placeholder='资源描述'
            maxLength={500}
          />
        </Cell>
        <Cell>
          <Input
            type='digit'
            value={capacity}
            onChange={setCapacity}
            placeholder='可提供数量，如 120'
          />
        </Cell>
        <Field label='单位'>
          <SingleChoice labels={UNIT_CHOICES} value={unit} onChange={setUnit} />
        </Field>
        {kind === VENUE_KIND && (
          <Cell>
            <Input
              type='digit'
              value={seats}
              onChange={setSeats}
              placeholder='场地可容纳人数，如 120'
            />
          </Cell>
        )}
        <Field label='周期'>
          <SingleChoice labels={PERIOD_LABELS} value={period} onChange={setPeriod} />
        </Field>
        <DateRangeCells
          label='服务时间'
          from={from}
          to={to}
          onChange={(range) => {
            setFrom(range.from)
            setTo(range.to)
          }}
          earliest={today()}
        />
      </CellGroup>
      <CellGroup title='服务范围'>
        <QueryState query={tree}>
          {(district) => (
            <Cell>
              <MultiChoice
                labels={{
                  [WHOLE_DISTRICT]: `全区（${district.districtName}）`,
                  ...Object.fromEntries(district.streets.map((street) => [street.id, street.name])),
                }}
                value={area}
                onChange={setArea}
              />
            </Cell>
          )}
        </QueryState>
      </CellGroup>
      {error && <Text className='lists-form__error'>{error}</Text>}
      <View className='lists-form__actions'>
        <Button block type='primary' loading={submitting} onClick={() => void submit()}>
          发布到资源清单
        </Button>
      </View>
    </View>
  )
}
