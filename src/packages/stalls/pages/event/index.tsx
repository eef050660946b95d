import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { useScene } from '../../../../hooks/useScene'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { askToNotify } from '../../../../services/subscriptions'
import { formatDate } from '../../../../services/dates'
import type { SlotView, StallEventDetail } from '../../../../../cloudfunctions/features/api'
import { BookingCard } from '../../components/BookingCard'
import '../../components/BookingCard.scss'

type Item = StallEventDetail['itemsWithSlots'][number]

/** The slots the resident holds or waits for, with what the button says instead of places left. */
function heldSlots(event: StallEventDetail): Map<string, string> {
  return new Map(
    event.myBookings
      .filter((booking) => booking.status !== 'cancelled')
      .map((booking) => [booking.slotId, booking.status === 'booked' ? '我已预约' : '我在候补']),
  )
}

/**
 * An event's items and slots with the places left; book, or join a full slot's waitlist. Opened
 * from the event's check-in code (posted at the stall), it checks the resident in.
 */
export default function StallEventPage() {
  const params = useRouter().params
  const scene = useScene()
  const checkIn = scene?.kind === 'stallCheckIn' ? scene : undefined
  const eventId = checkIn?.eventId ?? params.eventId ?? ''
  const [error, setError] = useState<string>()
  // A booking's refusal shows under the item whose slot was tapped, not above the list.
  const [refusal, setRefusal] = useState<{ itemId: string; message: string }>()
  const [checkedIn, setCheckedIn] = useState<string>()
  const detail = useCloudQuery(useCallback(() => call('stalls', 'detail', { eventId }), [eventId]))

  const book = async (event: StallEventDetail, item: Item, slot: SlotView) => {
    const joinWaitlist = slot.remaining === 0
    const { confirm } = await Taro.showModal({
      title: joinWaitlist ? '加入候补' : '确认预约',
      content: `${item.name}：${formatDate(event.date)} ${slot.startTime}-${slot.endTime}，${event.place}`,
    })
    if (!confirm) return
    await askToNotify(['bookingReminder', 'waitlistPromoted'])
    const result = await call('stalls', 'book', { slotId: slot.id, joinWaitlist })
    if (!result.ok) return setRefusal({ itemId: item.id, message: result.error.message })
    setRefusal(undefined)
    await Taro.showToast({
      title: result.data.status === 'booked' ? '预约成功' : '已加入候补',
      icon: 'success',
    })
    await detail.reload()
  }

  const selfCheckIn = async (key: string) => {
    const result = await call('stalls', 'selfCheckIn', { eventId, key })
    if (!result.ok) return setError(result.error.message)
    setError(undefined)
    setCheckedIn(
      `签到成功：${result.data.itemName} ${result.data.startTime}-${result.data.endTime}`,
    )
    await detail.reload()
  }

  return (
    <View className='stalls-page'>
      <QueryState query={detail}>
        {(event) => (
          <>
            <View className='stall-card'>
              <Text className='stall-card__title'>{event.title}</Text>
              <Text className='stall-card__line'>
                {formatDate(event.date)} · {event.communityName} · {event.place}
              </Text>
              <Text className='stall-card__line'>主办：{event.organizerName}</Text>
            </View>
            {checkIn && (
              <View className='stall-card'>
                <Text className='stall-card__title'>{checkedIn ?? '现场签到'}</Text>
                {!checkedIn && (
                  <Button type='primary' block onClick={() => void selfCheckIn(checkIn.key)}>
                    确认签到
                  </Button>
                )}
              </View>
            )}
            {event.canManage && (
              <CellGroup title='活动管理'>
                <Cell
                  title='现场签到'
                  clickable
                  onClick={() => void Taro.navigateTo({ url: ROUTES.stallCheckIn(event.id) })}
                />
                <Cell
                  title='活动统计'
                  clickable
                  onClick={() => void Taro.navigateTo({ url: ROUTES.stallStats(event.id) })}
                />
              </CellGroup>
            )}
            {error && <Text className='form-error'>{error}</Text>}
            {event.myBookings.map((booking) => (
              <BookingCard key={booking.id} booking={booking} onChanged={detail.reload} />
            ))}
            {event.itemsWithSlots.map((item) => {
              const held = heldSlots(event)
              return (
                <CellGroup
                  key={item.id}
                  title={`${item.name} · ${item.startTime}-${item.endTime} · 余 ${item.remaining} 个名额`}
                >
                  <View className='slot-grid'>
                    {item.slots.map((slot) => {
                      const mine = held.get(slot.id)
                      return (
                        <Button
                          key={slot.id}
                          className={mine ? 'slot-button slot-button--held' : 'slot-button'}
                          type={mine ? 'success' : slot.remaining > 0 ? 'primary' : 'default'}
                          disabled={Boolean(mine)}
                          onClick={() => void book(event, item, slot)}
                        >
                          {slot.startTime}{' '}
                          {mine ?? (slot.remaining > 0 ? `余${slot.remaining}` : '候补')}
                        </Button>
                      )
                    })}
                  </View>
                  {refusal?.itemId === item.id && (
                    <Text className='form-error'>{refusal.message}</Text>
                  )}
                </CellGroup>
              )
            })}
          </>
        )}
      </QueryState>
    </View>
  )
}
