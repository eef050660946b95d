import { z } from 'zod'
import type { Endpoints } from '../../shared/endpoints'
import type { RoleKind } from '../../shared/roles'
import { recordId } from '../../shared/validation'

export const accountInputs = {
  me: z.object({}).strict(),
  setHomeCommunity: z.object({ communityId: recordId('社区') }).strict(),
  notifications: z.object({}).strict(),
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
  { me: MeView; setHomeCommunity: MeView; notifications: NotificationView[] }
>
