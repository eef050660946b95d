import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { formatHours } from '../../../../../cloudfunctions/features/volunteers/domain'
import { chinaDateTimeOf } from '../../../../../cloudfunctions/shared/time'
import { CodeImage } from '../../../../components/CodeImage'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { call } from '../../../../services/cloud'
import { openFile } from '../../../../services/files'
import { canScan, scanCode } from '../../../../services/scan'
import '../../components/volunteers.scss'
import { formatDate } from '../../../../services/dates'

const clock = (iso?: string) => (iso ? chinaDateTimeOf(new Date(iso)).slice(11) : '—')

/**
 * Staff run a shift: show its code for volunteers to scan; check volunteers in and out by their
 * code, scanned or typed (now, or at a time taken from the paper sign-in sheet); see who signed up
 * and came with their hours, add a line by hand for one of them, and export to Excel (names masked
 * unless revealed, which is audited).
 */
export default function ShiftRosterPage() {
  const params = useRouter().params
  const shiftId = params.shiftId ?? ''
  const roster = useCloudQuery(useCallback(() => call('shifts', 'roster', { shiftId }), [shiftId]))
  const loadCode = useCallback(() => call('shifts', 'checkInCode', { shiftId }), [shiftId])
  const [volunteerCode, setVolunteerCode] = useState(params.volunteerCode ?? '')
  const [time, setTime] = useState('')
  const [message, setMessage] = useState<string>()
  const [creditIndex, setCreditIndex] = useState(-1)
  const [creditHours, setCreditHours] = useState('')
  const [creditReason, setCreditReason] = useState('')

  const scanVolunteer = async () => {
    const scanned = await scanCode()
    if (!scanned) return
    setVolunteerCode(scanned.scene?.kind === 'volunteer' ? scanned.scene.code : scanned.text)
  }

  const record = async (action: 'checkIn' | 'checkOut', date: string) => {
    const at = time.trim() ? `${date}T${time.trim()}:00+08:00` : undefined
    const result = await call('shifts', action, { shiftId, volunteerCode, ...(at ? { at } : {}) })
    if (!result.ok) return setMessage(result.error.message)
    const { volunteerName, minutes } = result.data
    setMessage(
      action === 'checkIn'
        ? `${volunteerName} 已签到`
        : `${volunteerName} 已签退，记入 ${formatHours(minutes ?? 0)} 小时`,
    )
    setVolunteerCode('')
    await roster.reload()
  }

  /** A line by hand for a volunteer signed up for this shift (e.g. from the paper sheet). */
  const credit = async (volunteerId: string | undefined) => {
    if (!volunteerId) return setMessage('请选择志愿者')
    const result = await call('shifts', 'addHours', {
      volunteerId,
      shiftId,
      minutes: Math.round(Number(creditHours) * 60),
      reason: creditReason,
    })
    if (!result.ok) return setMessage(result.error.message)
    setMessage(`已补记 ${creditHours} 小时`)
    setCreditHours('')
    setCreditReason('')
    await roster.reload()
  }

  const exportHours = async (
    organizer: { kind: 'org' | 'community'; id: string },
    reveal: boolean,
  ) => {
    if (reveal) {
      const { confirm } = await Taro.showModal({
        title: '导出实名名单',
        content: '导出的表格含志愿者真实姓名，本次导出将记入审计日志。',
      })
      if (!confirm) return
    }
    const result = await call('shifts', 'exportHours', { organizer, reveal })
    if (!result.ok) return Taro.showToast({ title: result.error.message, icon: 'none' })
    await openFile(result.data, 'xlsx')
  }

  return (
    <View className='volunteers'>
      <QueryState query={roster}>
        {({ shift, lines }) => (
          <>
            <CodeImage load={loadCode} caption='志愿者用微信扫一扫此码，自助签到、签退' />
            <CellGroup
              title={`${shift.title} · ${formatDate(shift.date)} ${shift.start}-${shift.end}`}
            >
              <Cell
                title='班次签到码（供志愿者自助签到）'
                extra={<Text className='volunteers__code'>{shift.checkInCode}</Text>}
              />
              {canScan && (
                <Cell title='扫描志愿者的签到码' clickable onClick={() => void scanVolunteer()} />
              )}
              <Cell>
                <Input
                  value={volunteerCode}
                  onChange={setVolunteerCode}
                  placeholder='志愿者签到码'
                  maxLength={6}
                />
              </Cell>
              <Cell>
                <Input
                  value={time}
                  onChange={setTime}
                  placeholder='补记时间 HH:mm（留空为现在）'
                  maxLength={5}
                />
              </Cell>
            </CellGroup>
            <View className='volunteers__actions'>
              <Button block type='primary' onClick={() => void record('checkIn', shift.date)}>
                签到
              </Button>
              <Button block type='default' onClick={() => void record('checkOut', shift.date)}>
                签退
              </Button>
              {message && <Text>{message}</Text>}
            </View>
            <CellGroup title={`报名名单（${lines.length} 人）`}>
              {lines.map((line) => (
                <Cell
                  key={line.volunteerId}
                  title={`${line.volunteerName} ${line.phone}`}
                  description={`${line.status === 'booked' ? '已报名' : '候补'} · 签到 ${clock(line.checkInAt)} · 签退 ${clock(line.checkOutAt)}`}
                  extra={`${formatHours(line.minutes)} 小时`}
                />
              ))}
            </CellGroup>
            <CellGroup title='补记时长（须有原因，不能为自己补记）'>
              <Picker
                mode='selector'
                range={lines.map((line) => line.volunteerName)}
                onChange={(event) => setCreditIndex(Number(event.detail.value))}
              >
                <Cell
                  title='志愿者'
                  extra={lines[creditIndex]?.volunteerName ?? '请选择'}
                  clickable
                />
              </Picker>
              <Cell>
                <Input
                  value={creditHours}
                  onChange={setCreditHours}
                  type='digit'
                  placeholder='时长（小时），如 2.5'
                />
              </Cell>
              <Cell>
                <Input value={creditReason} onChange={setCreditReason} placeholder='原因' />
              </Cell>
            </CellGroup>
            <View className='volunteers__actions'>
              <Button
                block
                type='default'
                onClick={() => void credit(lines[creditIndex]?.volunteerId)}
              >
                补记
              </Button>
              <Button
                block
                type='default'
                onClick={() =>
                  void exportHours({ kind: shift.organizerKind, id: shift.organizerId }, false)
                }
              >
                导出 Excel
              </Button>
              <Button
                block
                type='default'
                onClick={() =>
                  void exportHours({ kind: shift.organizerKind, id: shift.organizerId }, true)
                }
              >
                导出实名 Excel（记入审计）
              </Button>
            </View>
          </>
        )}
      </QueryState>
    </View>
  )
}
