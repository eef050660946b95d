import { Button, Rate, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { BookingView } from '../../../../cloudfunctions/features/api'
import { call } from '../../../services/cloud'
import { QrCode } from '../../../components/QrCode'
import './BookingCard.scss'
import { formatDate } from '../../../services/dates'

function statusLabel(booking: BookingView): string {
  if (booking.status === 'cancelled') return '已取消'
  if (booking.status === 'waitlisted') return `候补中 · 第 ${booking.waitlistPosition ?? 1} 位`
  if (booking.checkedIn) return '已签到'
  if (booking.noShow) return '未到场'
  return '预约成功'
}

/** One of the resident's bookings: its code while usable, cancel before the deadline, rating after the service. */
export function BookingCard({
  booking,
  onChanged,
}: {
  booking: BookingView
  onChanged: () => Promise<void>
}) {
  const [rating, setRating] = useState(5)
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string>()

  const act = async (run: () => ReturnType<typeof call>) => {
    const result = await run()
    if (!result.ok) return setError(result.error.message)
    setError(undefined)
    await onChanged()
  }
  const cancel = async () => {
    const { confirm } = await Taro.showModal({ title: '取消预约', content: '确定取消这次预约吗？' })
    if (confirm) await act(() => call('stalls', 'cancel', { bookingId: booking.id }))
  }
  const rate = () =>
    act(() =>
      call('stalls', 'rate', {
        bookingId: booking.id,
        rating,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
    )

  return (
    <View className='booking-card'>
      <View className='booking-card__head'>
        <Text className='booking-card__title'>
          {booking.itemName} · {booking.eventTitle}
        </Text>
        <Text className={`booking-card__status booking-card__status--${booking.status}`}>
          {statusLabel(booking)}
        </Text>
      </View>
      <Text className='booking-card__line'>
        {formatDate(booking.date)} {booking.startTime}-{booking.endTime}
      </Text>
      <Text className='booking-card__line'>地点：{booking.place}</Text>
      {booking.checkInCode && (
        <QrCode value={booking.checkInCode} caption={`签到码 ${booking.checkInCode}`} />
      )}
      {booking.rating && (
        <Text className='booking-card__line'>
          我的评价：{booking.rating} 分{booking.comment ? ` · ${booking.comment}` : ''}
        </Text>
      )}
      {booking.canRate && (
        <View className='booking-card__rate'>
          <Text>为本次服务打分</Text>
          <Rate value={rating} onChange={setRating} />
          <TextArea
            value={comment}
            onChange={setComment}
            placeholder='说说您的感受（选填）'
            maxLength={200}
          />
          <Button type='primary' size='small' onClick={() => void rate()}>
            提交评价
          </Button>
        </View>
      )}
      {booking.canCancel && (
        <View className='booking-card__actions'>
          <Text className='booking-card__hint'>
            {booking.status === 'booked' ? '开始前 2 小时可取消' : '有人取消时自动为您预约'}
          </Text>
          <Button size='small' onClick={() => void cancel()}>
            {booking.status === 'waitlisted' ? '退出候补' : '取消预约'}
          </Button>
        </View>
      )}
      {error && <Text className='booking-card__error'>{error}</Text>}
    </View>
  )
}
