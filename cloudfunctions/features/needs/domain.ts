import type {
  PersonalNeedCategory,
  PersonalNeedKind,
  PersonalNeedStatus,
} from '../../shared/categories'

/** A resident's own need (报事 / 求助), posted into their community. */
export interface PersonalNeed {
  _id: string
  residentId: string
  residentName: string
  districtId: string
  streetId: string
  communityId: string
  kind: PersonalNeedKind
  category: PersonalNeedCategory
  description: string
  /** Given only if the resident wants to be called back; shown masked to workers. */
  contactPhone?: string
  status: PersonalNeedStatus
  createdAt: Date
  updatedAt: Date
}
