import { recordAudit } from '../../shared/audit'
import { emptyLedger } from '../../shared/capacity/ledger'
import { reservationIdOf } from '../../shared/capacity/reservation'
import { cancelReservation, reserve, settle, settleAll } from '../../shared/capacity/reservations'
import type { Caller } from '../../shared/caller'
import { digitCode, unusedCode } from '../../shared/codes'
import { COLLECTIONS, command } from '../../shared/db'
import type { OutputsOf } from '../../shared/endpoints'
import { AppError } from '../../shared/errors'
import { defineService } from '../../shared/handler'
import { isDistrictAdmin, isMemberOf, memberOrganizationIds } from '../../shared/roles'
import { chinaDateOf, chinaInstant } from '../../shared/time'
import type { Organization } from '../organizations/domain'
import { findOrganizations } from '../organizations/repository'
import { requireOrganization } from '../organizations/service'
import { trainingsInputs, type TrainingsApi } from './contract'
import {
  TRAINING_SIGNUPS,
  TRAINING_TOPICS,
  hasStarted,
  trainingCheckInProblem,
  type Training,
  type TrainingTopic,
} from './domain'
import {
  findSignup,
  findTraining,
  findTrainings,
  insertTraining,
  isCodeTaken,
  listSignupsOfTrainings,
  listSignupsOfUser,
  listSignupsWithCode,
  listTrainings,
  listTrainingsOfHost,
  markCheckedIn,
} from './repository'
import { byOrganization, toAttendanceLine, toMySignup, toTrainingSummary } from './views'

export const trainingsService = defineService<typeof trainingsInputs, OutputsOf<TrainingsApi>>(
  trainingsInputs,
  {
    async publish(input, caller) {
      const host = await requireOrganization(input.hostOrgId)
      if (!runsTrainingsOf(caller, host)) {
        throw new AppError('FORBIDDEN', `只有${host.name}的成员或其街道、区级管理员可以发布培训`)
      }
      if (input.date < chinaDateOf(new Date())) {
        throw new AppError('INVALID_INPUT', '培训日期不能早于今天')
      }
      const { hostOrgId: _host, capacity, ...fields } = input
      const training = await insertTraining({
        ...fields,
        districtId: host.districtId,
        ...(host.streetId ? { streetId: host.streetId } : {}),
        hostOrgId: host._id,
        hostOrgName: host.name,
        capacity: emptyLedger(capacity),
        status: 'published',
        createdBy: caller._id,
        createdAt: new Date(),
      })
      return detailOf(training, caller)
    },

    async list({ when, hostOrgId }) {
      const trainings = await listTrainings(when, chinaDateOf(new Date()))
      return trainings
        .filter((training) => !hostOrgId || training.hostOrgId === hostOrgId)
        .map(toTrainingSummary)
    },

    async detail({ trainingId }, caller) {
      return detailOf(await requireTraining(trainingId), caller)
    },

    async signUp({ trainingId, orgId, joinWaitlist }, caller) {
      const training = await requireTraining(trainingId)
      if (hasStarted(training, new Date())) {
        throw new AppError('CONFLICT', '该培训已开始，不能再报名')
      }
      const organization = orgId ? await requireOrganization(orgId) : undefined
      if (organization && !isMemberOf(caller, organization._id)) {
        throw new AppError('FORBIDDEN', '只能代表您所在的组织报名')
      }
      const outcome = await reserve(TRAINING_SIGNUPS, {
        placeId: training._id,
        scopeId: training._id,
        userId: caller._id,
        mayWait: joinWaitlist,
        details: {
          traineeName: caller.displayName,
          training: {
            title: training.title,
            startsAt: chinaInstant(training.date, training.start),
            place: training.place,
          },
          ...(organization ? { orgId: organization._id, orgName: organization.name } : {}),
          checkInCode: await unusedCode(digitCode, (code) => isCodeTaken(training._id, code)),
        },
      })
      if (outcome.kind === 'refused') {
        throw new AppError('CONFLICT', '名额已满，可以加入候补，有人取消时按顺序递补')
      }
      return detailOf(await requireTraining(trainingId), caller)
    },

    async cancel({ trainingId }, caller) {
      const training = await requireTraining(trainingId)
      const signup = await ownSignup(training._id, caller)
      if (signup?.status !== 'booked' && signup?.status !== 'waitlisted') {
        throw new AppError('NOT_FOUND', '您没有报名该培训')
      }
      if (signup.checkedInAt) throw new AppError('CONFLICT', '已签到的培训不能取消')
      if (hasStarted(training, new Date())) {
        throw new AppError('CONFLICT', '培训已开始，不能取消报名')
      }
      // The same step refuses a sign-up checked in meanwhile.
      const unused = { checkedInAt: command().exists(false) }
      if (!(await cancelReservation(TRAINING_SIGNUPS, signup._id, unused))) {
        if ((await findSignup(signup._id))?.checkedInAt) {
          throw new AppError('CONFLICT', '已签到的培训不能取消')
        }
      }
      return detailOf(await requireTraining(trainingId), caller)
    },

    async mine(_input, caller) {
      const signups = await settleAll(TRAINING_SIGNUPS, await listSignupsOfUser(caller._id))
      const trainings = new Map(
        (await findTrainings(signups.map((signup) => signup.placeId))).map((training) => [
          training._id,
          training,
        ]),
      )
      const now = new Date()
      return signups.flatMap((signup) => {
        const training = trainings.get(signup.placeId)
        const mine = training && toMySignup(signup, training, now)
        return training && mine ? [{ ...toTrainingSummary(training), signup: mine }] : []
      })
    },

    async checkIn({ trainingId, code }, caller) {
      const training = await requireManagedTraining(caller, trainingId)
      const [found] = await listSignupsWithCode(training._id, code)
      if (!found) throw new AppError('NOT_FOUND', '签到码无效，请核对后重新输入')
      const signup = await settle(TRAINING_SIGNUPS, found)
      if (signup.status !== 'booked') {
        throw new AppError(
          'CONFLICT',
          signup.status === 'waitlisted' ? '该学员仍在候补，尚未报名成功' : '该报名已取消',
        )
      }
      if (signup.checkedInAt) throw new AppError('CONFLICT', '该学员已签到，不能重复签到')
      const now = new Date()
      const timing = trainingCheckInProblem(training, now)
      if (timing) throw new AppError('CONFLICT', timing)
      if (!(await markCheckedIn(signup._id, now))) {
        throw new AppError('CONFLICT', '该学员已签到，不能重复签到')
      }
      await recordAudit({
        actorId: caller._id,
        action: 'trainings.checkIn',
        collection: COLLECTIONS.trainingSignups,
        targetId: signup._id,
      })
      return {
        traineeName: signup.traineeName,
        ...(signup.orgName ? { orgName: signup.orgName } : {}),
      }
    },

    async attendance({ trainingId }, caller) {
      const training = await requireManagedTraining(caller, trainingId)
      const signups = (
        await settleAll(TRAINING_SIGNUPS, await listSignupsOfTrainings([training._id]))
      ).filter((signup) => signup.status === 'booked' || signup.status === 'waitlisted')
      return {
        training: toTrainingSummary(await requireTraining(trainingId)),
        people: signups.map(toAttendanceLine),
        organizations: byOrganization(signups),
        signedUp: signups.filter((signup) => signup.status === 'booked').length,
        attended: signups.filter((signup) => signup.checkedInAt).length,
      }
    },

    async report({ hostOrgId }, caller) {
      const host = await requireOrganization(hostOrgId)
      if (!runsTrainingsOf(caller, host)) {
        throw new AppError(
          'FORBIDDEN',
          `只有${host.name}的成员或其街道、区级管理员可以查看培训统计`,
        )
      }
      const trainings = await listTrainingsOfHost(host._id)
      const signups = await listSignupsOfTrainings(trainings.map((training) => training._id))
      const attended = signups.filter((signup) => signup.checkedInAt)
      const topicOf = new Map(trainings.map((training) => [training._id, training.topic]))
      const recorded = (sessions: typeof trainings) =>
        sessions.reduce((sum, training) => sum + (training.recordedAttendance ?? 0), 0)
      return {
        hostOrgName: host.name,
        sessions: trainings.length,
        attended: attended.length + recorded(trainings),
        people: new Set(attended.map((signup) => signup.userId)).size,
        organizations: byOrganization(signups),
        byTopic: (Object.keys(TRAINING_TOPICS) as TrainingTopic[])
          .map((topic) => {
            const sessions = trainings.filter((training) => training.topic === topic)
            return {
              topic,
              sessions: sessions.length,
              attended:
                attended.filter((signup) => topicOf.get(signup.placeId) === topic).length +
                recorded(sessions),
            }
          })
          .filter((line) => line.sessions > 0),
      }
    },
  },
)

