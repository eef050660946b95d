import { Text, View } from '@tarojs/components'
import { useScene } from '../../../../hooks/useScene'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { ShiftList } from '../../components/ShiftList'
import '../../components/volunteers.scss'

const loadManaged = () => call('shifts', 'managed')

/**
 * The shifts the caller's organizations and communities run. Opened from a volunteer's own code
 * (scanned with WeChat), the shift chosen opens with the volunteer's code filled in.
 */
export default function ManagedShiftsPage() {
  const scene = useScene()
  const volunteerCode = scene?.kind === 'volunteer' ? scene.code : ''
  return (
    <View>
      {volunteerCode && (
        <Text className='volunteers__note'>
          已扫描志愿者签到码 {volunteerCode}，请选择班次为其签到
        </Text>
      )}
      <ShiftList
        load={loadManaged}
        title='我管理的班次'
        emptyText='暂无发布的班次'
        urlOf={(shiftId) => ROUTES.shiftRoster(shiftId, volunteerCode)}
      />
    </View>
  )
}
