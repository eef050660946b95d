import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useCallback, useState } from 'react'
import { QueryState } from '../../../../components/QueryState'
import { useAction } from '../../../../hooks/useAction'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { call } from '../../../../services/cloud'
import { trainingLine } from '../../labels'

/** The host checks trainees in by their code and sees attendance per person and organization. */
export default function TrainingCheckInPage() {
  const trainingId = useRouter().params.trainingId ?? ''
  const attendance = useCloudQuery(
    useCallback(() => call('trainings', 'attendance', { trainingId }), [trainingId]),
  )
  const [code, setCode] = useState('')
  const [done, setDone] = useState<string>()
  const { error, run } = useAction()

  const checkIn = async (value: string) => {
    const trainee = await run(call('trainings', 'checkIn', { trainingId, code: value }))
    if (!trainee) return setDone(undefined)
    setDone(`${trainee.traineeName}${trainee.orgName ? `（${trainee.orgName}）` : ''} 签到成功`)
    setCode('')
    await attendance.reload()
  }
  const scan = async () => {
    const { result } = await Taro.scanCode({ onlyFromCamera: true })
    await checkIn(result)
  }

  return (
    <View className='page'>
      <CellGroup title='学员签到'>
        <Cell>
          <Input value={code} onChange={setCode} type='digit' placeholder='学员出示的 6 位签到码' />
        </Cell>
      </CellGroup>
      <View className='page__actions'>
        <Button type='primary' block onClick={() => void checkIn(code)}>
          签到
        </Button>
        {process.env.TARO_ENV === 'weapp' && (
          <Button block onClick={() => void scan()}>
            扫码签到
          </Button>
        )}
      </View>
      {done && <Text className='page__ok'>{done}</Text>}
      {error && <Text className='page__error'>{error}</Text>}
      <QueryState query={attendance}>
        {(sheet) => (
          <>
            <View className='page__card'>
              <Text className='page__title'>{sheet.training.title}</Text>
              <Text className='page__line'>{trainingLine(sheet.training)}</Text>
              <Text className='page__line'>
                已报名 {sheet.signedUp} 人，已签到 {sheet.attended} 人
              </Text>
            </View>
            <CellGroup title='按组织'>
              {sheet.organizations.length === 0 && <Cell title='暂无组织报名' />}
              {sheet.organizations.map((org) => (
                <Cell
                  key={org.orgName}
                  title={org.orgName}
                  extra={`签到 ${org.attended}/${org.signedUp}`}
                />
              ))}
            </CellGroup>
            <CellGroup title='学员'>
              {sheet.people.length === 0 && <Cell title='暂无报名' />}
              {sheet.people.map((person, index) => (
                <Cell
                  key={`${person.name}-${index}`}
                  title={person.name}
                  description={person.orgName ?? '个人报名'}
                  extra={
                    person.status === 'waitlisted'
                      ? '候补'
                      : person.checkedInAt
                        ? `已签到 ${dayjs(person.checkedInAt).format('HH:mm')}`
                        : '未签到'
                  }
                />
              ))}
            </CellGroup>
          </>
        )}
      </QueryState>
    </View>
  )
}
