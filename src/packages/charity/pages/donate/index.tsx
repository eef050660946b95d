import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useCallback, useState } from 'react'
import {
  DONATION_KINDS,
  DONOR_KINDS,
  type DonationKind,
  type DonorKind,
} from '../../../../../cloudfunctions/features/charity/domain'
import { SingleChoice } from '../../../../components/ChoiceButtons'
import { PickerCell } from '../../../../components/PickerCell'
import { QueryState } from '../../../../components/QueryState'
import { useAction } from '../../../../hooks/useAction'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { Field } from '../../../../components/Field'

const NEW = 'new'

/** Records a donation received: cash and sale proceeds with their receipt, goods into stock. */
export default function DonatePage() {
  const streetId = useRouter().params.streetId ?? ''
  const pool = useCloudQuery(useCallback(() => call('charity', 'pool', { streetId }), [streetId]))
  const [donorIndex, setDonorIndex] = useState(-1)
  const [donorName, setDonorName] = useState('')
  const [donorKind, setDonorKind] = useState<DonorKind>('company')
  const [kind, setKind] = useState<DonationKind>('goods')
  const [receivedOn, setReceivedOn] = useState(dayjs().format('YYYY-MM-DD'))
  const [amount, setAmount] = useState('')
  const [receiptNo, setReceiptNo] = useState('')
  const [itemId, setItemId] = useState(NEW)
  const [itemName, setItemName] = useState('')
  const [unit, setUnit] = useState('')
  const [quantity, setQuantity] = useState('')
  const [service, setService] = useState('')
  const { error, run } = useAction()

  return (
    <View className='page'>
      <QueryState query={pool}>
        {(view) => {
          const donor = view.donors[donorIndex]
          const submit = async () => {
            const donorId =
              donor?.id ??
              (
                await run(
                  call('charity', 'addDonor', { streetId, name: donorName, kind: donorKind }),
                )
              )?.id
            if (!donorId) return
            const money = kind === 'cash' || kind === 'sale_proceeds'
            const recorded = await run(
              call('charity', 'recordDonation', {
                streetId,
                donorId,
                kind,
                receivedOn,
                ...(money ? { amount, receiptNo } : {}),
                ...(kind === 'goods'
                  ? {
                      quantity: Number(quantity),
                      ...(itemId === NEW ? { newItem: { name: itemName, unit } } : { itemId }),
                    }
                  : {}),
                ...(kind === 'service' ? { serviceDescription: service } : {}),
              }),
            )
            if (!recorded) return pool.reload()
            await Taro.showToast({ title: '已登记', icon: 'success' })
            await Taro.redirectTo({ url: ROUTES.charityPool(streetId) })
          }
          return (
            <>
              <CellGroup title='捐赠方'>
                <Picker
                  mode='selector'
                  range={[...view.donors.map((one) => one.name), '新捐赠方']}
                  onChange={(event) => setDonorIndex(Number(event.detail.value))}
                >
                  <Cell title='捐赠方' extra={donor?.name ?? '新捐赠方'} clickable />
                </Picker>
                {!donor && (
                  <>
                    <Cell>
                      <Input value={donorName} onChange={setDonorName} placeholder='捐赠方名称' />
                    </Cell>
                    <Cell>
                      <SingleChoice
                        labels={DONOR_KINDS}
                        value={donorKind}
                        onChange={setDonorKind}
                      />
                    </Cell>
                  </>
                )}
              </CellGroup>
              <CellGroup title='捐赠内容'>
                <Cell>
                  <SingleChoice labels={DONATION_KINDS} value={kind} onChange={setKind} />
                </Cell>
                <PickerCell
                  mode='date'
                  title='接收日期'
                  value={receivedOn}
                  onChange={setReceivedOn}
                />
                {(kind === 'cash' || kind === 'sale_proceeds') && (
                  <>
                    <Field label='金额（元）'>
                      <Input value={amount} onChange={setAmount} type='digit' placeholder='金额' />
                    </Field>
                    <Field label='收据编号'>
                      <Input value={receiptNo} onChange={setReceiptNo} placeholder='慈善组织开具' />
                    </Field>
                  </>
                )}
                {kind === 'goods' && (
                  <>
                    <Cell>
                      <SingleChoice
                        labels={{
                          ...Object.fromEntries(view.stock.map((item) => [item.id, item.name])),
                          [NEW]: '新物资',
                        }}
                        value={itemId}
                        onChange={setItemId}
                      />
                    </Cell>
                    {itemId === NEW && (
                      <>
                        <Cell>
                          <Input value={itemName} onChange={setItemName} placeholder='物资名称' />
                        </Cell>
                        <Cell>
                          <Input value={unit} onChange={setUnit} placeholder='单位，如 袋、箱' />
                        </Cell>
                      </>
                    )}
                    <Field label='数量'>
                      <Input
                        value={quantity}
                        onChange={setQuantity}
                        type='number'
                        placeholder='数量'
                      />
                    </Field>
                  </>
                )}
                {kind === 'service' && (
                  <Cell>
                    <Input value={service} onChange={setService} placeholder='服务内容' />
                  </Cell>
                )}
              </CellGroup>
              <Text className='page__note'>
                平台不收取善款：善款由{view.partner.charityName}接收，凭其收据在此登记。
              </Text>
              {error && <Text className='page__error'>{error}</Text>}
              <View className='page__actions'>
                <Button type='primary' block onClick={() => void submit()}>
                  登记
                </Button>
              </View>
            </>
          )
        }}
      </QueryState>
    </View>
  )
}
