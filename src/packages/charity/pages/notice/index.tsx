import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { call } from '../../../../services/cloud'
import { DonationCells, MoveCells } from '../../components/LedgerCells'
import { yuanOf } from '../../labels'

/** The quarter's public notice (公示) of a street's charity pool; anyone may read it. */
export default function CharityNoticePage() {
  const params = useRouter().params
  const streetId = params.streetId ?? ''
  const [quarter, setQuarter] = useState(params.quarter)
  const notice = useCloudQuery(
    useCallback(
      () => call('charity', 'notice', { streetId, ...(quarter ? { quarter } : {}) }),
      [streetId, quarter],
    ),
  )
  return (
    <View className='page'>
      <QueryState query={notice}>
        {(view) => (
          <>
            <View className='page__card'>
              <Text className='page__title'>
                {view.poolName} {view.quarterLabel}公示
              </Text>
              <Text className='page__line'>
                {view.streetName} · {view.period.from} 至 {view.period.to}
              </Text>
              <Text className='page__line'>
                捐赠 {view.totals.donations} 笔：善款 {yuanOf(view.totals.cashFen)} 元，义卖所得{' '}
                {yuanOf(view.totals.saleProceedsFen)} 元，物资 {view.totals.goodsDonations} 笔，服务{' '}
                {view.totals.services} 项；发放 {view.totals.distributions} 次
              </Text>
              <Text className='page__note'>
                善款由{view.partner.charityName}「{view.partner.projectName}」接收并开具收据：
                {view.partner.url}
              </Text>
            </View>
            <CellGroup title={`${view.storeName}物资（本季度）`}>
              {view.goods.length === 0 && <Cell title='本季度无物资进出' />}
              {view.goods.map((line) => (
                <Cell
                  key={line.itemName}
                  title={line.itemName}
                  description={`入库 ${line.received} · 发放 ${line.distributed}${line.adjusted ? ` · 盘点 ${line.adjusted}` : ''}`}
                  extra={`期末 ${line.balanceAtEnd} ${line.unit}`}
                />
              ))}
            </CellGroup>
            <DonationCells title='捐赠明细' donations={view.donations} emptyText='本季度无捐赠' />
            <MoveCells title='发放明细' moves={view.distributions} emptyText='本季度无发放' />
            <View className='page__actions'>
              <Button block onClick={() => setQuarter(view.previousQuarter)}>
                上一季度
              </Button>
              {view.nextQuarter && (
                <Button block onClick={() => setQuarter(view.nextQuarter)}>
                  下一季度
                </Button>
              )}
            </View>
          </>
        )}
      </QueryState>
    </View>
  )
}
