import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type { CheckInView } from '../../../../../cloudfunctions/features/api'
import { CodeImage } from '../../../../components/CodeImage'
import { call } from '../../../../services/cloud'
import { canScan, scanCode } from '../../../../services/scan'
import '../../components/BookingCard.scss'

/**
 * Check-in at the stall: residents scan the event's code shown here; or the staff scan the QR code
 * on a resident's booking, or type its 6 digits.
 */
export default function CheckInPage() {
  const eventId = useRouter().params.eventId ?? ''
  const [code, setCode] = useState('')
  const [checkedIn, setCheckedIn] = useState<CheckInView>()
  const [error, setError] = useState<string>()
  const loadCode = useCallback(() => call('stalls', 'checkInCode', { eventId }), [eventId])

  const submit = async (typed: string) => {
    const result = await call('stalls', 'checkIn', { eventId, code: typed })
    if (!result.ok) {
      setCheckedIn(undefined)
      return setError(result.error.message)
    }
    setError(undefined)
    setCheckedIn(result.data)
    setCode('')
  }

  const scan = async () => {
    const scanned = await scanCode()
    if (scanned) await submit(scanned.text.trim())
  }

  return (
    <View className='stalls-page'>
      <CodeImage load={loadCode} caption='居民用微信扫一扫此码，即可自助签到' />
      {canScan && (
        <View className='slot-grid'>
          <Button type='primary' block onClick={() => void scan()}>
            扫描居民的签到码
          </Button>
        </View>
      )}
      <CellGroup title='或输入居民出示的签到码'>
        <Cell>
          <Input
            value={code}
            onChange={setCode}
            type='digit'
            maxLength={6}
            placeholder='6 位签到码'
          />
        </Cell>
      </CellGroup>
      <View className='slot-grid'>
        <Button type={canScan ? 'default' : 'primary'} block onClick={() => void submit(code)}>
          确认签到
        </Button>
      </View>
      {error && <Text className='form-error'>{error}</Text>}
      {checkedIn && (
        <View className='stall-card'>
          <Text className='stall-card__title'>签到成功：{checkedIn.residentName}</Text>
          <Text className='stall-card__line'>
            {checkedIn.itemName} {checkedIn.startTime}-{checkedIn.endTime}
          </Text>
        </View>
      )}
      <Text className='stall-card__line'>
        签到时间：时段开始前 30 分钟至时段结束，每个签到码只能使用一次
      </Text>
    </View>
  )
}
