import { z } from 'zod'
import type { Endpoints } from '../../shared/endpoints'
import { TEMPLATE_KEYS } from '../../shared/messageTemplates'
import type { RoleKind } from '../../shared/roles'
import { oneOf, recordId } from '../../shared/validation'

/** WeChat asks for at most this many subscriptions in one tap (3 in older clients). */
export const MAX_TEMPLATES_PER_ASK = 3

export const accountInputs = {
  me: z.object({}).strict(),
  setHomeCommunity: z.object({ communityId: recordId('社区') }).strict(),
  notifications: z.object({}).strict(),
  /** The subscriptions the user just accepted in the app (one message each). */
  acceptSubscriptions: z
    .object({
      templates: z
        .array(oneOf('订阅消息', [TEMPLATE_KEYS[0], ...TEMPLATE_KEYS.slice(1)]), {
          required_error: '请选择订阅消息',
          invalid_type_error: '订阅消息格式不正确',
        })
        .min(1, '请选择订阅消息')
        .max(MAX_TEMPLATES_PER_ASK, `一次最多订阅 ${MAX_TEMPLATES_PER_ASK} 种消息`),
    })
    .strict(),
}

export interface RoleView {
  kind: RoleKind
  /** e.g. 社区工作者 · 大华社区 */
  label: string
  /** The community, street, district or organization the role applies to. */
  scopeId: string
}

export interface MeView {
  id: string
  displayName: string
  roles: RoleView[]
  homeCommunity?: { id: string; name: string; streetName: string }
}

export interface NotificationView {
  id: string
  title: string
  body: string
  createdAt: string
}

export type AccountApi = Endpoints<
  typeof accountInputs,
  {
    me: MeView
    setHomeCommunity: MeView
    notifications: NotificationView[]
    acceptSubscriptions: { counted: number }
  }
>
