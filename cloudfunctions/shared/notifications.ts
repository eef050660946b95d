import { COLLECTIONS, insertIfAbsent, type Transaction } from './db'

/** A message for one user, shown in the app (and sent as a subscription message on WeChat). */
export interface NotificationRecord {
  /** Deterministic per event (e.g. `promoted:<booking>:<time>`), so a repeated step notifies once. */
  _id: string
  userId: string
  title: string
  body: string
  /** The record it is about, e.g. a booking. */
  ref: string
  createdAt: Date
}

export type NewNotification = Omit<NotificationRecord, 'createdAt'>

/** Leaves a notification once; answers whether it was new. */
export async function notifyOnce(notification: NewNotification): Promise<boolean> {
  return insertIfAbsent(COLLECTIONS.notifications, { ...notification, createdAt: new Date() })
}

/** Leaves a notification as part of the transaction whose outcome it reports. */
export async function notifyIn(tx: Transaction, notification: NewNotification): Promise<void> {
  await tx.set(COLLECTIONS.notifications, { ...notification, createdAt: new Date() })
}
