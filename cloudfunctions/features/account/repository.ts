import type { UserRecord } from '../../shared/caller'
import { COLLECTIONS, command, findById, updateWhere, type Transaction } from '../../shared/db'
import type { NotificationRecord } from '../../shared/notifications'
import { readAll, readFirst } from '../../shared/paging'
import type { Role } from '../../shared/roles'

export function findUser(id: string): Promise<UserRecord | undefined> {
  return findById<UserRecord>(COLLECTIONS.users, id)
}

export async function setHomeCommunity(userId: string, communityId: string): Promise<void> {
  await updateWhere(COLLECTIONS.users, { _id: userId }, { homeCommunityId: communityId })
}

/** Gives the user a role inside a transaction, once; a role they hold already stays as it is. */
export async function grantRoleIn(tx: Transaction, userId: string, role: Role): Promise<void> {
  const user = await tx.get<UserRecord>(COLLECTIONS.users, userId)
  if (!user || user.roles.some((held) => JSON.stringify(held) === JSON.stringify(role))) return
  await tx.update(COLLECTIONS.users, userId, { roles: [...user.roles, role] })
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

/** The users holding a role, e.g. every street admin of a street (for notices to staff). */
export function listUsersWithRole(role: Role): Promise<UserRecord[]> {
  return readAll<UserRecord>(COLLECTIONS.users, { roles: command().elemMatch(role) }, [
    ['_id', 'asc'],
  ])
}
