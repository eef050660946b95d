import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { call } from '../../../../services/cloud'
import '../../components/BookingCard.scss'
import { formatDate } from '../../../../services/dates'

const ratingText = (rating: number | null) => (rating === null ? '暂无评分' : `${rating} 分`)

/** 人次 served, no-shows and ratings, for the organizer and the community. */
export default function StallStatsPage() {
  const eventId = useRouter().params.eventId ?? ''
  const stats = useCloudQuery(useCallback(() => call('stalls', 'stats', { eventId }), [eventId]))
  const markNoShows = async () => {
    await call('stalls', 'markNoShows', { eventId })
    await stats.reload()
  }
  return (
    <View className='stalls-page'>
      <QueryState query={stats}>
        {(data) => (
          <>
            <View className='stall-card'>
              <Text className='stall-card__title'>
                {data.title} · {formatDate(data.date)}
              </Text>
              <Text className='stall-card__line'>
                服务 {data.served} 人次 · 预约 {data.booked} · 候补 {data.waitlisted} · 未到场{' '}
                {data.noShows}
              </Text>
              <Text className='stall-card__line'>
                平均评分 {ratingText(data.averageRating)}（{data.ratings} 条评价）
              </Text>
            </View>
            <CellGroup title='各项目'>
              {data.items.map((item) => (
                <Cell
                  key={item.name}
                  title={item.name}
                  description={`服务 ${item.served} 人次 · 预约 ${item.booked} · ${ratingText(item.averageRating)}`}
                />
              ))}
            </CellGroup>
            <View className='slot-grid'>
              <Button block onClick={() => void markNoShows()}>
                登记已结束时段的未到场
              </Button>
            </View>
          </>
        )}
      </QueryState>
    </View>
  )
}
