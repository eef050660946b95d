import { requireSafeText } from '../../shared/contentSecurity'
import type { OutputsOf } from '../../shared/endpoints'
import { defineService } from '../../shared/handler'
import { requireOversight } from '../../shared/roles'
import { communityNames, requireCommunity } from '../directory/service'
import { needsInputs, type NeedsApi } from './contract'
import { insertPersonalNeed, readNeedsPage } from './repository'
import { toPersonalNeedView } from './views'

const NEEDS_PAGE_SIZE = 20

export const needsService = defineService<typeof needsInputs, OutputsOf<NeedsApi>>(needsInputs, {
  async post(input, caller) {
    const community = await requireCommunity(input.communityId)
    await requireSafeText(caller._id, 'forum', { 需求描述: input.description })
    const now = new Date()
    const need = await insertPersonalNeed({
      residentId: caller._id,
      residentName: caller.displayName,
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
    return toPersonalNeedView(need, community.name, 'owner')
  },

  async listMine({ page }, caller) {
    const [result, names] = await Promise.all([
      readNeedsPage({ residentId: caller._id }, page, NEEDS_PAGE_SIZE),
      communityNames(),
    ])
    return {
      ...result,
      items: result.items.map((need) =>
        toPersonalNeedView(need, names.get(need.communityId) ?? '', 'owner'),
      ),
    }
  },

  async listCommunity({ communityId, status, page }, caller) {
    const community = await requireCommunity(communityId)
    requireOversight(caller, community)
    const result = await readNeedsPage(
      status ? { communityId, status } : { communityId },
      page,
      NEEDS_PAGE_SIZE,
    )
    return {
      ...result,
      items: result.items.map((need) => toPersonalNeedView(need, community.name, 'staff')),
    }
  },
})
