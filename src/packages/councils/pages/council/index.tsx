import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useCallback, useState } from 'react'
import { quarterOfDate } from '../../../../../cloudfunctions/features/councils/domain'
import { PickerCell } from '../../../../components/PickerCell'
import { QueryState } from '../../../../components/QueryState'
import { useAction } from '../../../../hooks/useAction'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import '../../components/Councils.scss'

/** A street's council: its members (chosen by the street's admin) and its quarterly meetings. */
export default function CouncilPage() {
  const streetId = useRouter().params.streetId ?? ''
  const council = useCloudQuery(
    useCallback(() => call('councils', 'overview', { streetId }), [streetId]),
  )
  return (
    <View className='councils-page'>
      <QueryState query={council}>
        {(view) => (
          <>
            <Text className='council-card__title'>{view.streetName}共建议事会</Text>
            <CellGroup title={`委员（${view.members.length}）`}>
              {view.members.length === 0 && <Cell title='尚未选定委员' />}
              {view.members.map((member) => (
                <Cell key={member.userId} title={member.name} description={member.seatLabel} />
              ))}
            </CellGroup>
            {view.canManage && <Candidates streetId={streetId} onAdded={council.reload} />}
            <CellGroup title='季度会议'>
              {view.meetings.length === 0 && <Cell title='尚未召开' />}
              {view.meetings.map((meeting) => (
                <Cell
                  key={meeting.id}
                  title={`${meeting.quarter} 议事会（${meeting.status === 'open' ? '进行中' : '已结束'}）`}
                  description={`${meeting.heldOn} · 议题 ${meeting.itemCount} 项，通过 ${meeting.passedCount} 项`}
                  clickable
                  onClick={() => void Taro.navigateTo({ url: ROUTES.councilMeeting(meeting.id) })}
                />
              ))}
            </CellGroup>
            {view.canManage && <OpenForm streetId={streetId} />}
          </>
        )}
      </QueryState>
    </View>
  )
}

/** People who may sit on the council; one tap adds them. */
function Candidates({ streetId, onAdded }: { streetId: string; onAdded: () => Promise<void> }) {
  const candidates = useCloudQuery(
    useCallback(() => call('councils', 'candidates', { streetId }), [streetId]),
  )
  const { error, run } = useAction()
  const add = async (candidate: { userId: string; seat: string; scopeId: string }) => {
    const added = await run(
      call('councils', 'addMember', {
        streetId,
        userId: candidate.userId,
        seat: candidate.seat as 'street',
        scopeId: candidate.scopeId,
      }),
    )
    if (added) await onAdded()
  }
  return (
    <CellGroup title='选定委员'>
      {error && <Text className='council-error'>{error}</Text>}
      <QueryState query={candidates} isEmpty={(list) => list.length === 0} emptyText='暂无可选人员'>
        {(list) =>
          list.map((candidate) => (
            <Cell
              key={`${candidate.userId}-${candidate.scopeId}`}
              title={candidate.name}
              description={candidate.seatLabel}
              extra={
                <Button size='small' onClick={() => void add(candidate)}>
                  选为委员
                </Button>
              }
            />
          ))
        }
      </QueryState>
    </CellGroup>
  )
}

function OpenForm({ streetId }: { streetId: string }) {
  const [heldOn, setHeldOn] = useState(dayjs().format('YYYY-MM-DD'))
  const { error, run } = useAction()
  const open = async () => {
    const meeting = await run(
      call('councils', 'open', { streetId, quarter: quarterOfDate(heldOn), heldOn }),
    )
    if (meeting) void Taro.navigateTo({ url: ROUTES.councilMeeting(meeting.id) })
  }
  return (
    <CellGroup title={`召开 ${quarterOfDate(heldOn)} 议事会`}>
      <PickerCell mode='date' title='会议日期' value={heldOn} onChange={setHeldOn} />
      {error && <Text className='council-error'>{error}</Text>}
      <Button type='primary' block onClick={() => void open()}>
        召开本季度议事会
      </Button>
    </CellGroup>
  )
}
