import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type { Result } from '../../../../../cloudfunctions/features/api'
import { VOLUNTEER_SKILLS } from '../../../../../cloudfunctions/features/volunteers/domain'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { useScene } from '../../../../hooks/useScene'
import { call } from '../../../../services/cloud'
import { canScan, scanCode } from '../../../../services/scan'
import { askToNotify } from '../../../../services/subscriptions'
import '../../components/volunteers.scss'
import { formatDate } from '../../../../services/dates'

/**
 * A shift: sign up (or join the waitlist), cancel, and check oneself in and out with its code —
 * scanned (the page opens from the code shown where the shift runs) or typed.
 */
export default function ShiftPage() {
  const params = useRouter().params
  const scene = useScene()
  const fromCode = scene?.kind === 'shiftCheckIn' ? scene : undefined
  const shiftId = fromCode?.shiftId ?? params.shiftId ?? ''
  const shift = useCloudQuery(useCallback(() => call('shifts', 'detail', { shiftId }), [shiftId]))
  const [shiftCode, setShiftCode] = useState(fromCode?.code ?? '')
  const [error, setError] = useState<string>()

  const scanShiftCode = async () => {
    const scanned = await scanCode()
    if (scanned?.scene?.kind === 'shiftCheckIn' && scanned.scene.shiftId === shiftId) {
      setShiftCode(scanned.scene.code)
    } else if (scanned) {
      setError('这不是本班次的签到码')
    }
  }

  const act = async (run: () => Promise<Result<unknown>>, done: string) => {
    const result = await run()
    if (!result.ok) return setError(result.error.message)
    setError(undefined)
    await Taro.showToast({ title: done, icon: 'success' })
    await shift.reload()
  }

  return (
    <View className='volunteers'>
      <QueryState query={shift}>
        {(detail) => {
          const signup = detail.mySignup
          return (
            <>
              <CellGroup title={detail.title}>
                <Cell
                  title='时间'
                  extra={`${formatDate(detail.date)} ${detail.start}-${detail.end}`}
                />
                <Cell title='地点' extra={detail.place} />
                <Cell title='发布方' extra={detail.organizerName} />
                <Cell title='服务社区' extra={detail.communityName} />
                <Cell title='名额' extra={`已报 ${detail.taken} / ${detail.capacity} 人`} />
                {detail.requiredSkills.length > 0 && (
                  <Cell
                    title='技能要求'
                    extra={detail.requiredSkills.map((skill) => VOLUNTEER_SKILLS[skill]).join('、')}
                  />
                )}
                <Cell>{detail.description}</Cell>
              </CellGroup>
              {error && <Text className='volunteers__error'>{error}</Text>}
              <View className='volunteers__actions'>
                {!signup && (
                  <Button
                    block
                    type='primary'
                    onClick={() =>
                      void act(async () => {
                        await askToNotify(['shiftReminder', 'waitlistPromoted'])
                        return call('shifts', 'signUp', { shiftId, joinWaitlist: true })
                      }, '报名成功')
                    }
                  >
                    {detail.taken < detail.capacity ? '报名' : '加入候补'}
                  </Button>
                )}
                {signup && (
                  <Text>
                    {signup.checkedOut
                      ? '已签退，时长已记入'
                      : signup.checkedIn
                        ? '已签到'
                        : signup.status === 'booked'
                          ? '已报名'
                          : '候补中，有空位时自动转为报名'}
                  </Text>
                )}
                {signup && !signup.checkedIn && (
                  <Button
                    block
                    type='default'
                    onClick={() => void act(() => call('shifts', 'cancel', { shiftId }), '已取消')}
                  >
                    取消报名
                  </Button>
                )}
                {signup?.status === 'booked' && !signup.checkedOut && (
                  <>
                    {canScan && !shiftCode && (
                      <Button block type='default' onClick={() => void scanShiftCode()}>
                        扫描现场的班次签到码
                      </Button>
                    )}
                    <Input
                      value={shiftCode}
                      onChange={setShiftCode}
                      placeholder='现场班次签到码'
                      maxLength={6}
                    />
                    <Button
                      block
                      type='primary'
                      onClick={() =>
                        void act(
                          () =>
                            call('shifts', signup.checkedIn ? 'selfCheckOut' : 'selfCheckIn', {
                              shiftId,
                              shiftCode,
                            }),
                          signup.checkedIn ? '已签退' : '已签到',
                        )
                      }
                    >
                      {signup.checkedIn ? '签退' : '签到'}
                    </Button>
                  </>
                )}
              </View>
            </>
          )
        }}
      </QueryState>
    </View>
  )
}
