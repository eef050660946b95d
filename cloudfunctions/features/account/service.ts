import { recordAudit } from '../../shared/audit'
import { isActive } from '../../shared/capacity/reservation'
import { cancelReservation } from '../../shared/capacity/reservations'
import type { Caller } from '../../shared/caller'
import { COLLECTIONS, command } from '../../shared/db'
import type { OutputsOf } from '../../shared/endpoints'
import { AppError } from '../../shared/errors'
import { defineService } from '../../shared/handler'
import { memberOrganizationIds } from '../../shared/roles'
import { chinaDateOf, chinaInstant } from '../../shared/time'
import { addCredits } from '../../shared/subscriptions'
import { loadDistrictTree } from '../directory/repository'
import { requireCommunity } from '../directory/service'
import { findOrganizations } from '../organizations/repository'
import { SHIFT_SIGNUPS } from '../shifts/domain'
import { findShifts, listSignupsOfVolunteer } from '../shifts/repository'
import { STALL_BOOKINGS } from '../stalls/domain'
import { listBookingsOfResident } from '../stalls/repository'
import { TRAINING_SIGNUPS, hasStarted } from '../trainings/domain'
import { findTrainings, listSignupsOfUser } from '../trainings/repository'
import { accountInputs, type AccountApi, type MyDataView } from './contract'
import { PERSONAL_DATA, PRIVACY_POLICY_VERSION } from './domain'
import {
  anonymiseOwnedRecords,
  findUser,
  listNotificationsOf,
  listOwnedRecords,
  markDeletion,
  saveConsent,
  setHomeCommunity,
} from './repository'
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

    async consentPrivacy({ version }, caller) {
      if (version !== PRIVACY_POLICY_VERSION) {
        throw new AppError('CONFLICT', '隐私保护指引已更新，请阅读最新版本后再同意')
      }
      await saveConsent(caller._id, version)
      return meViewOf((await findUser(caller._id)) ?? caller)
    },

    async myData(_input, caller) {
      return myDataOf(caller)
    },

    async exportMyData(_input, caller) {
      const data = await myDataOf(caller)
      await recordAudit({
        actorId: caller._id,
        action: 'account.exportMyData',
        collection: COLLECTIONS.users,
        targetId: caller._id,
        detail: '导出本人数据',
        ...(await placeOf(caller)),
      })
      return {
        fileName: `我的数据-${chinaDateOf(new Date())}.json`,
        content: JSON.stringify(data, null, 2),
      }
    },

    async deleteAccount(_input, caller) {
      if (caller.deletion === 'done') throw new AppError('CONFLICT', '该账号已注销')
      await finishAccountDeletion(caller)
      return { deleted: true as const }
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

async function myDataOf(caller: Caller): Promise<MyDataView> {
  const sections = await Promise.all(
    PERSONAL_DATA.map(async (records) => {
      const found = await listOwnedRecords(records, caller._id)
      return { label: records.label, count: found.length, records: found }
    }),
  )
  return { userId: caller._id, generatedAt: new Date().toISOString(), sections }
}

/** The district and street of the person's home community, for the audit line. */
async function placeOf(user: Caller) {
  if (!user.homeCommunityId) return {}
  const community = await requireCommunity(user.homeCommunityId).catch(() => undefined)
  return community ? { districtId: community.districtId, streetId: community.streetId } : {}
}

/**
 * Deletes an account in resumable steps: marked pending, upcoming places given back (to the
 * first in line), personal data taken out of every kind of record, then marked done. A run cut
 * short is finished by the repair job; every step may run again.
 */
export async function finishAccountDeletion(user: Caller): Promise<void> {
  await markDeletion(user._id, 'pending')
  const place = await placeOf(user)
  await cancelUpcomingReservations(user._id)
  for (const records of PERSONAL_DATA) await anonymiseOwnedRecords(records, user._id)
  await recordAudit({
    actorId: user._id,
    action: 'account.delete',
    collection: COLLECTIONS.users,
    targetId: user._id,
    detail: '个人信息已删除或匿名化，志愿时长、预约与审计记录保留',
    ...place,
  })
  await markDeletion(user._id, 'done')
}

/** Bookings and sign-ups for what has not started yet; what already happened stays on record. */
async function cancelUpcomingReservations(userId: string): Promise<void> {
  const now = new Date()
  const unused = { checkedInAt: command().exists(false) }
  for (const booking of await listBookingsOfResident(userId)) {
    if (isActive(booking) && new Date(booking.startsAt) > now && !booking.checkedInAt) {
      await cancelReservation(STALL_BOOKINGS, booking._id, unused)
    }
  }
  const signups = await listSignupsOfVolunteer(userId)
  const shifts = new Map((await findShifts(signups.map((s) => s.placeId))).map((s) => [s._id, s]))
  for (const signup of signups) {
    const shift = shifts.get(signup.placeId)
    if (isActive(signup) && shift && chinaInstant(shift.date, shift.start) > now) {
      await cancelReservation(SHIFT_SIGNUPS, signup._id, { checkInAt: command().exists(false) })
    }
  }
  const trainingSignups = await listSignupsOfUser(userId)
  const trainings = new Map(
    (await findTrainings(trainingSignups.map((s) => s.placeId))).map((t) => [t._id, t]),
  )
  for (const signup of trainingSignups) {
    const training = trainings.get(signup.placeId)
    if (isActive(signup) && training && !hasStarted(training, now)) {
      await cancelReservation(TRAINING_SIGNUPS, signup._id, unused)
    }
  }
}
