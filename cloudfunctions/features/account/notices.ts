import type { SubscriptionMessage } from '../../shared/messageTemplates'
import { notifyOnce, type NewNotification } from '../../shared/notifications'
import type { Role } from '../../shared/roles'
import { listUsersWithRole } from './repository'

/**
 * Leaves the notice, once each, with everyone holding the role (e.g. a community's workers, an
 * organization's members); each notice's id is `<idPrefix>:<userId>`. Answers how many were new.
 */
export async function notifyRoleHolders(
  role: Role,
  idPrefix: string,
  notice: Omit<NewNotification, '_id' | 'userId'>,
  message: SubscriptionMessage,
): Promise<number> {
  const users = await listUsersWithRole(role)
  const sent = await Promise.all(
    users.map((user) =>
      notifyOnce({ ...notice, _id: `${idPrefix}:${user._id}`, userId: user._id }, message),
    ),
  )
  return sent.filter(Boolean).length
}
