import type { Role, UserRecord } from '../domain/types'
import { COLLECTIONS, collection, command, findById, insertOne, updateWhere } from './collections'

export async function findUser(openid: string): Promise<UserRecord | undefined> {
  return findById<UserRecord>(COLLECTIONS.users, openid)
}

/** A first-time WeChat user is registered with no roles and no home community; they pick one later. */
export async function findOrCreateUser(openid: string): Promise<UserRecord> {
  const existing = await findUser(openid)
  if (existing) return existing
  const user: UserRecord = {
    _id: openid,
    displayName: '微信用户',
    roles: [],
    createdAt: new Date(),
  }
  try {
    await insertOne(COLLECTIONS.users, user)
  } catch {
    // A concurrent first call created it; the record read below is the one that won.
  }
  return (await findUser(openid)) ?? user
}

export async function setHomeCommunity(openid: string, communityId: string): Promise<void> {
  await updateWhere(collection(COLLECTIONS.users).where({ _id: openid }), {
    homeCommunityId: communityId,
  })
}

/** Gives the user a role once; a role they already hold is left as it is. */
export async function addRole(openid: string, role: Role): Promise<void> {
  const user = await findUser(openid)
  if (!user || user.roles.some((held) => JSON.stringify(held) === JSON.stringify(role))) return
  await updateWhere(collection(COLLECTIONS.users).where({ _id: openid }), {
    roles: command().push(role),
  })
}
