import { accountInputs, type AccountApi, type MeView } from '../shared/contract/account'
import type { OutputsOf } from '../shared/contract/endpoints'
import { currentUser } from '../shared/caller'
import { ROLE_LABELS } from '../shared/domain/roles'
import type { Role, UserRecord } from '../shared/domain/types'
import { defineFunction } from '../shared/handler'
import { loadDistrictTree, requireCommunity } from '../shared/repositories/directory'
import { listOrganizations } from '../shared/repositories/organizations'
import { findUser, setHomeCommunity } from '../shared/repositories/users'

export const main = defineFunction<typeof accountInputs, OutputsOf<AccountApi>>(accountInputs, {
  async me() {
    return toMeView(await currentUser())
  },
  async setHomeCommunity({ communityId }) {
    const user = await currentUser()
    await requireCommunity(communityId)
    await setHomeCommunity(user._id, communityId)
    return toMeView((await findUser(user._id)) ?? user)
  },
})

async function toMeView(user: UserRecord): Promise<MeView> {
  const [{ districts, streets, communities }, organizations] = await Promise.all([
    loadDistrictTree(),
    listOrganizations(
      user.roles.flatMap((role) => (role.kind === 'org_member' ? [role.orgId] : [])),
    ),
  ])
  const nameOf = (id: string) =>
    [...districts, ...streets, ...communities, ...organizations].find((item) => item._id === id)
      ?.name ?? ''
  const home = communities.find((community) => community._id === user.homeCommunityId)
  return {
    id: user._id,
    displayName: user.displayName,
    roles: user.roles.map((role) => {
      const scopeId = roleScope(role)
      const scopeName = nameOf(scopeId)
      return {
        kind: role.kind,
        scopeId,
        label: scopeName ? `${ROLE_LABELS[role.kind]} · ${scopeName}` : ROLE_LABELS[role.kind],
      }
    }),
    homeCommunity: home && { id: home._id, name: home.name, streetName: nameOf(home.streetId) },
  }
}

function roleScope(role: Role): string {
  switch (role.kind) {
    case 'resident':
    case 'volunteer':
    case 'community_worker':
      return role.communityId
    case 'org_member':
      return role.orgId
    case 'street_admin':
      return role.streetId
    case 'district_admin':
      return role.districtId
  }
}
