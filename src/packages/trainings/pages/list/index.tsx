import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { SingleChoice } from '../../../../components/ChoiceButtons'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { trainingLine, trainingPlaces } from '../../labels'

const WHEN = { upcoming: '即将开始', past: '往期培训' } as const

/** Trainings and capacity-building sessions (乔社学院): sign up, or publish for one's organization. */
export default function TrainingsPage() {
  const [when, setWhen] = useState<keyof typeof WHEN>('upcoming')
  const context = useCloudQuery(
    useCallback(async () => {
      const [list, me] = await Promise.all([
        call('trainings', 'list', { when }),
        call('account', 'me'),
      ])
      if (!list.ok) return list
      if (!me.ok) return me
      const hosts = me.data.roles.filter((role) => role.kind === 'org_member')
      return { ok: true as const, data: { trainings: list.data, hosts } }
    }, [when]),
  )
  const go = (url: string) => () => void Taro.navigateTo({ url })
  return (
    <View className='page'>
      <CellGroup>
        <Cell>
          <SingleChoice labels={WHEN} value={when} onChange={setWhen} />
        </Cell>
        <Cell
          title='我的培训'
          description='报名记录与签到码'
          clickable
          onClick={go(ROUTES.myTrainings)}
        />
      </CellGroup>
      <QueryState query={context}>
        {({ trainings, hosts }) => (
          <>
            <CellGroup title={WHEN[when]}>
              {trainings.length === 0 && <Cell title='暂无培训' />}
              {trainings.map((training) => (
                <Cell
                  key={training.id}
                  title={training.title}
                  description={trainingLine(training)}
                  extra={trainingPlaces(training)}
                  clickable
                  onClick={go(ROUTES.training(training.id))}
                />
              ))}
            </CellGroup>
            {hosts.length > 0 && (
              <CellGroup title='主办培训'>
                {hosts.flatMap((host) => [
                  <Cell
                    key={`publish-${host.scopeId}`}
                    title='发布培训'
                    description={host.label}
                    clickable
                    onClick={go(ROUTES.publishTraining(host.scopeId))}
                  />,
                  <Cell
                    key={`report-${host.scopeId}`}
                    title='培训统计'
                    description={host.label}
                    clickable
                    onClick={go(ROUTES.trainingReport(host.scopeId))}
                  />,
                ])}
              </CellGroup>
            )}
          </>
        )}
      </QueryState>
    </View>
  )
}
