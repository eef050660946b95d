import type { UserRecord } from '../../shared/caller'
import {
  COLLECTIONS,
  command,
  findById,
  findByIds,
  removeWhere,
  updateWhere,
  type Transaction,
} from '../../shared/db'
import type { NotificationRecord } from '../../shared/notifications'
import { readAll, readFirst } from '../../shared/paging'
import { withRole, type Role } from '../../shared/roles'
import type { PersonalRecords } from './domain'

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

/** The users holding a role exactly like this one (e.g. the workers of one community). */
export function listUsersWithRole(role: Role): Promise<UserRecord[]> {
  return readAll<UserRecord>(COLLECTIONS.users, { roles: command().elemMatch(role) }, [
    ['_id', 'asc'],
  ])
}

export async function saveConsent(userId: string, version: string): Promise<void> {
  await updateWhere(
    COLLECTIONS.users,
    { _id: userId },
    { privacyConsent: { version, at: new Date() } },
  )
}

/** Every record of one kind that belongs to the person. */
export function listOwnedRecords(
  records: PersonalRecords,
  userId: string,
): Promise<({ _id: string } & Record<string, unknown>)[]> {
  return readAll(records.collection, { [records.owner]: userId }, [['_id', 'asc']])
}

/** Takes the person's data out of one kind of record; running it again changes nothing more. */
export async function anonymiseOwnedRecords(
  records: PersonalRecords,
  userId: string,
): Promise<void> {
  const filter = { ...records.only, [records.owner]: userId }
  if (records.erase) {
    await removeWhere(records.collection, filter)
    return
  }
  const removed = Object.fromEntries(
    (records.remove ?? []).map((field) => [field, command().remove()]),
  )
  const changes = { ...records.anonymise, ...removed }
  if (Object.keys(changes).length > 0) await updateWhere(records.collection, filter, changes)
}

export async function markDeletion(userId: string, state: 'pending' | 'done'): Promise<void> {
  await updateWhere(COLLECTIONS.users, { _id: userId }, { deletion: state })
}

/** Accounts whose deletion was cut short, for the repair to finish. */
export function listPendingDeletions(): Promise<UserRecord[]> {
  return readAll<UserRecord>(COLLECTIONS.users, { deletion: 'pending' }, [['_id', 'asc']])
}
