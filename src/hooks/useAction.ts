import { useCallback, useState } from 'react'
import type { Result } from '../../cloudfunctions/features/api'

/** Runs a cloud call from a tap and keeps its error message for the page to show. */
export function useAction() {
  const [error, setError] = useState<string>()
  const run = useCallback(async <T>(pending: Promise<Result<T>>): Promise<T | undefined> => {
    const result = await pending
    if (!result.ok) {
      setError(result.error.message)
      return undefined
    }
    setError(undefined)
    return result.data
  }, [])
  return { error, setError, run }
}
