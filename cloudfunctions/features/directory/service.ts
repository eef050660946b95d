import type { OutputsOf } from '../../shared/endpoints'
import { AppError } from '../../shared/errors'
import { defineService, publicAction } from '../../shared/handler'
import { directoryInputs, type DirectoryApi } from './contract'
import type { Community, Street } from './domain'
import { findCommunity, findStreet, loadDistrictTree } from './repository'
import { toDistrictTreeView } from './views'

export async function requireCommunity(id: string): Promise<Community> {
  const community = await findCommunity(id)
  if (!community) throw new AppError('NOT_FOUND', '所选社区不存在')
  return community
}

export async function requireStreet(id: string): Promise<Street> {
  const street = await findStreet(id)
  if (!street) throw new AppError('NOT_FOUND', '所选街道不存在')
  return street
}

/** Community names by id, for lists that show where each record belongs. */
export async function communityNames(): Promise<Map<string, string>> {
  const { communities } = await loadDistrictTree()
  return new Map(communities.map((community) => [community._id, community.name]))
}

/** The communities of a street. */
export async function communitiesOfStreet(streetId: string): Promise<Community[]> {
  const { communities } = await loadDistrictTree()
  return communities.filter((community) => community.streetId === streetId)
}

export const directoryService = defineService<typeof directoryInputs, OutputsOf<DirectoryApi>>(
  directoryInputs,
  {
    // The list of streets and communities is public: a visitor picks theirs before signing in.
    tree: publicAction(async () => toDistrictTreeView(await loadDistrictTree())),
  },
)