/** The host's members, and the admins of its street or district. */
function runsTrainingsOf(
  caller: Caller,
  host: Pick<Organization, '_id' | 'districtId' | 'streetId'>,
): boolean {
  return (
    isMemberOf(caller, host._id) ||
    isDistrictAdmin(caller, host.districtId) ||
    caller.roles.some((role) => role.kind === 'street_admin' && role.streetId === host.streetId)
  )
}

const runsTraining = (caller: Caller, training: Training) =>
  runsTrainingsOf(caller, {
    _id: training.hostOrgId,
    districtId: training.districtId,
    ...(training.streetId ? { streetId: training.streetId } : {}),
  })

async function requireTraining(id: string): Promise<Training> {
  const training = await findTraining(id)
  if (!training || training.status !== 'published') {
    throw new AppError('NOT_FOUND', '该培训不存在')
  }
  return training
}

async function requireManagedTraining(caller: Caller, id: string): Promise<Training> {
  const training = await requireTraining(id)
  if (!runsTraining(caller, training)) {
    throw new AppError('FORBIDDEN', '只有主办组织的成员和街道、区级管理员可以进行此操作')
  }
  return training
}

async function ownSignup(trainingId: string, caller: Caller) {
  const signup = await findSignup(reservationIdOf(trainingId, caller._id))
  return signup && settle(TRAINING_SIGNUPS, signup)
}

async function detailOf(training: Training, caller: Caller) {
  const [signup, organizations] = await Promise.all([
    ownSignup(training._id, caller),
    findOrganizations(memberOrganizationIds(caller)),
  ])
  const current = signup ? await requireTraining(training._id) : training
  return {
    ...toTrainingSummary(current),
    description: current.description,
    ...withSignup(toMySignup(signup, current, new Date())),
    myOrganizations: organizations.map((organization) => ({
      id: organization._id,
      name: organization.name,
    })),
    canManage: runsTraining(caller, current),
  }
}

const withSignup = (mySignup: ReturnType<typeof toMySignup>) => (mySignup ? { mySignup } : {})
