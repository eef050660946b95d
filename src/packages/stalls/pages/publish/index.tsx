import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { Field } from '../../../../components/Field'
import { today } from '../../../../services/dates'
import { PickerCell } from '../../../../components/PickerCell'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import '../../components/BookingCard.scss'

interface ItemDraft {
  name: string
  startTime: string
  endTime: string
  slotMinutes: string
  capacityPerSlot: string
}

const NEW_ITEM: ItemDraft = {
  name: '',
  startTime: '09:00',
  endTime: '11:00',
  slotMinutes: '15',
  capacityPerSlot: '2',
}

/** An organization's member or a community worker publishes a service event (weekly if wanted). */
export default function PublishStallEventPage() {
  const context = useCloudQuery(
    useCallback(async () => {
      const [me, tree] = await Promise.all([call('account', 'me'), call('directory', 'tree')])
      if (!me.ok) return me
      if (!tree.ok) return tree
      const communities = tree.data.streets.flatMap((street) => street.communities)
      return { ok: true as const, data: { me: me.data, communities } }
    }, []),
  )
  const [title, setTitle] = useState('')
  const [place, setPlace] = useState('')
  const [date, setDate] = useState('')
  const [weeks, setWeeks] = useState('1')
  const [communityIndex, setCommunityIndex] = useState(-1)
  const [items, setItems] = useState<ItemDraft[]>([{ ...NEW_ITEM, name: '公益理发' }])
  const [error, setError] = useState<string>()

  const editItem = (index: number, patch: Partial<ItemDraft>) =>
    setItems((current) => current.map((item, at) => (at === index ? { ...item, ...patch } : item)))

  return (
    <View className='stalls-page'>
      <QueryState query={context}>
        {({ me, communities }) => {
          const orgRole = me.roles.find((role) => role.kind === 'org_member')
          const workerCommunity = me.roles.find((role) => role.kind === 'community_worker')?.scopeId
          const chosen = communities[communityIndex]?.id ?? workerCommunity
          const submit = async () => {
            if (!chosen) return setError('请选择举办社区')
            const result = await call('stalls', 'publish', {
              title,
              place,
              date,
              communityId: chosen,
              weeks: Number(weeks),
              ...(orgRole ? { orgId: orgRole.scopeId } : {}),
              items: items.map((item) => ({
                name: item.name,
                startTime: item.startTime,
                endTime: item.endTime,
                slotMinutes: Number(item.slotMinutes),
                capacityPerSlot: Number(item.capacityPerSlot),
              })),
            })
            if (!result.ok) return setError(result.error.message)
            await Taro.showToast({ title: '活动已发布', icon: 'success' })
            await Taro.redirectTo({ url: ROUTES.stallEvent(result.data.eventIds[0]) })
          }
          return (
            <>
              <CellGroup title='活动信息'>
                <Field label='活动名称'>
                  <Input value={title} onChange={setTitle} placeholder='如 公益服务日' />
                </Field>
                <Field label='活动地点'>
                  <Input value={place} onChange={setPlace} placeholder='如 社区广场' />
                </Field>
                <PickerCell
                  mode='date'
                  title='日期'
                  value={date}
                  onChange={setDate}
                  start={today()}
                />
                <Picker
                  mode='selector'
                  range={communities.map((community) => community.name)}
                  onChange={(event) => setCommunityIndex(Number(event.detail.value))}
                >
                  <Cell
                    title='举办社区'
                    extra={
                      communities.find((community) => community.id === chosen)?.name ?? '请选择'
                    }
                  />
                </Picker>
                <Field label='连续举办几周'>
                  <Input
                    value={weeks}
                    onChange={setWeeks}
                    type='number'
                    placeholder='1 表示只办一次'
                  />
                </Field>
              </CellGroup>
              {items.map((item, index) => (
                <CellGroup key={index} title={`服务项目 ${index + 1}`}>
                  <Field label='项目名称'>
                    <Input
                      value={item.name}
                      onChange={(name) => editItem(index, { name })}
                      placeholder='如 公益理发'
                    />
                  </Field>
                  <PickerCell
                    mode='time'
                    title='开始时间'
                    value={item.startTime}
                    onChange={(startTime) => editItem(index, { startTime })}
                  />
                  <PickerCell
                    mode='time'
                    title='结束时间'
                    value={item.endTime}
                    onChange={(endTime) => editItem(index, { endTime })}
                  />
                  <Field label='每个时段（分钟）'>
                    <Input
                      value={item.slotMinutes}
                      type='number'
                      placeholder='如 15'
                      onChange={(slotMinutes) => editItem(index, { slotMinutes })}
                    />
                  </Field>
                  <Field label='每个时段名额（人）'>
                    <Input
                      value={item.capacityPerSlot}
                      type='number'
                      placeholder='如 2'
                      onChange={(capacityPerSlot) => editItem(index, { capacityPerSlot })}
                    />
                  </Field>
                </CellGroup>
              ))}
              <View className='slot-grid'>
                <Button onClick={() => setItems((current) => [...current, { ...NEW_ITEM }])}>
                  添加服务项目
                </Button>
                <Button type='primary' onClick={() => void submit()}>
                  发布活动
                </Button>
              </View>
              {error && <Text className='form-error'>{error}</Text>}
            </>
          )
        }}
      </QueryState>
    </View>
  )
}
