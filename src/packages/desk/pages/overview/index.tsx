import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { DeskScope } from '../../../../../cloudfunctions/features/api'
import { QueryState } from '../../../../components/QueryState'
import { ROUTES } from '../../../../routes'
import { DeskFigures } from '../../components/DeskFigures'
import { useDesk } from '../../hooks/useDesk'
import '../../components/Desk.scss'

const CHILD_KIND: Record<DeskScope, string> = {
  district: '各街道',
  street: '各社区',
  community: '',
}

/** 数据服务台: a district, street or community's figures, its children to drill into, Excel. */
export default function DeskOverviewPage() {
  const { scope, id } = useRouter().params
  const desk = useDesk(scope as DeskScope | undefined, id)
  return (
    <View className='desk'>
      <QueryState query={desk.overview}>
        {(view) => (
          <>
            <View className='desk__path'>
              {view.path.map((node, index) =>
                index < view.path.length - 1 ? (
                  <Text
                    key={node.id}
                    className='desk__crumb'
                    onClick={() => void Taro.redirectTo({ url: ROUTES.desk(node.scope, node.id) })}
                  >
                    {node.name} ›
                  </Text>
                ) : (
                  <Text key={node.id}>{node.name}</Text>
                ),
              )}
            </View>
            <Text className='desk__name'>{view.name}</Text>
            <Text className='desk__taken'>数据时间（北京时间）{view.takenAt}</Text>
            <View className='desk__actions'>
              {view.canExport && (
                <Button type='primary' size='small' onClick={() => void desk.exportTables()}>
                  导出 Excel
                </Button>
              )}
              {view.canRefresh && (
                <Button size='small' onClick={() => void desk.refresh()}>
                  更新数据
                </Button>
              )}
            </View>
            {desk.error && <Text className='desk__error'>{desk.error}</Text>}
            {view.children.length > 0 && (
              <CellGroup title={CHILD_KIND[view.scope]}>
                {view.children.map((child) => (
                  <Cell
                    key={child.id}
                    title={child.name}
                    description={`需求 ${child.headline.needsPublished} · 项目 ${child.headline.projects} · 服务 ${child.headline.peopleServed} 人次 · 志愿者 ${child.headline.volunteersRegistered} 人`}
                    clickable
                    onClick={() =>
                      void Taro.navigateTo({ url: ROUTES.desk(child.scope, child.id) })
                    }
                  />
                ))}
              </CellGroup>
            )}
            <DeskFigures view={view} />
          </>
        )}
      </QueryState>
    </View>
  )
}
