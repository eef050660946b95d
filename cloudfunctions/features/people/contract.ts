import { z } from 'zod'
import { keysOf } from '../../shared/categories'
import type { Endpoints } from '../../shared/endpoints'
import { oneOf, pageNumber, recordId, text } from '../../shared/validation'
import type { Page } from '../../shared/paging'
import {
  GRANTABLE_ROLES,
  INVITATION_DAYS,
  type GrantableRole,
  type InvitationState,
} from './domain'

const invitationCode = z
  .string({ required_error: '请输入邀请码', invalid_type_error: '邀请码格式不正确' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{8}$/, '邀请码为 8 位字母或数字')

const scopeKind = oneOf('范围', ['street', 'community', 'org'] as const)

export const AUDIT_KINDS = {
  all: '全部',
  reveal: '查看个人信息',
  export: '导出',
  roles: '角色变动',
} as const
export type AuditKind = keyof typeof AUDIT_KINDS

export const peopleInputs = {
  manageable: z.object({}).strict(),
  scope: z.object({ scopeKind, scopeId: recordId('范围') }).strict(),
  invite: z
    .object({
      role: oneOf('角色', keysOf(GRANTABLE_ROLES)),
      scopeId: recordId('范围'),
      days: z
        .number({ invalid_type_error: '有效天数无效' })
        .int('有效天数须为整数')
        .min(1, '有效期至少 1 天')
        .max(INVITATION_DAYS.max, `有效期最多 ${INVITATION_DAYS.max} 天`)
        .default(INVITATION_DAYS.standard),
      note: text('备注', { max: 30 }).optional(),
    })
    .strict(),
  preview: z.object({ code: invitationCode }).strict(),
  accept: z.object({ code: invitationCode }).strict(),
  revokeInvitation: z.object({ code: invitationCode }).strict(),
  removeRole: z
    .object({
      scopeId: recordId('范围'),
      userId: recordId('人员'),
      reason: text('原因', { max: 50 }).optional(),
    })
    .strict(),
  auditLog: z
    .object({ kind: oneOf('类别', keysOf(AUDIT_KINDS)).default('all'), page: pageNumber() })
    .strict(),
}

export interface ManageableScopeView {
  scopeKind: 'street' | 'community' | 'org'
  scopeId: string
  name: string
  /** e.g. 潮海街道 · 社区 */
  parentName?: string
}

export interface InvitationView {
  code: string
  role: GrantableRole
  roleLabel: string
  scopeName: string
  note?: string
  /** The page a QR code carries: opening it shows the invitation to accept. */
  path: string
  state: InvitationState
  createdAt: string
  expiresAt: string
  createdByName: string
  acceptedByName?: string
  canRevoke: boolean
  /** Only for the invitee: whether accepting is possible now. */
  canAccept: boolean
}

export interface PersonInScopeView {
  userId: string
  name: string
  roleLabel: string
  status: 'active' | 'revoked'
  grantedAt: string
  grantedByName: string
  revokedAt?: string
  revokedByName?: string
  reason?: string
  canRemove: boolean
}

export interface ScopeView {
  scopeKind: 'street' | 'community' | 'org'
  scopeId: string
  name: string
  /** The roles the caller may grant here, for the invitation form. */
  grantable: { role: GrantableRole; label: string }[]
  /** Active first, then removed ones: every grant and removal. */
  people: PersonInScopeView[]
  invitations: InvitationView[]
}

export interface AuditEntryView {
  id: string
  at: string
  actorName: string
  actionLabel: string
  /** Whose data or which record, as a staff member may read it (names masked). */
  targetLabel: string
  detail?: string
}

export type PeopleApi = Endpoints<
  typeof peopleInputs,
  {
    manageable: ManageableScopeView[]
    scope: ScopeView
    invite: InvitationView
    preview: InvitationView
    accept: { roleLabel: string; scopeName: string }
    revokeInvitation: InvitationView
    removeRole: PersonInScopeView
    auditLog: Page<AuditEntryView>
  }
>
