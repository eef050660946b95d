import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MeView } from '../../../cloudfunctions/features/api'
import type { RoleKind } from '../../../cloudfunctions/shared/roles'
import { ROUTES } from '../../routes'

interface Tile {
  icon: string
  label: string
  url: string
}

/** What each role does most, as tiles; the role's place (community, street…) fills the address. */
function tilesOf(kind: RoleKind, me: MeView): Tile[] {
  const scope = me.roles.find((role) => role.kind === kind)?.scopeId ?? ''
  const street = me.homeCommunity?.streetId
  switch (kind) {
    case 'resident':
      return [
        { icon: '📝', label: '发布需求', url: ROUTES.postNeed },
        { icon: '📋', label: '我的需求', url: ROUTES.myNeeds },
        { icon: '🏪', label: '服务集市', url: ROUTES.stallEvents },
        { icon: '🎫', label: '我的预约', url: ROUTES.myBookings },
        { icon: '⚖️', label: '我的调解', url: ROUTES.myMediation },
        ...(street ? [{ icon: '💝', label: '慈善资源库', url: ROUTES.charityPool(street) }] : []),
      ]
    case 'volunteer':
      return [
        { icon: '🙋', label: '我的志愿服务', url: ROUTES.volunteerService },
        { icon: '📅', label: '志愿岗位', url: ROUTES.volunteerShifts },
        { icon: '👥', label: '志愿服务队', url: ROUTES.volunteerTeams },
        { icon: '🎓', label: '乔社学院', url: ROUTES.trainings },
      ]
    case 'org_member':
      return [
        { icon: '🏆', label: '揭榜大厅', url: ROUTES.claimableNeeds },
        { icon: '📌', label: '我的揭榜', url: ROUTES.myClaims },
        { icon: '📦', label: '我们的资源清单', url: ROUTES.organizationOfferings(scope) },
        { icon: '🗂️', label: '我们承接的共建项目', url: ROUTES.organizationProjects(scope) },
        { icon: '🕒', label: '班次管理', url: ROUTES.managedShifts },
      ]
    case 'community_worker':
      return [
        { icon: '📨', label: '社区需求', url: ROUTES.communityNeeds(scope) },
        { icon: '🧾', label: '需求清单与资源匹配', url: ROUTES.communityNeedList(scope) },
        { icon: '✅', label: '揭榜审核', url: ROUTES.reviewClaims(scope) },
        { icon: '🏗️', label: '共建项目', url: ROUTES.communityProjects(scope) },
        { icon: '🙋', label: '志愿者审核', url: ROUTES.volunteerReview(scope) },
        { icon: '⚖️', label: '调解案件', url: ROUTES.mediationCases(scope) },
        { icon: '🗓️', label: '月度碰头会', url: ROUTES.monthlyMeeting(scope) },
      ]
    case 'street_admin':
      return [
        { icon: '📊', label: '数据服务台', url: ROUTES.desk('street', scope) },
        { icon: '🏛️', label: '共建议事会', url: ROUTES.councils },
        { icon: '⏰', label: '待揭榜超期与项目统计', url: ROUTES.overdueNeeds(scope) },
        { icon: '⚖️', label: '调解统计', url: ROUTES.mediationFigures('street', scope) },
        { icon: '💝', label: '慈善资源库', url: ROUTES.charityPool(scope) },
        { icon: '👤', label: '人员管理', url: ROUTES.manageRoles },
      ]
    case 'district_admin':
      return [
        { icon: '📊', label: '数据服务台', url: ROUTES.desk('district', scope) },
        { icon: '🤝', label: '共建协议', url: ROUTES.agreements('district', scope) },
        { icon: '🏛️', label: '共建议事会', url: ROUTES.councils },
        { icon: '🏢', label: '组织名录', url: ROUTES.orgRegistry },
        { icon: '👤', label: '人员管理', url: ROUTES.manageRoles },
        { icon: '🔍', label: '审计日志', url: ROUTES.auditLog },
      ]
  }
}

/** The chosen role's icon grid (emoji, no images to load). */
export function RoleGrid({ kind, me }: { kind: RoleKind; me: MeView }) {
  return (
    <View className='home-grid'>
      {tilesOf(kind, me).map((tile) => (
        <Button
          key={tile.label}
          className='home-grid__tile'
          onClick={() => void Taro.navigateTo({ url: tile.url })}
        >
          <Text className='home-grid__icon'>{tile.icon}</Text>
          <Text className='home-grid__label'>{tile.label}</Text>
        </Button>
      ))}
    </View>
  )
}
