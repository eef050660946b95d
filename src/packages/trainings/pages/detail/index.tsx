import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { QrCode } from '../../../../components/QrCode'
import { SingleChoice } from '../../../../components/ChoiceButtons'
import { QueryState } from '../../../../components/QueryState'
import { useAction } from '../../../../hooks/useAction'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { trainingLine, trainingPlaces } from '../../labels'

const ALONE = 'alone'

/** A training: sign up for oneself or one's organization, show the code at the door, cancel. */
export default function TrainingPage() {
  const trainingId = useRouter().params.trainingId ?? ''
  const detail = useCloudQuery(
    useCallback(() => call('trainings', 'detail', { trainingId }), [trainingId]),
  )
  const [orgId, setOrgId] = useState<string>()
  const { error, run } = useAction()
  const act = async (pending: ReturnType<typeof call<'trainings', 'signUp'>>) => {
    if (await run(pending)) await detail.reload()
  }

  return (
    <View className='page'>
      <QueryState query={detail}>
        {(training) => {
          const chosen = orgId ?? training.myOrganizations[0]?.id ?? ALONE
          const full = training.taken >= training.capacity || training.waiting > 0
          return (
            <>
              <View className='page__card'>
                <Text className='page__title'>{training.title}</Text>
                <Text className='page__line'>{trainingLine(training)}</Text>
                <Text className='page__line'>名额：{trainingPlaces(training)}</Text>
                <Text className='page__line'>{training.description}</Text>
              </View>
              {training.mySignup ? (
                <View className='page__card'>
                  <Text className='page__title'>
                    {training.mySignup.status === 'booked'
                      ? training.mySignup.checkedIn
                        ? '已签到'
                        : '已报名'
                      : `候补第 ${training.mySignup.waitlistPosition ?? ''} 位`}
                    {training.mySignup.orgName ? ` · ${training.mySignup.orgName}` : ''}
                  </Text>
                  {training.mySignup.checkInCode && (
                    <QrCode
                      value={training.mySignup.checkInCode}
                      caption={`签到码 ${training.mySignup.checkInCode}`}
                    />
                  )}
                  {training.mySignup.canCancel && (
                    <Button
                      block
                      onClick={() => void act(call('trainings', 'cancel', { trainingId }))}
                    >
                      取消报名
                    </Button>
                  )}
                </View>
              ) : (
                <>
                  <CellGroup title='以谁的名义报名'>
                    <Cell>
                      <SingleChoice
                        labels={{
                          ...Object.fromEntries(
                            training.myOrganizations.map((org) => [org.id, org.name]),
                          ),
                          [ALONE]: '个人报名',
                        }}
                        value={chosen}
                        onChange={setOrgId}
                      />
                    </Cell>
                  </CellGroup>
                  <View className='page__actions'>
                    <Button
                      type='primary'
                      block
                      onClick={() =>
                        void act(
                          call('trainings', 'signUp', {
                            trainingId,
                            ...(chosen !== ALONE ? { orgId: chosen } : {}),
                          }),
                        )
                      }
                    >
                      {full ? '加入候补' : '报名'}
                    </Button>
                  </View>
                </>
              )}
              {error && <Text className='page__error'>{error}</Text>}
              {training.canManage && (
                <CellGroup title='培训管理'>
                  <Cell
                    title='签到与出勤'
                    description='按签到码签到，按人、按组织统计出勤'
                    clickable
                    onClick={() =>
                      void Taro.navigateTo({ url: ROUTES.trainingCheckIn(trainingId) })
                    }
                  />
                </CellGroup>
              )}
            </>
          )
        }}
      </QueryState>
    </View>
  )
}
