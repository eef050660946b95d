import { COLLECTIONS, insertIfAbsent, updateWhere, type Transaction } from './db'
import type { SubscriptionMessage } from './messageTemplates'
import { NO_SUBSCRIPTION, sendSubscribeMessage } from './subscribeMessage'
import { refundCredit, spendCredit } from './subscriptions'

/**
 * What became of a notice's subscription message: sent; no credit for the template; refused by
 * WeChat (the user holds no subscription after all); or failed (the credit is given back).
 */
export type PushOutcome = 'sent' | 'no_credit' | 'refused' | 'failed'

/** A message for one user, shown in the app and, where they subscribed, sent on WeChat too. */
export interface NotificationRecord {
  /** Deterministic per event (e.g. `promoted:<booking>:<time>`), so a repeated step notifies once. */
  _id: string
  userId: string
  title: string
  body: string
  /** The record it is about, e.g. a booking. */
  ref: string
  createdAt: Date
  /** Whether the subscription message went too; without it the in-app notice stands alone. */
  push?: PushOutcome
}

export type NewNotification = Omit<NotificationRecord, 'createdAt' | 'push'>

/** Day-before reminders go out from this hour on (China time), on the hourly timers. */
export const DAY_BEFORE_REMINDER_HOUR = 17

/**
 * Leaves a notification once and, the first time, sends its subscription message when the user
 * holds a subscription to the template; the in-app notice stays whatever the send does. Answers
 * whether the notification was new.
 */
export async function notifyOnce(
  notification: NewNotification,
  message?: SubscriptionMessage,
): Promise<boolean> {
  const created = await insertIfAbsent(COLLECTIONS.notifications, {
    ...notification,
    createdAt: new Date(),
  })
  if (created && message) {
    const push = await pushMessage(notification.userId, message)
    await updateWhere(COLLECTIONS.notifications, { _id: notification._id }, { push })
  }
  return created
}

/**
 * The day-before reminder of a reservation (a booking, a sign-up): once per reservation made, so a
 * timer that runs again sends nothing new and a cancelled-then-rebooked place is reminded anew.
 */
export function remindOnce(
  reservation: { _id: string; userId: string; requestedAt: Date },
  reminder: { title: string; body: string; message: SubscriptionMessage },
): Promise<boolean> {
  const { message, ...notice } = reminder
  return notifyOnce(
    {
      _id: `reminder:${reservation._id}:${new Date(reservation.requestedAt).getTime()}`,
      userId: reservation.userId,
      ref: reservation._id,
      ...notice,
    },
    message,
  )
}

/** Sends the message when the user has a credit for its template, spending it. */
async function pushMessage(userId: string, message: SubscriptionMessage): Promise<PushOutcome> {
  if (!(await spendCredit(userId, message.template))) return 'no_credit'
  const outcome = await sendSubscribeMessage(userId, message)
  if (outcome.sent) return 'sent'
  if (outcome.errCode === NO_SUBSCRIPTION) return 'refused'
  await refundCredit(userId, message.template)
  return 'failed'
}

/**
 * Leaves an in-app notification as part of the transaction whose outcome it reports. It sends no
 * subscription message: a send cannot be undone with the transaction, so steps that push one use
 * notifyOnce after they commit.
 */
export async function notifyIn(tx: Transaction, notification: NewNotification): Promise<void> {
  await tx.set(COLLECTIONS.notifications, { ...notification, createdAt: new Date() })
}
