import type { UserRecord } from '../../shared/caller'
import type { NotificationRecord } from '../../shared/notifications'
import { roleLabelOf, scopeOfRole } from '../../shared/roles'
import type { DistrictTree } from '../directory/domain'
import type { Organization } from '../organizations/domain'
import type { MeView, NotificationView } from './contract'
import { PRIVACY_POLICY_VERSION } from './domain'

export function toMeView(
  user: UserRecord,
  { districts, streets, communities }: DistrictTree,
  organizations: Organization[],
): MeView {
  const nameOf = (id: string) =>
    [...districts, ...streets, ...communities, ...organizations].find((item) => item._id === id)
      ?.name ?? ''
  const home = communities.find((community) => community._id === user.homeCommunityId)
  return {
    id: user._id,
    displayName: user.displayName,
    roles: user.roles.map((role) => {
      const scopeId = scopeOfRole(role)
      const scopeName = nameOf(scopeId)
      return {
        kind: role.kind,
        ...(role.kind === 'org_member' && role.admin ? { admin: true as const } : {}),
        scopeId,
        label: scopeName ? `${roleLabelOf(role)} · ${scopeName}` : roleLabelOf(role),
      }
    }),
    homeCommunity: home && {
      id: home._id,
      name: home.name,
      streetId: home.streetId,
      streetName: nameOf(home.streetId),
    },
    privacy: {
      version: PRIVACY_POLICY_VERSION,
      agreed: user.privacyConsent?.version === PRIVACY_POLICY_VERSION,
    },
  }
}

export function toNotificationView(record: NotificationRecord): NotificationView {
  return {
    id: record._id,
    title: record.title,
    body: record.body,
    createdAt: new Date(record.createdAt).toISOString(),
  }
}
