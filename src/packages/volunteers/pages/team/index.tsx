import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { TEAM_MEMBERSHIP_STATUSES } from '../../../../../cloudfunctions/features/volunteers/domain'
import { QueryState } from '../../../../components/QueryState'
import { useAction } from '../../../../hooks/useAction'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { formatDate } from '../../../../services/dates'

/** A team: its members, its shifts and hours; ask to join, or approve requests as its organization. */
export default function TeamPage() {
  const teamId = useRouter().params.teamId ?? ''
  const team = useCloudQuery(useCallback(() => call('volunteers', 'team', { teamId }), [teamId]))
  const { error, run } = useAction()
  const join = async () => {
    if (await run(call('volunteers', 'joinTeam', { teamId }))) await team.reload()
  }
  const review = async (userId: string, decision: 'approved' | 'rejected') => {
    if (await run(call('volunteers', 'reviewTeamRequest', { teamId, userId, decision }))) {
      await team.reload()
    }
  }

  return (
    <View className='page'>
      <QueryState query={team}>
        {(view) => (
          <>
            <View className='page__card'>
              <Text className='page__title'>{view.name}</Text>
              <Text className='page__line'>{view.orgName}</Text>
              {view.description && <Text className='page__line'>{view.description}</Text>}
              <Text className='page__line'>
                成员 {view.members.length} 人 · 服务时长 {(view.totalMinutes / 60).toFixed(1)} 小时
              </Text>
              {view.myStatus && (
                <Text className='page__note'>
                  我的状态：{TEAM_MEMBERSHIP_STATUSES[view.myStatus]}
                </Text>
              )}
            </View>
            {(!view.myStatus || view.myStatus === 'rejected') && (
              <View className='page__actions'>
                <Button type='primary' block onClick={() => void join()}>
                  申请加入
                </Button>
              </View>
            )}
            {error && <Text className='page__error'>{error}</Text>}
            {view.canManage && (
              <CellGroup title='待审批的申请'>
                {view.requests.length === 0 && <Cell title='暂无申请' />}
                {view.requests.map((request) => (
                  <Cell key={request.userId} title={request.name} description={request.requestedAt}>
                    <Button
                      size='small'
                      type='primary'
                      onClick={() => void review(request.userId, 'approved')}
                    >
                      同意
                    </Button>
                    <Button size='small' onClick={() => void review(request.userId, 'rejected')}>
                      拒绝
                    </Button>
                  </Cell>
                ))}
              </CellGroup>
            )}
            <CellGroup title='成员'>
              {view.members.length === 0 && <Cell title='暂无成员' />}
              {view.members.map((member) => (
                <Cell key={member.userId} title={member.name} />
              ))}
            </CellGroup>
            <CellGroup title='服务队班次'>
              {view.shifts.length === 0 && <Cell title='暂无班次' />}
              {view.shifts.map((shift) => (
                <Cell
                  key={shift.id}
                  title={shift.title}
                  description={`${formatDate(shift.date)} ${shift.start}-${shift.end}`}
                  extra={`${shift.taken}/${shift.capacity}`}
                  clickable
                  onClick={() => void Taro.navigateTo({ url: ROUTES.volunteerShift(shift.id) })}
                />
              ))}
            </CellGroup>
          </>
        )}
      </QueryState>
    </View>
  )
}
