import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { ShiftList } from '../../components/ShiftList'

const loadManaged = () => call('shifts', 'managed')

/** The shifts the caller's organizations and communities run. */
export default function ManagedShiftsPage() {
  return (
    <ShiftList
      load={loadManaged}
      title='我管理的班次'
      emptyText='暂无发布的班次'
      urlOf={ROUTES.shiftRoster}
    />
  )
}
