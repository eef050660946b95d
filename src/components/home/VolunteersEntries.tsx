import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import type { MeView } from '../../../cloudfunctions/features/api'
import { ROUTES } from '../../routes'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** 服务大厅's volunteer entries: register or serve, and run shifts for staff. */
export function VolunteersEntries({ roles }: { roles: MeView['roles'] }) {
  const isVolunteer = roles.some((role) => role.kind === 'volunteer')
  const runsShifts = roles.some(
    (role) => role.kind === 'org_member' || role.kind === 'community_worker',
  )
  return (
    <CellGroup title='志愿服务'>
      {isVolunteer ? (
        <Cell
          title='我的志愿服务'
          description='服务时长、证明下载'
          clickable
          onClick={go(ROUTES.volunteerService)}
        />
      ) : (
        <Cell
          title='志愿者登记'
          description='双报到：在职党员、商户、居民、大学生'
          clickable
          onClick={go(ROUTES.volunteerRegister)}
        />
      )}
      <Cell
        title='志愿岗位'
        description='按技能与时间推荐'
        clickable
        onClick={go(ROUTES.volunteerShifts)}
      />
      {roles
        .filter((role) => role.kind === 'community_worker')
        .map((role) => (
          <Cell
            key={role.scopeId}
            title='志愿者审核'
            description={role.label}
            clickable
            onClick={go(ROUTES.volunteerReview(role.scopeId))}
          />
        ))}
      {runsShifts && (
        <Cell
          title='班次管理'
          description='报名名单、签到签退、导出时长'
          clickable
          onClick={go(ROUTES.managedShifts)}
        />
      )}
      {runsShifts && (
        <Cell
          title='发布班次'
          description='招募志愿者：时间、地点、人数、技能'
          clickable
          onClick={go(ROUTES.publishShift)}
        />
      )}
    </CellGroup>
  )
}
