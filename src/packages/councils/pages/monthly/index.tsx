import { Button, Cell, CellGroup, Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useCallback, useState } from 'react'
import type { MonthlyMeetingView } from '../../../../../cloudfunctions/features/api'
import { PickerCell } from '../../../../components/PickerCell'
import { QueryState } from '../../../../components/QueryState'
import { useAction } from '../../../../hooks/useAction'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { call } from '../../../../services/cloud'
import '../../components/Councils.scss'

/** A community's monthly meeting (月度碰头会): each project's progress, problems and next steps. */
export default function MonthlyMeetingPage() {
  const params = useRouter().params
  const communityId = params.communityId ?? ''
  const month = params.month ?? dayjs().format('YYYY-MM')
  const meeting = useCloudQuery(
    useCallback(() => call('meetings', 'monthly', { communityId, month }), [communityId, month]),
  )
  return (
    <View className='councils-page'>
      <QueryState query={meeting}>
        {(view) => (
          <>
            <Text className='council-card__title'>
              {view.communityName} {view.month} 碰头会
            </Text>
            <Text className='council-meta'>
              在建项目 {view.projects.length} 个，{view.missingCount} 个本月未填进展
            </Text>
            {view.held && (
              <Text className='council-meta'>
                {view.held.heldOn} 已召开（{view.held.recordedByName} 记录）：参会{' '}
                {view.held.attendees.join('、')}
                {view.held.notes ? `；${view.held.notes}` : ''}
              </Text>
            )}
            {view.projects.map((project) => (
              <View key={project.projectId} className='council-card'>
                <Text className='council-card__title'>{project.title}</Text>
                <Text className='council-meta'>{project.organizationName}</Text>
                <Text className={project.missingProgress ? 'council-error' : 'council-meta'}>
                  {project.progress
                    ? `本月进展：${project.progress.summary}（服务 ${project.progress.peopleServed} 人次）`
                    : '本月尚未填写进展'}
                </Text>
                {project.problems && (
                  <Text className='council-meta'>存在问题：{project.problems}</Text>
                )}
                {project.nextSteps && (
                  <Text className='council-meta'>下步计划：{project.nextSteps}</Text>
                )}
              </View>
            ))}
            {view.canRecord && <RecordForm view={view} onSaved={meeting.reload} />}
          </>
        )}
      </QueryState>
    </View>
  )
}

function RecordForm({ view, onSaved }: { view: MonthlyMeetingView; onSaved: () => Promise<void> }) {
  const [heldOn, setHeldOn] = useState(view.held?.heldOn ?? dayjs().format('YYYY-MM-DD'))
  const [attendees, setAttendees] = useState(view.held?.attendees.join('、') ?? '')
  const [notes, setNotes] = useState(view.held?.notes ?? '')
  const [items, setItems] = useState(
    Object.fromEntries(
      view.projects.map((project) => [
        project.projectId,
        { problems: project.problems ?? '', nextSteps: project.nextSteps ?? '' },
      ]),
    ),
  )
  const { error, run } = useAction()
  const edit = (projectId: string, field: 'problems' | 'nextSteps', value: string) =>
    setItems((current) => ({ ...current, [projectId]: { ...current[projectId], [field]: value } }))
  const save = async () => {
    const saved = await run(
      call('meetings', 'record', {
        communityId: view.communityId,
        month: view.month,
        heldOn,
        attendees: attendees
          .split(/[、,，\s]+/)
          .map((name) => name.trim())
          .filter(Boolean),
        items: view.projects.map((project) => ({
          projectId: project.projectId,
          ...(items[project.projectId].problems
            ? { problems: items[project.projectId].problems }
            : {}),
          ...(items[project.projectId].nextSteps
            ? { nextSteps: items[project.projectId].nextSteps }
            : {}),
        })),
        ...(notes ? { notes } : {}),
      }),
    )
    if (saved) await onSaved()
  }
  return (
    <CellGroup title='记录碰头会'>
      <PickerCell mode='date' title='会议日期' value={heldOn} onChange={setHeldOn} />
      <Cell>
        <Input value={attendees} onChange={setAttendees} placeholder='参会人员，用顿号分隔' />
      </Cell>
      {view.projects.map((project) => (
        <View key={project.projectId}>
          <Cell>
            <Input
              value={items[project.projectId].problems}
              onChange={(value) => edit(project.projectId, 'problems', value)}
              placeholder={`「${project.title}」存在问题`}
            />
          </Cell>
          <Cell>
            <Input
              value={items[project.projectId].nextSteps}
              onChange={(value) => edit(project.projectId, 'nextSteps', value)}
              placeholder={`「${project.title}」下步计划`}
            />
          </Cell>
        </View>
      ))}
      <Cell>
        <TextArea
          value={notes}
          onChange={setNotes}
          placeholder='会议纪要（选填）'
          maxLength={1000}
        />
      </Cell>
      {error && <Text className='council-error'>{error}</Text>}
      <Button type='primary' block onClick={() => void save()}>
        保存会议记录
      </Button>
    </CellGroup>
  )
}
