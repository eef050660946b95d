import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type { RoleKind } from '../../cloudfunctions/shared/roles'

const STORAGE_KEY = 'gongjian.homeRole'

/** Staff roles first: someone who works in the product opens on their work. */
const DEFAULT_ORDER: RoleKind[] = [
  'district_admin',
  'street_admin',
  'community_worker',
  'org_member',
  'volunteer',
  'resident',
]

/**
 * The role the home shows, among those the person holds (everyone may act as a resident). The
 * choice is kept on the device, so the home opens on it next time.
 */
export function useHomeRole(held: RoleKind[]) {
  const [chosen, setChosen] = useState<RoleKind | undefined>(
    () => (Taro.getStorageSync(STORAGE_KEY) as RoleKind | '') || undefined,
  )
  const kinds = DEFAULT_ORDER.filter((kind) => kind === 'resident' || held.includes(kind))
  const current = chosen && kinds.includes(chosen) ? chosen : kinds[0]
  const choose = useCallback((kind: RoleKind) => {
    Taro.setStorageSync(STORAGE_KEY, kind)
    setChosen(kind)
  }, [])
  return { kinds, current, choose }
}
