import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ResultError } from '../../cloudfunctions/shared/result'
import type { Result } from '../../cloudfunctions/features/api'

export interface CloudQuery<T> {
  data?: T
  error?: ResultError
  loading: boolean
  reload: () => Promise<void>
}

/**
 * Loads data from the cloud when the page shows (again), so a list is fresh after the user comes
 * back from a form. `load` must be stable across renders for the same query (wrap it in useCallback).
 */
export function useCloudQuery<T>(load: () => Promise<Result<T>>): CloudQuery<T> {
  const [state, setState] = useState<{ data?: T; error?: ResultError; loading: boolean }>({
    loading: true,
  })
  const latest = useRef(0)
  const reload = useCallback(async () => {
    const ticket = ++latest.current
    setState((previous) => ({ ...previous, loading: true }))
    const result = await load()
    if (ticket !== latest.current) return
    setState(
      result.ok ? { data: result.data, loading: false } : { error: result.error, loading: false },
    )
  }, [load])
  // The first show is covered by the load on mount. Taro may report it before or after that load
  // starts, so a show counts only once the load on mount has answered.
  const mountLoad = useRef<'none' | 'asking' | 'answered'>('none')
  useEffect(() => {
    mountLoad.current = 'asking'
    void reload().then(() => {
      mountLoad.current = 'answered'
    })
  }, [reload])
  useDidShow(() => {
    if (mountLoad.current === 'answered') void reload()
  })
  return { ...state, reload }
}
