import { CellGroup } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import type { Result, ShiftView } from '../../../../cloudfunctions/features/api'
import { QueryState } from '../../../components/QueryState'
import { useCloudQuery } from '../../../hooks/useCloudQuery'
import { ShiftCell } from './ShiftCell'
import './volunteers.scss'

/** A page's list of shifts; `load` must be stable (a module-level function). */
export function ShiftList({
  load,
  title,
  emptyText,
  urlOf,
}: {
  load: () => Promise<Result<ShiftView[]>>
  title: string
  emptyText: string
  urlOf: (shiftId: string) => string
}) {
  const shifts = useCloudQuery(load)
  return (
    <View className='volunteers'>
      <QueryState query={shifts} isEmpty={(list) => list.length === 0} emptyText={emptyText}>
        {(list) => (
          <CellGroup title={title}>
            {list.map((shift) => (
              <ShiftCell key={shift.id} shift={shift} url={urlOf(shift.id)} />
            ))}
          </CellGroup>
        )}
      </QueryState>
    </View>
  )
}
