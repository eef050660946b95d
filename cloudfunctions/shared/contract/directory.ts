import { z } from 'zod'
import type { Endpoints } from './endpoints'

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

export interface DistrictTree {
  districtName: string
  streets: StreetView[]
}

export type DirectoryApi = Endpoints<typeof directoryInputs, { tree: DistrictTree }>
