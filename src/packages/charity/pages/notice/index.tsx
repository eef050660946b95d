import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { DONATION_KINDS } from '../../../../../cloudfunctions/features/charity/domain'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { call } from '../../../../services/cloud'
import { moveLine, yuanOf } from '../../labels'

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
            <CellGroup title='捐赠明细'>
              {view.donations.length === 0 && <Cell title='本季度无捐赠' />}
              {view.donations.map((donation) => (
                <Cell
                  key={donation.id}
                  title={`${donation.donorLabel} · ${DONATION_KINDS[donation.kind]}`}
                  description={donation.summary}
                  extra={donation.receivedOn}
                />
              ))}
            </CellGroup>
            <CellGroup title='发放明细'>
              {view.distributions.length === 0 && <Cell title='本季度无发放' />}
              {view.distributions.map((move) => (
                <Cell
                  key={move.id}
                  title={`${move.itemName} · ${move.note}`}
                  description={moveLine(move)}
                  extra={move.date}
                />
              ))}
            </CellGroup>
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
