import type { UserRecord } from '../../shared/caller'
import { COLLECTIONS, findById, findByIds, updateWhere, type Transaction } from '../../shared/db'
import type { NotificationRecord } from '../../shared/notifications'
import { readFirst } from '../../shared/paging'
import { withRole, type Role } from '../../shared/roles'

export function findUser(id: string): Promise<UserRecord | undefined> {
  return findById<UserRecord>(COLLECTIONS.users, id)
}

/** Display names by user id; someone unknown (or a system job) is simply absent. */
export async function userNames(ids: string[]): Promise<Map<string, string>> {
  const users = await findByIds<UserRecord>(COLLECTIONS.users, ids)
  return new Map(users.map((user) => [user._id, user.displayName]))
}

export async function setHomeCommunity(userId: string, communityId: string): Promise<void> {
  await updateWhere(COLLECTIONS.users, { _id: userId }, { homeCommunityId: communityId })
}

/** Gives the user a role inside a transaction, once; a role they hold already stays as it is. */
export async function grantRoleIn(tx: Transaction, userId: string, role: Role): Promise<void> {
  const user = await tx.get<UserRecord>(COLLECTIONS.users, userId)
  const roles = user && withRole(user.roles, role)
  if (roles) await tx.update(COLLECTIONS.users, userId, { roles })
}

/** A user's latest notifications, newest first. */
export function listNotificationsOf(userId: string, limit: number): Promise<NotificationRecord[]> {
  return readFirst<NotificationRecord>(
    COLLECTIONS.notifications,
    { userId },
    [
      ['createdAt', 'desc'],
      ['_id', 'asc'],
    ],
    limit,
  )
}
