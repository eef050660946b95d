import { Cell } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import type { ShiftView } from '../../../../cloudfunctions/features/api'
import { VOLUNTEER_SKILLS } from '../../../../cloudfunctions/features/volunteers/domain'
import { formatDate } from '../../../services/dates'

/** One shift in a list: what, when, where, places left; tapping opens `url`. */
export function ShiftCell({ shift, url }: { shift: ShiftView; url: string }) {
  const skills = shift.requiredSkills.map((skill) => VOLUNTEER_SKILLS[skill]).join('、')
  return (
    <Cell
      title={shift.title}
      description={`${formatDate(shift.date)} ${shift.start}-${shift.end} · ${shift.place} · ${shift.organizerName}${skills ? ` · 需要：${skills}` : ''}`}
      extra={`${shift.taken}/${shift.capacity} 人`}
      clickable
      onClick={() => void Taro.navigateTo({ url })}
    />
  )
}
