import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useCallback, useState } from 'react'
import { QueryState } from '../../../../components/QueryState'
import { useAction } from '../../../../hooks/useAction'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { call } from '../../../../services/cloud'
import { moveLine } from '../../labels'
import { Field } from '../../../../components/Field'

/** One item's ledger with its running balance: distribute to a recipient, or take stock. */
export default function StockItemPage() {
  const { streetId = '', itemId = '' } = useRouter().params
  const ledger = useCloudQuery(
    useCallback(() => call('charity', 'ledger', { streetId, itemId }), [streetId, itemId]),
  )
  const [quantity, setQuantity] = useState('')
  const [recipientName, setRecipientName] = useState('')
  const [recipientNote, setRecipientNote] = useState('')
  const [counted, setCounted] = useState('')
  const { error, run } = useAction()
  const date = dayjs().format('YYYY-MM-DD')

  const distribute = async () => {
    const move = await run(
      call('charity', 'distribute', {
        streetId,
        itemId,
        quantity: Number(quantity),
        recipientName,
        ...(recipientNote ? { recipientNote } : {}),
        date,
      }),
    )
    if (!move) return
    setQuantity('')
    setRecipientName('')
    setRecipientNote('')
    await ledger.reload()
  }
  const stocktake = async () => {
    if (await run(call('charity', 'stocktake', { streetId, itemId, counted: Number(counted) }))) {
      setCounted('')
      await ledger.reload()
    }
  }

  return (
    <View className='page'>
      <QueryState query={ledger}>
        {({ item, moves }) => (
          <>
            <View className='page__card'>
              <Text className='page__title'>{item.name}</Text>
              <Text className='page__line'>
                结存 {item.balance} {item.unit} · {item.reconciled ? '账物相符' : '账目待核对'}
              </Text>
              {item.lastStocktake && (
                <Text className='page__note'>
                  {item.lastStocktake.on} 盘点：账面 {item.lastStocktake.book}，实盘{' '}
                  {item.lastStocktake.counted}
                </Text>
              )}
            </View>
            <CellGroup title='发放给居民'>
              <Field label={`数量（${item.unit}）`}>
                <Input
                  value={quantity}
                  onChange={setQuantity}
                  type='number'
                  placeholder='发放数量'
                />
              </Field>
              <Cell>
                <Input value={recipientName} onChange={setRecipientName} placeholder='领取人姓名' />
              </Cell>
              <Cell>
                <Input
                  value={recipientNote}
                  onChange={setRecipientNote}
                  placeholder='说明，如 困难家庭、社区'
                />
              </Cell>
            </CellGroup>
            <View className='page__actions'>
              <Button type='primary' block onClick={() => void distribute()}>
                发放
              </Button>
            </View>
            <CellGroup title='盘点核对'>
              <Field label='实盘数量'>
                <Input value={counted} onChange={setCounted} type='number' placeholder='实盘数量' />
              </Field>
            </CellGroup>
            <View className='page__actions'>
              <Button block onClick={() => void stocktake()}>
                记录盘点
              </Button>
            </View>
            {error && <Text className='page__error'>{error}</Text>}
            <CellGroup title='台账'>
              {moves.map((move) => (
                <Cell
                  key={move.id}
                  title={move.note}
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
