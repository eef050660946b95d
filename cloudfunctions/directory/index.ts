import { directoryInputs, type DirectoryApi } from '../shared/contract/directory'
import type { OutputsOf } from '../shared/contract/endpoints'
import { currentUser } from '../shared/caller'
import { defineFunction } from '../shared/handler'
import { loadDistrictTree } from '../shared/repositories/directory'

export const main = defineFunction<typeof directoryInputs, OutputsOf<DirectoryApi>>(
  directoryInputs,
  {
    async tree() {
      await currentUser()
      const { districts, streets, communities } = await loadDistrictTree()
      return {
        districtName: districts[0]?.name ?? '',
        streets: streets.map((street) => ({
          id: street._id,
          name: street.name,
          pilot: street.pilot,
          communities: communities
            .filter((community) => community.streetId === street._id)
            .map((community) => ({
              id: community._id,
              name: community.name,
              streetId: community.streetId,
              pilot: community.pilot,
            })),
        })),
      }
    },
  },
)
