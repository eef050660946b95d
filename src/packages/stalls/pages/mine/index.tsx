import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { BookingCard } from '../../components/BookingCard'
import '../../components/BookingCard.scss'

/** 我的预约: the latest notices (promotions, reminders), then every booking with its code, cancel and rating. */
export default function MyBookingsPage() {
  const bookings = useCloudQuery(useCallback(() => call('stalls', 'myBookings'), []))
  const notices = useCloudQuery(useCallback(() => call('account', 'notifications'), []))
  return (
    <View className='stalls-page'>
      {notices.data?.slice(0, 3).map((notice) => (
        <View key={notice.id} className='stall-card'>
          <Text className='stall-card__title'>{notice.title}</Text>
          <Text className='stall-card__line'>{notice.body}</Text>
        </View>
      ))}
      <QueryState
        query={bookings}
        isEmpty={(list) => list.length === 0}
        emptyText='还没有预约过服务'
        emptyAction={
          <Button type='primary' onClick={() => void Taro.navigateTo({ url: ROUTES.stallEvents })}>
            去服务集市看看
          </Button>
        }
      >
        {(list) =>
          list.map((booking) => (
            <BookingCard key={booking.id} booking={booking} onChanged={bookings.reload} />
          ))
        }
      </QueryState>
    </View>
  )
}
