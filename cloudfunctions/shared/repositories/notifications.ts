import { COLLECTIONS, collection, findMany, insertOne } from './collections'

/** A message for one user, shown in the app (and sent as a subscription message on WeChat). */
export interface NotificationRecord {
  _id: string
  userId: string
  title: string
  body: string
  /** The record it is about, e.g. a booking. */
  ref: string
  createdAt: Date
}

type NewNotification = Omit<NotificationRecord, '_id' | 'createdAt'>

export async function insertNotification(
  notification: NewNotification & { _id?: string },
): Promise<void> {
  await insertOne(COLLECTIONS.notifications, { ...notification, createdAt: new Date() })
}

/**
 * Adds a notification once: a deterministic id makes a repeated run (a retried scheduled job) a
 * no-op. Answers whether it was new.
 */
export async function insertNotificationOnce(
  id: string,
  notification: NewNotification,
): Promise<boolean> {
  try {
    await insertNotification({ ...notification, _id: id })
    return true
  } catch {
    const existing = await findMany(
      collection(COLLECTIONS.notifications).where({ _id: id }).limit(1),
    )
    if (existing.length === 0) throw new Error(`notification ${id} could not be stored`)
    return false
  }
}

export async function listNotificationsOf(userId: string): Promise<NotificationRecord[]> {
  return findMany<NotificationRecord>(
    collection(COLLECTIONS.notifications).where({ userId }).orderBy('createdAt', 'desc').limit(50),
  )
}
