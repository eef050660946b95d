import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { BookingCard } from '../../components/BookingCard'
import '../../components/BookingCard.scss'

// The subscription template for the day-before reminder, configured in the WeChat admin console.
const REMINDER_TEMPLATE_ID = 'stall-reminder'

/** Asks the resident (weapp only) to allow the day-before reminder; a refusal changes nothing. */
async function requestReminderPermission() {
  if (process.env.TARO_ENV !== 'weapp') return
  await Taro.requestSubscribeMessage({ tmplIds: [REMINDER_TEMPLATE_ID] } as never).catch(
    () => undefined,
  )
}

/** An event's items and slots with the places left; book, or join a full slot's waitlist. */
export default function StallEventPage() {
  const eventId = useRouter().params.eventId ?? ''
  const [error, setError] = useState<string>()
  const detail = useCloudQuery(useCallback(() => call('stalls', 'detail', { eventId }), [eventId]))

  const book = async (slotId: string, joinWaitlist: boolean) => {
    await requestReminderPermission()
    const result = await call('stalls', 'book', { slotId, joinWaitlist })
    if (!result.ok) return setError(result.error.message)
    setError(undefined)
    await Taro.showToast({
      title: result.data.status === 'booked' ? '预约成功' : '已加入候补',
      icon: 'success',
    })
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
                {event.date} · {event.communityName} · {event.place}
              </Text>
              <Text className='stall-card__line'>主办：{event.organizerName}</Text>
            </View>
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
            {event.myBookings.map((booking) => (
              <BookingCard key={booking.id} booking={booking} onChanged={detail.reload} />
            ))}
            {error && <Text className='form-error'>{error}</Text>}
            {event.itemsWithSlots.map((item) => (
              <CellGroup
                key={item.id}
                title={`${item.name} · ${item.startTime}-${item.endTime} · 余 ${item.remaining} 个名额`}
              >
                <View className='slot-grid'>
                  {item.slots.map((slot) => (
                    <Button
                      key={slot.id}
                      size='small'
                      type={slot.remaining > 0 ? 'primary' : 'default'}
                      onClick={() => void book(slot.id, slot.remaining === 0)}
                    >
                      {slot.startTime} {slot.remaining > 0 ? `余${slot.remaining}` : '候补'}
                    </Button>
                  ))}
                </View>
              </CellGroup>
            ))}
          </>
        )}
      </QueryState>
    </View>
  )
}
