import { AppError } from '../../shared/errors'
import type { VolunteerRecord } from './domain'
import { findVolunteer } from './repository'

// The volunteer an action needs, for this feature and the shifts it serves (kept apart from the
// service, so shifts do not bundle what certificates need).

export async function requireVolunteer(userId: string): Promise<VolunteerRecord> {
  const volunteer = await findVolunteer(userId)
  if (!volunteer) throw new AppError('NOT_FOUND', '该志愿者不存在')
  return volunteer
}

/** The caller's registration, which must have passed the community's review. */
export async function requireVerifiedVolunteer(userId: string): Promise<VolunteerRecord> {
  const volunteer = await findVolunteer(userId)
  if (volunteer?.status !== 'verified') {
    throw new AppError('FORBIDDEN', '请先登记为志愿者并通过社区审核')
  }
  return volunteer
}
