import { Button, Cell, CellGroup, Checkbox, Input, Radio } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import {
  TIMES_OF_DAY,
  VOLUNTEER_KINDS,
  VOLUNTEER_SKILLS,
  type TimeOfDay,
  type VolunteerKind,
  type VolunteerSkill,
  type Weekday,
} from '../../../../../cloudfunctions/features/volunteers/domain'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { loadCommunityChoices, type CommunityChoice } from '../../../../services/communityChoices'
import { MultiChoice } from '../../components/MultiChoice'
import '../../components/volunteers.scss'

const WEEKDAYS: [Weekday, string][] = [
  [1, '周一'],
  [2, '周二'],
  [3, '周三'],
  [4, '周四'],
  [5, '周五'],
  [6, '周六'],
  [7, '周日'],
]
const entries = <K extends string>(labels: Record<K, string>) =>
  Object.entries(labels) as [K, string][]

/** 双报到: a signed-in user registers as a community volunteer, with consent for name and phone. */
export default function VolunteerRegisterPage() {
  const context = useCloudQuery(loadCommunityChoices)
  return (
    <View className='volunteers'>
      <QueryState query={context}>
        {({ homeCommunityId, communities }) => (
          <RegisterForm communities={communities} homeCommunityId={homeCommunityId} />
        )}
      </QueryState>
    </View>
  )
}

function RegisterForm({
  communities,
  homeCommunityId,
}: {
  communities: CommunityChoice[]
  homeCommunityId?: string
}) {
  const [kind, setKind] = useState<VolunteerKind>('resident')
  const [communityId, setCommunityId] = useState(homeCommunityId ?? '')
  const [skills, setSkills] = useState<VolunteerSkill[]>([])
  const [weekdays, setWeekdays] = useState<Weekday[]>([])
  const [times, setTimes] = useState<TimeOfDay[]>([])
  const [realName, setRealName] = useState('')
  const [phone, setPhone] = useState('')
  const [consent, setConsent] = useState(false)
  const [error, setError] = useState<string>()
  const [submitting, setSubmitting] = useState(false)
  const labels = communities.map((community) => `${community.streetName} · ${community.name}`)
  const communityIndex = communities.findIndex((community) => community.id === communityId)

  const submit = async () => {
    if (!communityId) return setError('请选择所在社区')
    if (!consent) return setError('请阅读并同意个人信息收集说明')
    setSubmitting(true)
    const result = await call('volunteers', 'register', {
      kind,
      communityId,
      skills,
      availability: { weekdays, times },
      realName,
      phone: phone.trim(),
      consent: true,
    })
    setSubmitting(false)
    if (!result.ok) return setError(result.error.message)
    await Taro.showToast({ title: '已提交，等待社区审核', icon: 'success' })
    await Taro.redirectTo({ url: ROUTES.volunteerService })
  }

  return (
    <>
      <CellGroup title='报到身份'>
        <Cell>
          <Radio.Group
            className='volunteers__choices'
            direction='horizontal'
            value={kind}
            onChange={(chosen) => setKind(chosen as VolunteerKind)}
          >
            {entries(VOLUNTEER_KINDS).map(([key, label]) => (
              <Radio key={key} value={key} shape='button'>
                {label}
              </Radio>
            ))}
          </Radio.Group>
        </Cell>
        <Picker
          mode='selector'
          range={labels}
          value={Math.max(communityIndex, 0)}
          onChange={(event) => setCommunityId(communities[Number(event.detail.value)].id)}
        >
          <Cell
            title='报到社区'
            extra={communityIndex >= 0 ? labels[communityIndex] : '请选择'}
            clickable
          />
        </Picker>
      </CellGroup>
      <CellGroup title='技能特长'>
        <Cell>
          <MultiChoice labels={entries(VOLUNTEER_SKILLS)} value={skills} onChange={setSkills} />
        </Cell>
      </CellGroup>
      <CellGroup title='可服务时间'>
        <Cell>
          <MultiChoice labels={WEEKDAYS} value={weekdays} onChange={setWeekdays} />
        </Cell>
        <Cell>
          <MultiChoice labels={entries(TIMES_OF_DAY)} value={times} onChange={setTimes} />
        </Cell>
      </CellGroup>
      <CellGroup title='实名信息'>
        <Cell>
          <Input value={realName} onChange={setRealName} placeholder='真实姓名' maxLength={20} />
        </Cell>
        <Cell>
          <Input type='tel' value={phone} onChange={setPhone} placeholder='手机号' maxLength={11} />
        </Cell>
      </CellGroup>
      <Text className='volunteers__note'>
        个人信息收集说明：真实姓名和手机号仅用于志愿服务登记、审核与时长证明；其他人只能看到部分隐去的姓名和号码，社区工作人员查看完整信息会留下记录。
      </Text>
      <Cell>
        <Checkbox checked={consent} onChange={setConsent} label='我已阅读并同意个人信息收集说明' />
      </Cell>
      {error && <Text className='volunteers__error'>{error}</Text>}
      <View className='volunteers__actions'>
        <Button block type='primary' loading={submitting} onClick={() => void submit()}>
          提交登记
        </Button>
      </View>
    </>
  )
}
