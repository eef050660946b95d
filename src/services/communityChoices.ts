import type { CommunityView, Result } from '../../cloudfunctions/features/api'
import { call } from './cloud'

export type CommunityChoice = CommunityView & { streetName: string }

/** The communities a form offers, each with its street, and the user's own community first pick. */
export async function loadCommunityChoices(): Promise<
  Result<{ homeCommunityId?: string; communities: CommunityChoice[] }>
> {
  const [me, tree] = await Promise.all([call('account', 'me'), call('directory', 'tree')])
  if (!me.ok) return me
  if (!tree.ok) return tree
  const communities = tree.data.streets.flatMap((street) =>
    street.communities.map((community) => ({ ...community, streetName: street.name })),
  )
  return { ok: true, data: { homeCommunityId: me.data.homeCommunity?.id, communities } }
}
