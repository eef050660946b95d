import type { OutputsOf } from '../shared/contract/endpoints'
import { needsInputs, type NeedsApi, type PersonalNeedView } from '../shared/contract/needs'
import { currentUser } from '../shared/caller'
import { maskPhone } from '../shared/domain/privacy'
import { requireOversight } from '../shared/domain/roles'
import type { Community, PersonalNeed } from '../shared/domain/types'
import { defineFunction } from '../shared/handler'
import {
  insertPersonalNeed,
  listNeedsOfCommunity,
  listNeedsOfResident,
} from '../shared/repositories/personalNeeds'
import { loadDistrictTree, requireCommunity } from '../shared/repositories/directory'

export const main = defineFunction<typeof needsInputs, OutputsOf<NeedsApi>>(needsInputs, {
  async post(input) {
    const user = await currentUser()
    const community = await requireCommunity(input.communityId)
    const now = new Date()
    const need = await insertPersonalNeed({
      residentId: user._id,
      residentName: user.displayName,
      districtId: community.districtId,
      streetId: community.streetId,
      communityId: community._id,
      kind: input.kind,
      category: input.category,
      description: input.description,
      ...(input.contactPhone ? { contactPhone: input.contactPhone } : {}),
      status: 'open',
      createdAt: now,
      updatedAt: now,
    })
    return toView(need, community.name, 'owner')
  },

  async listMine({ page }) {
    const user = await currentUser()
    const result = await listNeedsOfResident(user._id, page)
    const names = await communityNames()
    return {
      ...result,
      items: result.items.map((need) => toView(need, names.get(need.communityId) ?? '', 'owner')),
    }
  },

  async listCommunity({ communityId, status, page }) {
    const user = await currentUser()
    const community: Community = await requireCommunity(communityId)
    requireOversight(user, community)
    const result = await listNeedsOfCommunity(communityId, status, page)
    return {
      ...result,
      items: result.items.map((need) => toView(need, community.name, 'staff')),
    }
  },
})

async function communityNames(): Promise<Map<string, string>> {
  const { communities } = await loadDistrictTree()
  return new Map(communities.map((community) => [community._id, community.name]))
}

function toView(
  need: PersonalNeed,
  communityName: string,
  viewer: 'owner' | 'staff',
): PersonalNeedView {
  const phone = need.contactPhone
  return {
    id: need._id,
    kind: need.kind,
    category: need.category,
    description: need.description,
    communityId: need.communityId,
    communityName,
    status: need.status,
    residentName: need.residentName,
    ...(phone ? { contactPhone: viewer === 'owner' ? phone : maskPhone(phone) } : {}),
    createdAt: new Date(need.createdAt).toISOString(),
  }
}
