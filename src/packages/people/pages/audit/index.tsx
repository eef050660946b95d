import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useCallback, useState } from 'react'
import { AUDIT_KINDS, type AuditKind } from '../../../../../cloudfunctions/features/people/contract'
import { SingleChoice } from '../../../../components/ChoiceButtons'
import { Pager } from '../../../../components/Pager'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { call } from '../../../../services/cloud'

/** Who revealed or exported whose data, and every role granted or removed, newest first. */
export default function AuditLogPage() {
  const [kind, setKind] = useState<AuditKind>('all')
  const [page, setPage] = useState(1)
  const log = useCloudQuery(
    useCallback(() => call('people', 'auditLog', { kind, page }), [kind, page]),
  )
  return (
    <View className='page'>
      <CellGroup>
        <Cell>
          <SingleChoice
            labels={AUDIT_KINDS}
            value={kind}
            onChange={(chosen) => {
              setKind(chosen)
              setPage(1)
            }}
          />
        </Cell>
      </CellGroup>
      <QueryState query={log} isEmpty={(found) => found.total === 0} emptyText='暂无记录'>
        {(found) => (
          <>
            <CellGroup>
              {found.items.map((entry) => (
                <Cell
                  key={entry.id}
                  title={`${entry.actorName} ${entry.actionLabel}`}
                  description={`${dayjs(entry.at).format('YYYY-MM-DD HH:mm')} · ${entry.targetLabel}${entry.detail ? ` · ${entry.detail}` : ''}`}
                />
              ))}
            </CellGroup>
            <Pager found={found} onPage={setPage} />
          </>
        )}
      </QueryState>
    </View>
  )
}
