import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { CheckInView } from '../../../../../cloudfunctions/features/api'
import { call } from '../../../../services/cloud'
import '../../components/BookingCard.scss'

/** The stall's staff type the resident's 6-digit code (or scan its QR code into the field). */
export default function CheckInPage() {
  const eventId = useRouter().params.eventId ?? ''
  const [code, setCode] = useState('')
  const [checkedIn, setCheckedIn] = useState<CheckInView>()
  const [error, setError] = useState<string>()

  const submit = async () => {
    const result = await call('stalls', 'checkIn', { eventId, code })
    if (!result.ok) {
      setCheckedIn(undefined)
      return setError(result.error.message)
    }
    setError(undefined)
    setCheckedIn(result.data)
    setCode('')
  }

  return (
    <View className='stalls-page'>
      <CellGroup title='输入居民出示的签到码'>
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
        <Button type='primary' block onClick={() => void submit()}>
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
