import { COLLECTIONS, command, insertIfAbsent, updateWhere } from './db'
import type { TemplateKey } from './messageTemplates'

/**
 * A user's one-time subscriptions (一次性订阅) to one template: each accept in the app allows one
 * message, so the count goes up when the app reports an accept and down with each send.
 */
export interface SubscriptionCredit {
  /** `<userId>:<template>` */
  _id: string
  userId: string
  template: TemplateKey
  credits: number
  updatedAt: Date
}

/** More accepts than this are not counted: nobody needs a longer bank of reminders. */
export const MAX_CREDITS = 20

function creditIdOf(userId: string, template: TemplateKey): string {
  return `${userId}:${template}`
}

/** Counts one accepted subscription for each template. */
export async function addCredits(userId: string, templates: TemplateKey[]): Promise<void> {
  const _ = command()
  for (const template of new Set(templates)) {
    const _id = creditIdOf(userId, template)
    await insertIfAbsent(COLLECTIONS.subscriptionCredits, {
      _id,
      userId,
      template,
      credits: 0,
      updatedAt: new Date(),
    })
    await updateWhere(
      COLLECTIONS.subscriptionCredits,
      { _id, credits: _.lt(MAX_CREDITS) },
      { credits: _.inc(1), updatedAt: new Date() },
    )
  }
}

/** Spends one credit of the template; false when the user has none. */
export async function spendCredit(userId: string, template: TemplateKey): Promise<boolean> {
  const spent = await updateWhere(
    COLLECTIONS.subscriptionCredits,
    { _id: creditIdOf(userId, template), credits: command().gt(0) },
    { credits: command().inc(-1), updatedAt: new Date() },
  )
  return spent === 1
}

/** Gives back a credit spent on a message that did not go. */
export async function refundCredit(userId: string, template: TemplateKey): Promise<void> {
  await updateWhere(
    COLLECTIONS.subscriptionCredits,
    { _id: creditIdOf(userId, template) },
    { credits: command().inc(1), updatedAt: new Date() },
  )
}
