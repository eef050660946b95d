import { useCallback } from 'react'
import { kindChoicesOf, vocabularyOf } from '../../../../cloudfunctions/shared/serviceKinds'
import { useCloudQuery } from '../../../hooks/useCloudQuery'
import { call } from '../../../services/cloud'

const BUILT_IN = kindChoicesOf(vocabularyOf())

/** The service kinds the pickers offer: built-in ones at once, the district's own once loaded. */
export function useServiceKinds() {
  const kinds = useCloudQuery(useCallback(() => call('lists', 'listKinds', {}), []))
  const choices = kinds.data
    ? Object.fromEntries(kinds.data.map((kind) => [kind.id, kind.label]))
    : BUILT_IN
  return { kinds, choices }
}
