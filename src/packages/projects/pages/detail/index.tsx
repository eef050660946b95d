import { Button, Cell, CellGroup, Input, Rate, TextArea } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useCallback, useState } from 'react'
import { Field } from '../../../../components/Field'
import { PickerCell } from '../../../../components/PickerCell'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { call } from '../../../../services/cloud'
import { removeUpload, uploadPhoto } from '../../../../services/files'
import { Evaluation } from '../../components/Evaluation'
import { RateRow } from '../../components/RateRow'
import { ProjectSummary } from '../../components/ProjectSummary'
import '../../components/cards.scss'

/** A project with its progress timeline; the forms show only to those who may use them. */
export default function ProjectDetailPage() {
  const projectId = useRouter().params.projectId ?? ''
  const detail = useCloudQuery(
    useCallback(() => call('projects', 'detail', { projectId }), [projectId]),
  )
  return (
    <View className='project-form'>
      <QueryState query={detail}>
        {({
          project,
          progress,
          canAddProgress,
          canClose,
          canReopen,
          canSetTargets,
          canRate,
          myRating,
        }) => (
          <>
            <ProjectSummary project={project}>
              <Text>
                {project.quantity} {project.unit}
              </Text>
            </ProjectSummary>
            <Evaluation project={project} />
            {(canRate || myRating) && (
              <RateRow projectId={project.id} myRating={myRating} onRated={detail.reload} />
            )}
            <CellGroup title={`月度进展（${progress.length}）`}>
              {progress.length === 0 && <Cell title='暂无进展记录' />}
              {progress.map((entry) => (
                <Cell
                  key={entry.id}
                  title={`${entry.month} · 服务 ${entry.peopleServed} 人次`}
                  description={`${entry.summary}（${entry.authorName} ${dayjs(entry.createdAt).format('MM-DD')}）`}
                >
                  {entry.photos.length > 0 && (
                    <View className='project-photos'>
                      {entry.photos.map((photo) => (
                        <Image
                          key={photo.fileId}
                          className='project-photos__photo'
                          src={photo.url}
                          mode='aspectFill'
                        />
                      ))}
                    </View>
                  )}
                </Cell>
              ))}
            </CellGroup>
            {canSetTargets && (
              <TargetsForm
                projectId={project.id}
                targets={project.targets}
                onSaved={detail.reload}
              />
            )}
            {canAddProgress && <ProgressForm projectId={project.id} onSaved={detail.reload} />}
            {canClose && <CloseForm projectId={project.id} onClosed={detail.reload} />}
            {canReopen && <ReopenForm projectId={project.id} onReopened={detail.reload} />}
          </>
        )}
      </QueryState>
    </View>
  )
}

/** As the progress entry allows. */
const MAX_PHOTOS = 9

function ProgressForm({ projectId, onSaved }: { projectId: string; onSaved: () => Promise<void> }) {
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'))
  const [summary, setSummary] = useState('')
  const [peopleServed, setPeopleServed] = useState('')
  const [photos, setPhotos] = useState<{ fileId: string; preview: string }[]>([])
  const [error, setError] = useState<string>()
  const [saving, setSaving] = useState(false)
  const addPhotos = async () => {
    const chosen = await Taro.chooseImage({
      count: MAX_PHOTOS - photos.length,
      sizeType: ['compressed'],
    }).catch(() => undefined)
    for (const preview of chosen?.tempFilePaths ?? []) {
      try {
        const fileId = await uploadPhoto(preview)
        setPhotos((current) => [...current, { fileId, preview }])
      } catch {
        setError('照片上传失败，请重试')
      }
    }
  }
  const dropPhoto = async (fileId: string) => {
    setPhotos((current) => current.filter((photo) => photo.fileId !== fileId))
    await removeUpload(fileId)
  }
  const save = async () => {
    setSaving(true)
    const result = await call('projects', 'addProgress', {
      projectId,
      month,
      summary,
      peopleServed: Number(peopleServed),
      photoFileIds: photos.map((photo) => photo.fileId),
    })
    setSaving(false)
    if (!result.ok) return setError(result.error.message)
    setError(undefined)
    setSummary('')
    setPeopleServed('')
    setPhotos([])
    await onSaved()
  }
  return (
    <CellGroup title='填写本月进展'>
      <PickerCell
        mode='month'
        title='月份'
        value={month}
        onChange={setMonth}
        end={dayjs().format('YYYY-MM-DD')}
      />
      <Field label='本月做了什么'>
        <TextArea
          value={summary}
          onChange={setSummary}
          placeholder='本月做了什么（至少 5 个字）'
          maxLength={500}
        />
      </Field>
      <Field label='服务人次'>
        <Input
          type='number'
          value={peopleServed}
          onChange={setPeopleServed}
          placeholder='服务人次'
        />
      </Field>
      <Cell title={`活动照片（${photos.length}/${MAX_PHOTOS}）`}>
        <View className='project-photos'>
          {photos.map((photo) => (
            <Image
              key={photo.fileId}
              className='project-photos__photo'
              src={photo.preview}
              mode='aspectFill'
              onClick={() => void dropPhoto(photo.fileId)}
            />
          ))}
          {photos.length < MAX_PHOTOS && (
            <Button size='small' onClick={() => void addPhotos()}>
              添加照片
            </Button>
          )}
        </View>
      </Cell>
      {error && <Text className='project-form__error'>{error}</Text>}
      <View className='project-form__actions'>
        <Button block type='primary' loading={saving} onClick={() => void save()}>
          保存进展
        </Button>
      </View>
    </CellGroup>
  )
}

