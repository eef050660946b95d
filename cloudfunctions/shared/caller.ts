import { cloud } from './cloud'
import { COLLECTIONS, findById, insertIfAbsent } from './db'
import type { Role } from './roles'

/** A person as the product knows them: their WeChat openid and the roles granted to them. */
export interface UserRecord {
  /** The WeChat openid (or the local demo account's id). */
  _id: string
  displayName: string
  roles: Role[]
  homeCommunityId?: string
  /** The privacy guide the person agreed to, and when. */
  privacyConsent?: { version: string; at: Date }
  /** An account being deleted (`pending`, finished by the repair if cut short) or deleted. */
  deletion?: 'pending' | 'done'
  createdAt: Date
}

/** The signed-in user an action runs for, resolved once at the function's edge. */
export type Caller = UserRecord

/**
 * The caller's openid. On WeChat the platform injects it into the function's context (never taken
 * from the event, which the client controls); the local cloud injects the identity its gateway
 * verified from the signed session in the same place. Timer triggers run with none.
 */
export function callerOpenid(): string | undefined {
  return cloud.getWXContext().OPENID || undefined
}

/** The caller's user record; a first-time WeChat user is registered with no roles. */
export async function resolveCaller(openid: string): Promise<Caller> {
  const existing = await findById<UserRecord>(COLLECTIONS.users, openid)
  if (existing) return existing
  await insertIfAbsent(COLLECTIONS.users, {
    _id: openid,
    displayName: '微信用户',
    roles: [],
    createdAt: new Date(),
  })
  // A concurrent first call may have created it; the stored record is the one that counts.
  const created = await findById<UserRecord>(COLLECTIONS.users, openid)
  if (!created) throw new Error(`user ${openid} could not be registered`)
  return created
}
