import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { TRAINING_TOPICS } from '../../../../../cloudfunctions/features/trainings/domain'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { call } from '../../../../services/cloud'

/** A host's trainings over time: sessions, 人次, people and the organizations they came for. */
export default function TrainingReportPage() {
  const hostOrgId = useRouter().params.hostOrgId ?? ''
  const report = useCloudQuery(
    useCallback(() => call('trainings', 'report', { hostOrgId }), [hostOrgId]),
  )
  return (
    <View className='page'>
      <QueryState query={report}>
        {(figures) => (
          <>
            <View className='page__card'>
              <Text className='page__title'>{figures.hostOrgName}</Text>
              <Text className='page__line'>
                共 {figures.sessions} 期，{figures.attended} 人次，{figures.people} 人在线签到
              </Text>
            </View>
            <CellGroup title='按类别'>
              {figures.byTopic.map((line) => (
                <Cell
                  key={line.topic}
                  title={TRAINING_TOPICS[line.topic]}
                  extra={`${line.sessions} 期 · ${line.attended} 人次`}
                />
              ))}
            </CellGroup>
            <CellGroup title='按组织'>
              {figures.organizations.length === 0 && <Cell title='暂无组织报名' />}
              {figures.organizations.map((org) => (
                <Cell
                  key={org.orgName}
                  title={org.orgName}
                  extra={`报名 ${org.signedUp} · 签到 ${org.attended}`}
                />
              ))}
            </CellGroup>
          </>
        )}
      </QueryState>
    </View>
  )
}
