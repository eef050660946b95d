import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import type { RoleView } from '../../../cloudfunctions/features/api'
import { ROUTES } from '../../routes'

/** 双清单 entries of 服务大厅: a worker's need list and matching, an organization's resource list. */
export function ListsEntries({ roles }: { roles: RoleView[] }) {
  const workerRoles = roles.filter((role) => role.kind === 'community_worker')
  const memberRoles = roles.filter((role) => role.kind === 'org_member')
  const districtRoles = roles.filter((role) => role.kind === 'district_admin')
  const go = (url: string) => void Taro.navigateTo({ url })
  return (
    <>
      {workerRoles.length > 0 && (
        <CellGroup title='双清单 · 社区'>
          {workerRoles.map((role) => (
            <Cell
              key={role.scopeId}
              title='需求清单与资源匹配'
              description={role.label}
              clickable
              onClick={() => go(ROUTES.communityNeedList(role.scopeId))}
            />
          ))}
        </CellGroup>
      )}
      {memberRoles.length > 0 && (
        <CellGroup title='双清单 · 服务组织'>
          {memberRoles.map((role) => (
            <Cell
              key={role.scopeId}
              title='我们的资源清单'
              description={role.label}
              clickable
              onClick={() => go(ROUTES.organizationOfferings(role.scopeId))}
            />
          ))}
          {memberRoles.map((role) => (
            <Cell
              key={`${role.scopeId}-proposals`}
              title='匹配方案'
              description={`${role.label} · 待接受的方案`}
              clickable
              onClick={() => go(ROUTES.organizationProposals(role.scopeId))}
            />
          ))}
        </CellGroup>
      )}
      {districtRoles.map((role) => (
        <CellGroup key={role.scopeId} title='双清单 · 全区'>
          <Cell
            title='服务类型'
            description={`${role.label} · 双清单共用的服务类型`}
            clickable
            onClick={() => go(ROUTES.serviceKinds(role.scopeId))}
          />
        </CellGroup>
      ))}
    </>
  )
}
