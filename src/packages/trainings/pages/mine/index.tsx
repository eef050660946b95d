import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { trainingLine } from '../../labels'

/** The caller's sign-ups: booked (with the code to show at the door), waitlisted, attended. */
export default function MyTrainingsPage() {
  const mine = useCloudQuery(useCallback(() => call('trainings', 'mine'), []))
  return (
    <View className='page'>
      <QueryState query={mine} isEmpty={(list) => list.length === 0} emptyText='您还没有报名培训'>
        {(list) => (
          <CellGroup>
            {list.map((training) => (
              <Cell
                key={training.id}
                title={training.title}
                description={trainingLine(training)}
                extra={
                  training.signup.status === 'waitlisted'
                    ? `候补第 ${training.signup.waitlistPosition ?? ''} 位`
                    : training.signup.checkedIn
                      ? '已签到'
                      : '已报名'
                }
                clickable
                onClick={() => void Taro.navigateTo({ url: ROUTES.training(training.id) })}
              />
            ))}
          </CellGroup>
        )}
      </QueryState>
    </View>
  )
}
