import type { UserRecord } from './domain/types'
import { callerOpenid } from './identity'
import { findOrCreateUser } from './repositories/users'

/** The signed-in user making this call, with their roles. */
export async function currentUser(): Promise<UserRecord> {
  return findOrCreateUser(callerOpenid())
}
