import { Button, SearchBar } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import '../../components/BookingCard.scss'
import { formatDate } from '../../../../services/dates'

/** Upcoming service events, searchable by item (理发, 磨刀 …), everywhere or in one's own community. */
export default function StallEventsPage() {
  const [itemName, setItemName] = useState('')
  const [onlyMyCommunity, setOnlyMyCommunity] = useState(false)
  const me = useCloudQuery(useCallback(() => call('account', 'me'), []))
  const homeCommunity = me.data?.homeCommunity
  const communityId = onlyMyCommunity ? homeCommunity?.id : undefined
  const events = useCloudQuery(
    useCallback(
      () =>
        call('stalls', 'list', {
          ...(itemName ? { itemName } : {}),
          ...(communityId ? { communityId } : {}),
        }),
      [itemName, communityId],
    ),
  )
  return (
    <View className='stalls-page'>
      <SearchBar
        placeholder='搜索服务项目，如 理发、磨刀'
        onSearch={(value) => setItemName(value.trim())}
      />
      {homeCommunity && (
        <View className='slot-grid'>
          <Button
            size='small'
            type={onlyMyCommunity ? 'default' : 'primary'}
            onClick={() => setOnlyMyCommunity(false)}
          >
            全部社区
          </Button>
          <Button
            size='small'
            type={onlyMyCommunity ? 'primary' : 'default'}
            onClick={() => setOnlyMyCommunity(true)}
          >
            只看{homeCommunity.name}
          </Button>
        </View>
      )}
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
                {formatDate(event.date)} · {event.communityName} · {event.place}
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
