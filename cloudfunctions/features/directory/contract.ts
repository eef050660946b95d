import { z } from 'zod'
import type { Endpoints } from '../../shared/endpoints'

export const directoryInputs = {
  tree: z.object({}).strict(),
}

export interface CommunityView {
  id: string
  name: string
  streetId: string
  pilot: boolean
}

export interface StreetView {
  id: string
  name: string
  pilot: boolean
  communities: CommunityView[]
}

export interface DistrictTreeView {
  districtName: string
  streets: StreetView[]
}

export type DirectoryApi = Endpoints<typeof directoryInputs, { tree: DistrictTreeView }>
