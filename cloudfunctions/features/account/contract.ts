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
  /** Agrees to the privacy guide of this version (first use, and after it changes). */
  consentPrivacy: z
    .object({ version: z.string({ required_error: '请阅读隐私保护指引' }).max(20) })
    .strict(),
  /** 我的数据: everything the product holds about the caller. */
  myData: z.object({}).strict(),
  exportMyData: z.object({}).strict(),
  /** Deletes the account: personal data removed or anonymised, others' records keep their totals. */
  deleteAccount: z
    .object({
      confirm: z.literal('注销', { errorMap: () => ({ message: '请输入“注销”以确认' }) }),
    })
    .strict(),
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
  /** An organization's admin (a member who invites and removes members). */
  admin?: true
  /** e.g. 社区工作者 · 大华社区 */
  label: string
  /** The community, street, district or organization the role applies to. */
  scopeId: string
}

export interface MeView {
  id: string
  displayName: string
  roles: RoleView[]
  homeCommunity?: { id: string; name: string; streetId: string; streetName: string }
  /** The privacy guide's current version, and whether the caller has agreed to it. */
  privacy: { version: string; agreed: boolean }
}

export interface MyDataSection {
  label: string
  count: number
  /** The records as stored, for the person to read and keep. */
  records: Record<string, unknown>[]
}

export interface MyDataView {
  userId: string
  generatedAt: string
  sections: MyDataSection[]
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
    consentPrivacy: MeView
    myData: MyDataView
    exportMyData: { fileName: string; content: string }
    deleteAccount: { deleted: true }
    acceptSubscriptions: { counted: number }
  }
>
