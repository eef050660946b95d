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

/** 共建协议 for each party that signs or is bound by them. */
export function AgreementsEntries({ roles }: { roles: RoleView[] }) {
  const parties = roles.flatMap((role) =>
    role.kind in SCOPES ? [{ role, scope: SCOPES[role.kind as keyof typeof SCOPES] }] : [],
  )
  if (parties.length === 0) return null
  return (
    <CellGroup title='长效机制'>
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
