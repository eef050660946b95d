import type { UserRecord } from '../domain/types'
import { COLLECTIONS, collection, findById, insertOne, updateWhere } from './collections'

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
