import { Button, Cell, CellGroup, Input, TextArea } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type { RoleView } from '../../../../../cloudfunctions/features/api'
import {
  VOLUNTEER_SKILLS,
  type VolunteerSkill,
} from '../../../../../cloudfunctions/features/volunteers/domain'
import { MultiChoice } from '../../../../components/ChoiceButtons'
import { Field } from '../../../../components/Field'
import { today } from '../../../../services/dates'
import { PickerCell } from '../../../../components/PickerCell'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { loadCommunityChoices } from '../../../../services/communityChoices'
import '../../components/volunteers.scss'

/** The roles that may publish shifts: members of an organization, workers of a community. */
const organizerRoles = (roles: RoleView[]) =>
  roles.filter((role) => role.kind === 'org_member' || role.kind === 'community_worker')

/** An organization's member or a community worker publishes a volunteer shift (岗位/班次). */
export default function PublishShiftPage() {
  const context = useCloudQuery(
    useCallback(async () => {
      const [me, choices] = await Promise.all([call('account', 'me'), loadCommunityChoices()])
      if (!me.ok) return me
      if (!choices.ok) return choices
      return { ok: true as const, data: { roles: organizerRoles(me.data.roles), ...choices.data } }
    }, []),
  )
  const [organizerIndex, setOrganizerIndex] = useState(0)
  const [communityIndex, setCommunityIndex] = useState(-1)
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [place, setPlace] = useState('')
  const [date, setDate] = useState('')
  const [start, setStart] = useState('09:00')
  const [end, setEnd] = useState('11:00')
  const [capacity, setCapacity] = useState('5')
  const [skills, setSkills] = useState<VolunteerSkill[]>([])
  const [error, setError] = useState<string>()

  return (
    <View className='volunteers'>
      <QueryState
        query={context}
        isEmpty={({ roles }) => roles.length === 0}
        emptyText='只有组织成员或社区工作者可以发布班次'
      >
        {({ roles, communities, homeCommunityId }) => {
          const organizer = roles[organizerIndex] ?? roles[0]
          const communityId =
            organizer.kind === 'community_worker'
              ? organizer.scopeId
              : (communities[communityIndex]?.id ?? homeCommunityId)
          const submit = async () => {
            if (!communityId) return setError('请选择服务社区')
            const result = await call('shifts', 'publish', {
              organizer: {
                kind: organizer.kind === 'org_member' ? 'org' : 'community',
                id: organizer.scopeId,
              },
              communityId,
              title,
              description,
              place,
              date,
              start,
              end,
              capacity: Number(capacity),
              requiredSkills: skills,
            })
            if (!result.ok) return setError(result.error.message)
            await Taro.showToast({ title: '班次已发布', icon: 'success' })
            await Taro.redirectTo({ url: ROUTES.shiftRoster(result.data.id) })
          }
          return (
            <>
              <CellGroup title='发布方'>
                <Picker
                  mode='selector'
                  range={roles.map((role) => role.label)}
                  onChange={(event) => setOrganizerIndex(Number(event.detail.value))}
                >
                  <Cell title='以谁的名义' extra={organizer.label} clickable />
                </Picker>
                {organizer.kind === 'org_member' && (
                  <Picker
                    mode='selector'
                    range={communities.map((community) => community.name)}
                    onChange={(event) => setCommunityIndex(Number(event.detail.value))}
                  >
                    <Cell
                      title='服务社区'
                      extra={
                        communities.find((community) => community.id === communityId)?.name ??
                        '请选择'
                      }
                      clickable
                    />
                  </Picker>
                )}
              </CellGroup>
              <CellGroup title='班次信息'>
                <Field label='岗位名称'>
                  <Input value={title} onChange={setTitle} placeholder='如 医院导诊' />
                </Field>
                <Field label='岗位说明'>
                  <TextArea
                    value={description}
                    onChange={setDescription}
                    placeholder='岗位说明：做什么、注意事项'
                    maxLength={300}
                  />
                </Field>
                <Field label='地点'>
                  <Input value={place} onChange={setPlace} placeholder='如 区人民医院门诊大厅' />
                </Field>
                <PickerCell
                  mode='date'
                  title='日期'
                  value={date}
                  onChange={setDate}
                  start={today()}
                />
                <PickerCell mode='time' title='开始时间' value={start} onChange={setStart} />
                <PickerCell mode='time' title='结束时间' value={end} onChange={setEnd} />
                <Field label='招募人数'>
                  <Input value={capacity} onChange={setCapacity} type='number' placeholder='如 5' />
                </Field>
              </CellGroup>
              <CellGroup title='所需技能（可不选）'>
                <Cell>
                  <MultiChoice labels={VOLUNTEER_SKILLS} value={skills} onChange={setSkills} />
                </Cell>
              </CellGroup>
              {error && <Text className='volunteers__error'>{error}</Text>}
              <Button type='primary' block onClick={() => void submit()}>
                发布班次
              </Button>
            </>
          )
        }}
      </QueryState>
    </View>
  )
}
