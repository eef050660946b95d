import {
  COLLECTIONS,
  command,
  countWhere,
  findById,
  findByIds,
  insertOne,
  updateWhere,
} from '../../shared/db'
import { readAll, readFirst } from '../../shared/paging'
import type { Training, TrainingSignup } from './domain'

const LISTED = 50
const ACTIVE = ['requested', 'booked', 'waitlisted', 'cancelling']

export async function insertTraining(training: Omit<Training, '_id'>): Promise<Training> {
  return { ...training, _id: await insertOne(COLLECTIONS.trainings, training) }
}

export function findTraining(id: string): Promise<Training | undefined> {
  return findById<Training>(COLLECTIONS.trainings, id)
}

export function findTrainings(ids: string[]): Promise<Training[]> {
  return findByIds<Training>(COLLECTIONS.trainings, ids)
}

/** Published trainings from today on, soonest first; or before today, latest first. */
export function listTrainings(when: 'upcoming' | 'past', today: string): Promise<Training[]> {
  const _ = command()
  return readFirst<Training>(
    COLLECTIONS.trainings,
    { status: 'published', date: when === 'upcoming' ? _.gte(today) : _.lt(today) },
    when === 'upcoming'
      ? [
          ['date', 'asc'],
          ['start', 'asc'],
          ['_id', 'asc'],
        ]
      : [
          ['date', 'desc'],
          ['_id', 'asc'],
        ],
    LISTED,
  )
}

/** Every training a host held, latest first. */
export function listTrainingsOfHost(hostOrgId: string): Promise<Training[]> {
  return readAll<Training>(COLLECTIONS.trainings, { hostOrgId }, [
    ['date', 'desc'],
    ['_id', 'asc'],
  ])
}

export function findSignup(id: string): Promise<TrainingSignup | undefined> {
  return findById<TrainingSignup>(COLLECTIONS.trainingSignups, id)
}

export function listSignupsOfUser(userId: string): Promise<TrainingSignup[]> {
  return readAll<TrainingSignup>(
    COLLECTIONS.trainingSignups,
    { userId, status: command().in(ACTIVE) },
    [
      ['createdAt', 'desc'],
      ['_id', 'asc'],
    ],
  )
}

/** The sign-ups that hold or wait for a place at the trainings (or are being settled). */
export function listSignupsOfTrainings(trainingIds: string[]): Promise<TrainingSignup[]> {
  if (trainingIds.length === 0) return Promise.resolve([])
  const _ = command()
  return readAll<TrainingSignup>(
    COLLECTIONS.trainingSignups,
    { placeId: _.in(trainingIds), status: _.in(ACTIVE) },
    [
      ['createdAt', 'asc'],
      ['_id', 'asc'],
    ],
  )
}

export function listSignupsWithCode(trainingId: string, code: string): Promise<TrainingSignup[]> {
  return readFirst<TrainingSignup>(
    COLLECTIONS.trainingSignups,
    { placeId: trainingId, checkInCode: code, status: command().neq('refused') },
    [['_id', 'asc']],
    5,
  )
}

export async function isCodeTaken(trainingId: string, code: string): Promise<boolean> {
  return (
    (await countWhere(COLLECTIONS.trainingSignups, { placeId: trainingId, checkInCode: code })) > 0
  )
}

/** Records arrival once, for a booked trainee; false when already checked in (or not booked). */
export async function markCheckedIn(id: string, at: Date): Promise<boolean> {
  const updated = await updateWhere(
    COLLECTIONS.trainingSignups,
    { _id: id, status: 'booked', checkedInAt: command().exists(false) },
    { checkedInAt: at },
  )
  return updated === 1
}
