import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import type { MeView } from '../../../cloudfunctions/features/api'
import { ROUTES } from '../../routes'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** 服务大厅's entries for organizations and people: trainings, teams, charity, roles, registry. */
export function PeopleEntries({ me }: { me: MeView }) {
  const admins = me.roles.filter(
    (role) => role.kind === 'district_admin' || role.kind === 'street_admin',
  )
  const appoints = admins.length > 0 || me.roles.some((role) => role.admin)
  const streetIds = [
    ...new Set([
      ...me.roles.filter((role) => role.kind === 'street_admin').map((role) => role.scopeId),
      ...(me.homeCommunity ? [me.homeCommunity.streetId] : []),
    ]),
  ]
  return (
    <CellGroup title='组织与人员'>
      <Cell
        title='乔社学院'
        description='培训与能力建设：报名、签到'
        clickable
        onClick={go(ROUTES.trainings)}
      />
      <Cell
        title='志愿服务队'
        description='加入服务队，查看队伍的班次与时长'
        clickable
        onClick={go(ROUTES.volunteerTeams)}
      />
      {streetIds.map((streetId) => (
        <Cell
          key={streetId}
          title='慈善资源库'
          description='爱心超市库存、捐赠与季度公示'
          clickable
          onClick={go(ROUTES.charityPool(streetId))}
        />
      ))}
      {admins.length > 0 && (
        <Cell
          title='组织名录'
          description='登记、备案、等级评估与服务成效'
          clickable
          onClick={go(ROUTES.orgRegistry)}
        />
      )}
      {appoints && (
        <Cell
          title='人员管理'
          description='任命、邀请与移除'
          clickable
          onClick={go(ROUTES.manageRoles)}
        />
      )}
      {admins.length > 0 && (
        <Cell
          title='审计日志'
          description='谁查看或导出了谁的数据'
          clickable
          onClick={go(ROUTES.auditLog)}
        />
      )}
    </CellGroup>
  )
}
