import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import '../../components/Councils.scss'

/** The councils the user may see: the district's every street, a street's own, those one sits on. */
export default function CouncilsPage() {
  const list = useCloudQuery(useCallback(() => call('councils', 'list', {}), []))
  return (
    <View className='councils-page'>
      <QueryState
        query={list}
        isEmpty={(data) => data.councils.length === 0}
        emptyText='您尚未参加任何街道的共建议事会'
      >
        {({ councils }) => (
          <CellGroup>
            {councils.map((council) => (
              <Cell
                key={council.streetId}
                title={`${council.streetName}共建议事会`}
                description={`委员 ${council.memberCount} 人 · ${
                  council.latest
                    ? `最近一次 ${council.latest.quarter}（${council.latest.heldOn}，${council.latest.status === 'open' ? '进行中' : '已结束'}）`
                    : '尚未召开'
                }`}
                clickable
                onClick={() => void Taro.navigateTo({ url: ROUTES.council(council.streetId) })}
              />
            ))}
          </CellGroup>
        )}
      </QueryState>
    </View>
  )
}
