import { Button, Cell, CellGroup, Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import {
  TRAINING_TOPICS,
  type TrainingTopic,
} from '../../../../../cloudfunctions/features/trainings/domain'
import { SingleChoice } from '../../../../components/ChoiceButtons'
import { today } from '../../../../services/dates'
import { PickerCell } from '../../../../components/PickerCell'
import { useAction } from '../../../../hooks/useAction'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { Field } from '../../../../components/Field'

/** A host organization publishes a training or capacity-building session with its places. */
export default function PublishTrainingPage() {
  const hostOrgId = useRouter().params.hostOrgId ?? ''
  const [title, setTitle] = useState('')
  const [topic, setTopic] = useState<TrainingTopic>('competence')
  const [description, setDescription] = useState('')
  const [place, setPlace] = useState('')
  const [date, setDate] = useState('')
  const [start, setStart] = useState('14:00')
  const [end, setEnd] = useState('16:00')
  const [capacity, setCapacity] = useState('30')
  const { error, run } = useAction()

  const submit = async () => {
    const training = await run(
      call('trainings', 'publish', {
        hostOrgId,
        title,
        topic,
        description,
        place,
        date,
        start,
        end,
        capacity: Number(capacity),
      }),
    )
    if (!training) return
    await Taro.showToast({ title: '培训已发布', icon: 'success' })
    await Taro.redirectTo({ url: ROUTES.training(training.id) })
  }

  return (
    <View className='page'>
      <CellGroup title='培训信息'>
        <Cell>
          <Input value={title} onChange={setTitle} placeholder='培训名称，如 社工实务能力提升' />
        </Cell>
        <Cell>
          <SingleChoice labels={TRAINING_TOPICS} value={topic} onChange={setTopic} />
        </Cell>
        <Cell>
          <TextArea
            value={description}
            onChange={setDescription}
            placeholder='培训内容、讲师、需携带的材料'
            maxLength={300}
          />
        </Cell>
        <Cell>
          <Input value={place} onChange={setPlace} placeholder='地点' />
        </Cell>
        <PickerCell mode='date' title='日期' value={date} onChange={setDate} start={today()} />
        <PickerCell mode='time' title='开始时间' value={start} onChange={setStart} />
        <PickerCell mode='time' title='结束时间' value={end} onChange={setEnd} />
        <Field label='名额'>
          <Input value={capacity} onChange={setCapacity} type='number' />
        </Field>
      </CellGroup>
      {error && <Text className='page__error'>{error}</Text>}
      <View className='page__actions'>
        <Button type='primary' block onClick={() => void submit()}>
          发布培训
        </Button>
      </View>
    </View>
  )
}
