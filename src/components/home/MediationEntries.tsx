import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import type { RoleView } from '../../../cloudfunctions/features/api'
import { ROUTES } from '../../routes'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** Home entries of people's mediation: my disputes and cases, a community's cases, the figures. */
export function MediationEntries({ roles }: { roles: RoleView[] }) {
  return (
    <CellGroup title='矛盾纠纷调解'>
      <Cell
        title='我的调解'
        description='我反映的纠纷、我负责调解的案件'
        clickable
        onClick={go(ROUTES.myMediation)}
      />
      {roles.map((role) => {
        if (role.kind === 'community_worker') {
          return (
            <Cell
              key={`cases-${role.scopeId}`}
              title='调解案件'
              description={role.label}
              clickable
              onClick={go(ROUTES.mediationCases(role.scopeId))}
            />
          )
        }
        if (role.kind === 'street_admin' || role.kind === 'district_admin') {
          return (
            <Cell
              key={`figures-${role.scopeId}`}
              title='调解统计'
              description={role.label}
              clickable
              onClick={go(
                ROUTES.mediationFigures(
                  role.kind === 'street_admin' ? 'street' : 'district',
                  role.scopeId,
                ),
              )}
            />
          )
        }
        return null
      })}
    </CellGroup>
  )
}
