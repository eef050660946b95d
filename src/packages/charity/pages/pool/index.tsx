import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { DonationCells, MoveCells } from '../../components/LedgerCells'

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
            <DonationCells title='最近捐赠' donations={view.donations} emptyText='暂无捐赠' />
            <MoveCells title='最近出入库' moves={view.moves} emptyText='暂无记录' />
          </>
        )}
      </QueryState>
    </View>
  )
}
