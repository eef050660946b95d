import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'

const KIND_LABELS = { street: '街道', community: '社区', org: '组织' } as const

/** The streets, communities and organizations whose people the caller appoints and removes. */
export default function ManageRolesPage() {
  const scopes = useCloudQuery(useCallback(() => call('people', 'manageable'), []))
  return (
    <View className='page'>
      <QueryState
        query={scopes}
        isEmpty={(list) => list.length === 0}
        emptyText='您没有可以管理人员的范围'
      >
        {(list) => (
          <CellGroup title='选择要管理的范围'>
            {list.map((scope) => (
              <Cell
                key={scope.scopeId}
                title={scope.name}
                description={[KIND_LABELS[scope.scopeKind], scope.parentName]
                  .filter(Boolean)
                  .join(' · ')}
                clickable
                onClick={() =>
                  void Taro.navigateTo({ url: ROUTES.roleScope(scope.scopeKind, scope.scopeId) })
                }
              />
            ))}
          </CellGroup>
        )}
      </QueryState>
    </View>
  )
}
