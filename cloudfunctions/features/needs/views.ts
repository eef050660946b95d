import { maskPhone } from '../../shared/privacy'
import type { PersonalNeedView } from './contract'
import type { PersonalNeed } from './domain'

/** The resident sees their own phone number; workers see it masked. */
export function toPersonalNeedView(
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
