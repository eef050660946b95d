import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import type { RoleView } from '../../../cloudfunctions/features/api'
import { ROUTES } from '../../routes'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** The home page's entries to the service stalls: everyone books; staff and organizations publish. */
export function StallsEntries({ roles }: { roles: RoleView[] }) {
  const publishes = roles.some(
    (role) => role.kind === 'community_worker' || role.kind === 'org_member',
  )
  return (
    <CellGroup title='预约服务'>
      <Cell
        title='服务集市'
        description='公益理发、视力检测、维修服务，在线预约'
        clickable
        onClick={go(ROUTES.stallEvents)}
      />
      <Cell
        title='我的预约'
        description='签到码、取消与评价'
        clickable
        onClick={go(ROUTES.myBookings)}
      />
      {publishes && (
        <Cell
          title='发布服务活动'
          description='设置项目、时段与名额'
          clickable
          onClick={go(ROUTES.publishStallEvent)}
        />
      )}
    </CellGroup>
  )
}
