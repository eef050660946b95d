import type { LocalDatabase } from '../../localcloud/database'
import { seedDemoData } from '../../localcloud/demoData'
import { useLocalDatabase } from './world'

/**
 * The demo data `npm start` seeds, in a fresh embedded database before each test: the pilot alone,
 * or with the district's history (`history`) as a first `npm start` writes it.
 */
export function useDemo({ history = false } = {}): { readonly db: LocalDatabase } {
  const current = useLocalDatabase((db) => {
    if (!seedDemoData(db, { history })) throw new Error('the demo seeds an empty database')
  })
  return {
    get db() {
      return current()
    },
  }
}
