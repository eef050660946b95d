import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { ShiftList } from '../../components/ShiftList'

const loadRecommended = () => call('shifts', 'recommended')

/** Open shifts, the ones that fit the volunteer's skills, community and time first. */
export default function ShiftsPage() {
  return (
    <ShiftList
      load={loadRecommended}
      title='为您推荐'
      emptyText='暂无招募中的岗位'
      urlOf={ROUTES.volunteerShift}
    />
  )
}
