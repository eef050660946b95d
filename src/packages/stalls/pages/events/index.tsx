import { SearchBar } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import '../../components/BookingCard.scss'

/** Upcoming service events, searchable by item (理发, 磨刀 …). */
export default function StallEventsPage() {
  const [itemName, setItemName] = useState('')
  const events = useCloudQuery(
    useCallback(() => call('stalls', 'list', itemName ? { itemName } : {}), [itemName]),
  )
  return (
    <View className='stalls-page'>
      <SearchBar
        placeholder='搜索服务项目，如 理发、磨刀'
        onSearch={(value) => setItemName(value.trim())}
      />
      <QueryState query={events} isEmpty={(list) => list.length === 0} emptyText='近期没有服务活动'>
        {(list) =>
          list.map((event) => (
            <View
              key={event.id}
              className='stall-card'
              onClick={() => void Taro.navigateTo({ url: ROUTES.stallEvent(event.id) })}
            >
              <Text className='stall-card__title'>{event.title}</Text>
              <Text className='stall-card__line'>
                {event.date} · {event.communityName} · {event.place}
              </Text>
              <Text className='stall-card__line'>
                {event.items.map((item) => `${item.name}（余 ${item.remaining}）`).join('、')}
              </Text>
            </View>
          ))
        }
      </QueryState>
    </View>
  )
}
