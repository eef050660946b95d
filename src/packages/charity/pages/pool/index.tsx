import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { DONATION_KINDS } from '../../../../../cloudfunctions/features/charity/domain'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { moveLine } from '../../labels'

/** A street's 慈善资源库: the 爱心超市's stock, donations and distributions, and the notice. */
export default function CharityPoolPage() {
  const streetId = useRouter().params.streetId ?? ''
  const pool = useCloudQuery(useCallback(() => call('charity', 'pool', { streetId }), [streetId]))
  const go = (url: string) => () => void Taro.navigateTo({ url })
  return (
    <View className='page'>
      <QueryState query={pool}>
        {(view) => (
          <>
            <View className='page__card'>
              <Text className='page__title'>{view.name}</Text>
              <Text className='page__line'>
                {view.streetName} · {view.storeName}
                {view.operatorOrgName ? ` · ${view.operatorOrgName}运营` : ''}
              </Text>
              <Text className='page__note'>
                本平台只登记与公示，不收取善款。捐款请通过{view.partner.charityName}的「
                {view.partner.projectName}」项目：{view.partner.url}
              </Text>
            </View>
            <CellGroup>
              <Cell
                title='季度公示'
                description='捐赠、发放与库存，账物相符'
                clickable
                onClick={go(ROUTES.charityNotice(streetId))}
              />
              {view.canManage && (
                <Cell
                  title='登记捐赠'
                  description='善款凭收据登记；物资入库'
                  clickable
                  onClick={go(ROUTES.charityDonate(streetId))}
                />
              )}
            </CellGroup>
            <CellGroup title={`${view.storeName}库存`}>
              {view.stock.length === 0 && <Cell title='暂无物资' />}
              {view.stock.map((item) => (
                <Cell
                  key={item.id}
                  title={item.name}
                  description={item.reconciled ? '账物相符' : '账目待核对'}
                  extra={`${item.balance} ${item.unit}`}
                  clickable
                  onClick={go(ROUTES.charityItem(streetId, item.id))}
                />
              ))}
            </CellGroup>
            <CellGroup title='最近捐赠'>
              {view.donations.length === 0 && <Cell title='暂无捐赠' />}
              {view.donations.map((donation) => (
                <Cell
                  key={donation.id}
                  title={`${donation.donorLabel} · ${DONATION_KINDS[donation.kind]}`}
                  description={donation.summary}
                  extra={donation.receivedOn}
                />
              ))}
            </CellGroup>
            <CellGroup title='最近出入库'>
              {view.moves.length === 0 && <Cell title='暂无记录' />}
              {view.moves.map((move) => (
                <Cell
                  key={move.id}
                  title={`${move.itemName} · ${move.note}`}
                  description={moveLine(move)}
                  extra={move.date}
                />
              ))}
            </CellGroup>
          </>
        )}
      </QueryState>
    </View>
  )
}
