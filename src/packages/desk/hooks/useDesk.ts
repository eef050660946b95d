import { useCallback } from 'react'
import type { DeskScope } from '../../../../cloudfunctions/features/api'
import { useAction } from '../../../hooks/useAction'
import { useCloudQuery } from '../../../hooks/useCloudQuery'
import { call } from '../../../services/cloud'
import { openFile } from '../../../services/files'

/** A desk node's figures (the caller's own district or street when none is named), export, refresh. */
export function useDesk(scope: DeskScope | undefined, id: string | undefined) {
  const overview = useCloudQuery(
    useCallback(() => call('desk', 'overview', scope && id ? { scope, id } : {}), [scope, id]),
  )
  const action = useAction()
  const { run } = action
  const view = overview.data
  const exportTables = useCallback(async () => {
    if (!view) return
    const file = await run(call('desk', 'exportTables', { scope: view.scope, id: view.id }))
    if (file) await openFile(file, 'xlsx')
  }, [run, view])
  const refresh = useCallback(async () => {
    if (await run(call('desk', 'refresh', {}))) await overview.reload()
  }, [run, overview])
  return { overview, error: action.error, exportTables, refresh }
}
