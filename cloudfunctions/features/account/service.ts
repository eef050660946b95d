import type { Caller } from '../../shared/caller'
import type { OutputsOf } from '../../shared/endpoints'
import { defineService } from '../../shared/handler'
import { memberOrganizationIds } from '../../shared/roles'
import { addCredits } from '../../shared/subscriptions'
import { loadDistrictTree } from '../directory/repository'
import { requireCommunity } from '../directory/service'
import { findOrganizations } from '../organizations/repository'
import { accountInputs, type AccountApi } from './contract'
import { findUser, listNotificationsOf, setHomeCommunity } from './repository'
import { toMeView, toNotificationView } from './views'

const NOTIFICATIONS_SHOWN = 50

export const accountService = defineService<typeof accountInputs, OutputsOf<AccountApi>>(
  accountInputs,
  {
    async me(_input, caller) {
      return meViewOf(caller)
    },

    async setHomeCommunity({ communityId }, caller) {
      await requireCommunity(communityId)
      await setHomeCommunity(caller._id, communityId)
      return meViewOf((await findUser(caller._id)) ?? caller)
    },

    async notifications(_input, caller) {
      return (await listNotificationsOf(caller._id, NOTIFICATIONS_SHOWN)).map(toNotificationView)
    },

    async acceptSubscriptions({ templates }, caller) {
      await addCredits(caller._id, templates)
      return { counted: new Set(templates).size }
    },
  },
)

async function meViewOf(user: Caller) {
  const [tree, organizations] = await Promise.all([
    loadDistrictTree(),
    findOrganizations(memberOrganizationIds(user)),
  ])
  return toMeView(user, tree, organizations)
}
