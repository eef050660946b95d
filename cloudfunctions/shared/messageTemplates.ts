import { chinaDateTimeOf } from './time'
import wechat from './wechat.json'

// Subscription messages (订阅消息): the templates chosen in the mini-program's admin console, their
// ids and fields, come from wechat.json. Pure: the app imports it to ask for the same ids.

export type TemplateKey = keyof typeof wechat.subscribeMessages.templates
type FieldType = keyof typeof wechat.subscribeMessages.limits

/**
 * A message that goes with a notice: the template, the named values its fields are filled from
 * (wechat.json maps each field to a name, e.g. thing1 → item) and the page it opens (no leading /).
 */
export interface SubscriptionMessage {
  template: TemplateKey
  values: Record<string, string>
  page: string
}

export const MINIPROGRAM_VERSION = wechat.version as 'formal' | 'trial' | 'developer'

export const TEMPLATE_KEYS = Object.keys(wechat.subscribeMessages.templates) as TemplateKey[]

export function templateIdOf(key: TemplateKey): string {
  return wechat.subscribeMessages.templates[key].templateId
}

/** The template a configured id belongs to. */
export function templateKeyOf(templateId: string): TemplateKey | undefined {
  return TEMPLATE_KEYS.find((key) => templateIdOf(key) === templateId)
}

/** The longest value a field of this key's type takes (thing1 → thing → 20), if it is limited. */
export function fieldLimitOf(fieldKey: string): number | undefined {
  const type = fieldKey.replace(/\d+$/, '') as FieldType
  return wechat.subscribeMessages.limits[type]
}

/** Cuts a value to its field's limit, marking the cut with an ellipsis. */
function fitted(fieldKey: string, value: string): string {
  const limit = fieldLimitOf(fieldKey)
  const characters = [...value.trim()]
  if (!limit || characters.length <= limit) return characters.join('')
  return `${characters.slice(0, limit - 1).join('')}…`
}

/** The message's data as subscribeMessage.send takes it: each field's value, within its limit. */
export function messageDataOf(message: SubscriptionMessage): Record<string, { value: string }> {
  const fields = wechat.subscribeMessages.templates[message.template].fields as Record<
    string,
    string
  >
  return Object.fromEntries(
    Object.entries(fields).map(([fieldKey, name]) => [
      fieldKey,
      { value: fitted(fieldKey, message.values[name] ?? '') },
    ]),
  )
}

/** A moment as time fields show it in China: 2026年11月28日 09:00. */
export function messageTime(instant: Date): string {
  const [date, clock] = chinaDateTimeOf(instant).split(' ')
  const [year, month, day] = date.split('-').map(Number)
  return `${year}年${month}月${day}日 ${clock}`
}
