import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import type { RoleView } from '../../../cloudfunctions/features/api'
import { ROUTES } from '../../routes'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** Home entries of 领题揭榜 and co-build projects, for the roles that use them. */
export function ProjectsEntries({ roles }: { roles: RoleView[] }) {
  const isProvider = roles.some((role) => role.kind === 'org_member')
  const workerRoles = roles.filter((role) => role.kind === 'community_worker')
  const streetRoles = roles.filter((role) => role.kind === 'street_admin')
  if (!isProvider && workerRoles.length === 0 && streetRoles.length === 0) return null
  return (
    <CellGroup title='领题揭榜 · 共建项目'>
      {isProvider && (
        <>
          <Cell
            title='揭榜大厅'
            description='认领社区发布的需求'
            clickable
            onClick={go(ROUTES.claimableNeeds)}
          />
          <Cell
            title='我的揭榜'
            description='审核进度与共建项目'
            clickable
            onClick={go(ROUTES.myClaims)}
          />
        </>
      )}
      {roles
        .filter((role) => role.kind === 'org_member')
        .map((role) => (
          <Cell
            key={`org-projects-${role.scopeId}`}
            title='我们承接的共建项目'
            description={role.label}
            clickable
            onClick={go(ROUTES.organizationProjects(role.scopeId))}
          />
        ))}
      {workerRoles.map((role) => (
        <Cell
          key={`review-${role.scopeId}`}
          title='揭榜审核'
          description={role.label}
          clickable
          onClick={go(ROUTES.reviewClaims(role.scopeId))}
        />
      ))}
      {workerRoles.map((role) => (
        <Cell
          key={`projects-${role.scopeId}`}
          title='共建项目'
          description={role.label}
          clickable
          onClick={go(ROUTES.communityProjects(role.scopeId))}
        />
      ))}
      {streetRoles.map((role) => (
        <Cell
          key={role.scopeId}
          title='待揭榜超期与项目统计'
          description={role.label}
          clickable
          onClick={go(ROUTES.overdueNeeds(role.scopeId))}
        />
      ))}
    </CellGroup>
  )
}