function CloseForm({ projectId, onClosed }: { projectId: string; onClosed: () => Promise<void> }) {
  const [satisfaction, setSatisfaction] = useState(5)
  const [target, setTarget] = useState('')
  const [achieved, setAchieved] = useState('')
  const [sessions, setSessions] = useState('')
  const [hours, setHours] = useState('')
  const [error, setError] = useState<string>()
  const [closing, setClosing] = useState(false)
  const close = async () => {
    const { confirm } = await Taro.showModal({
      title: '确认结项',
      content: '结项后不能再填写月度进展；如有误，街道可在 30 天内重新开启。',
    })
    if (!confirm) return
    setClosing(true)
    const result = await call('projects', 'close', {
      projectId,
      satisfaction,
      target,
      achieved,
      ...(sessions ? { sessions: Number(sessions) } : {}),
      ...(hours ? { hours: Number(hours) } : {}),
    })
    setClosing(false)
    if (!result.ok) return setError(result.error.message)
    await onClosed()
  }
  return (
    <CellGroup title='结项评估'>
      <Field label='居民满意度（1 到 5 星）'>
        <Rate value={satisfaction} onChange={setSatisfaction} />
      </Field>
      <Field label='项目目标'>
        <Input value={target} onChange={setTarget} placeholder='项目要做成什么' maxLength={300} />
      </Field>
      <Field label='完成情况'>
        <Input
          value={achieved}
          onChange={setAchieved}
          placeholder='实际做成了什么'
          maxLength={300}
        />
      </Field>
      <Field label='实际服务场次'>
        <Input type='number' value={sessions} onChange={setSessions} placeholder='共开展几场' />
      </Field>
      <Field label='实际服务时长（小时）'>
        <Input type='number' value={hours} onChange={setHours} placeholder='累计多少小时' />
      </Field>
      {error && <Text className='project-form__error'>{error}</Text>}
      <View className='project-form__actions'>
        <Button block type='default' loading={closing} onClick={() => void close()}>
          结项
        </Button>
      </View>
    </CellGroup>
  )
}

/** The street reopens a project closed by mistake, within 30 days of its closing. */
function ReopenForm({
  projectId,
  onReopened,
}: {
  projectId: string
  onReopened: () => Promise<void>
}) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string>()
  const reopen = async () => {
    const result = await call('projects', 'reopen', { projectId, reason })
    if (!result.ok) return setError(result.error.message)
    setError(undefined)
    await onReopened()
  }
  return (
    <CellGroup title='重新开启项目'>
      <Cell>
        <Input value={reason} onChange={setReason} placeholder='重新开启的原因' maxLength={200} />
      </Cell>
      {error && <Text className='project-form__error'>{error}</Text>}
      <View className='project-form__actions'>
        <Button block type='default' onClick={() => void reopen()}>
          重新开启
        </Button>
      </View>
    </CellGroup>
  )
}

/** The effect evaluation's targets, set as the project starts (and corrected while it runs). */
function TargetsForm({
  projectId,
  targets,
  onSaved,
}: {
  projectId: string
  targets?: { peopleServed: number; sessions: number; hours: number; satisfaction: number }
  onSaved: () => Promise<void>
}) {
  const [peopleServed, setPeopleServed] = useState(String(targets?.peopleServed ?? ''))
  const [sessions, setSessions] = useState(String(targets?.sessions ?? ''))
  const [hours, setHours] = useState(String(targets?.hours ?? ''))
  const [satisfaction, setSatisfaction] = useState(targets?.satisfaction ?? 5)
  const [error, setError] = useState<string>()
  const save = async () => {
    const result = await call('projects', 'setTargets', {
      projectId,
      peopleServed: Number(peopleServed),
      sessions: Number(sessions),
      hours: Number(hours),
      satisfaction,
    })
    if (!result.ok) return setError(result.error.message)
    setError(undefined)
    await onSaved()
  }
  return (
    <CellGroup title='评估指标'>
      <Cell>
        <Input
          type='number'
          value={peopleServed}
          onChange={setPeopleServed}
          placeholder='人次目标'
        />
      </Cell>
      <Cell>
        <Input type='number' value={sessions} onChange={setSessions} placeholder='场次目标' />
      </Cell>
      <Cell>
        <Input type='number' value={hours} onChange={setHours} placeholder='时长目标（小时）' />
      </Cell>
      <Cell title='目标满意度'>
        <Rate value={satisfaction} onChange={setSatisfaction} />
      </Cell>
      {error && <Text className='project-form__error'>{error}</Text>}
      <View className='project-form__actions'>
        <Button block type='default' onClick={() => void save()}>
          保存评估指标
        </Button>
      </View>
    </CellGroup>
  )
}
