import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import type { RoleView } from '../../../cloudfunctions/features/api'
import { ROUTES } from '../../routes'

const SCOPES = {
  district_admin: 'district',
  street_admin: 'street',
  community_worker: 'community',
  org_member: 'organization',
} as const

/**
 * 共建协议 for each party that signs or is bound by them, the street councils, an organization's
 * evaluation report, and a resident's ratings of the projects serving them.
 */
export function AgreementsEntries({ roles }: { roles: RoleView[] }) {
  const parties = roles.flatMap((role) =>
    role.kind in SCOPES ? [{ role, scope: SCOPES[role.kind as keyof typeof SCOPES] }] : [],
  )
  const residents = roles.some((role) => role.kind === 'resident')
  if (parties.length === 0 && !residents) return null
  const organizations = roles.filter((role) => role.kind === 'org_member')
  return (
    <CellGroup title='长效机制'>
      {parties.length > 0 && (
        <Cell
          title='共建议事会'
          description='街道季度议事会：议程、表决与纪要'
          clickable
          onClick={() => void Taro.navigateTo({ url: ROUTES.councils })}
        />
      )}
      {roles
        .filter((role) => role.kind === 'community_worker')
        .map((role) => (
          <Cell
            key={`monthly-${role.scopeId}`}
            title='月度碰头会'
            description={role.label}
            clickable
            onClick={() => void Taro.navigateTo({ url: ROUTES.monthlyMeeting(role.scopeId) })}
          />
        ))}
      {organizations.map((role) => (
        <Cell
          key={`report-${role.scopeId}`}
          title='效果评估'
          description={role.label}
          clickable
          onClick={() => void Taro.navigateTo({ url: ROUTES.organizationReport(role.scopeId) })}
        />
      ))}
      {residents && (
        <Cell
          title='为共建项目打分'
          description='服务您需求的共建项目'
          clickable
          onClick={() => void Taro.navigateTo({ url: ROUTES.servedProjects })}
        />
      )}
      {parties.map(({ role, scope }) => (
        <Cell
          key={`agreements-${role.kind}-${role.scopeId}`}
          title='共建协议'
          description={role.label}
          clickable
          onClick={() => void Taro.navigateTo({ url: ROUTES.agreements(scope, role.scopeId) })}
        />
      ))}
    </CellGroup>
  )
}
