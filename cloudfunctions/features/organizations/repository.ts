import {
  COLLECTIONS,
  command,
  countWhere,
  findById,
  findByIds,
  insertIfAbsent,
  sumWhere,
  updateWhere,
} from '../../shared/db'
import { readAll, readPage, type Page } from '../../shared/paging'
import type { Organization } from './domain'

export function findOrganization(id: string): Promise<Organization | undefined> {
  return findById<Organization>(COLLECTIONS.organizations, id)
}

export function findOrganizations(ids: string[]): Promise<Organization[]> {
  return findByIds<Organization>(COLLECTIONS.organizations, ids)
}

/** Every organization of the district; a district has tens to a few hundred. */
export function listOrganizations(): Promise<Organization[]> {
  return readAll<Organization>(COLLECTIONS.organizations, {}, [['_id', 'asc']])
}

/** A page of the registry in name order. */
export function readRegistryPage(
  filter: object,
  page: number,
  pageSize: number,
): Promise<Page<Organization>> {
  return readPage<Organization>(
    COLLECTIONS.organizations,
    filter,
    [
      ['name', 'asc'],
      ['_id', 'asc'],
    ],
    page,
    pageSize,
  )
}

/** The fields the registry's figures count, for every organization in scope. */
export function listRegistryFigures(filter: object): Promise<Organization[]> {
  return readAll<Organization>(COLLECTIONS.organizations, filter, [['_id', 'asc']], {
    registration: true,
    grade: true,
    gradeAwardedOn: true,
    incubation: true,
  })
}

export function insertOrganization(organization: Organization): Promise<boolean> {
  return insertIfAbsent(COLLECTIONS.organizations, organization)
}

export async function replaceOrganization(organization: Organization): Promise<void> {
  const { _id, ...fields } = organization
  const _ = command()
  // Fields the form cleared are removed, not left behind.
  const cleared = Object.fromEntries(
    (
      [
        'streetId',
        'registration',
        'creditCode',
        'registeredOn',
        'grade',
        'gradeAwardedOn',
        'gradeExpiresOn',
        'gradeCertNo',
        'incubation',
        'contact',
      ] as const
    )
      .filter((field) => fields[field] === undefined)
      .map((field) => [field, _.remove()]),
  )
  await updateWhere(COLLECTIONS.organizations, { _id }, { ...fields, ...cleared })
}

// The portfolio: what the organization did, read from the records other features keep.

export function listProjectFiguresOf(organizationId: string) {
  return readAll<{ _id: string; status: string; evaluation?: { satisfaction: number } }>(
    COLLECTIONS.projects,
    { organizationId },
    [
      ['createdAt', 'desc'],
      ['_id', 'asc'],
    ],
    { status: true, 'evaluation.satisfaction': true },
  )
}

export function sumPeopleServedInProjects(projectIds: string[]): Promise<number> {
  if (projectIds.length === 0) return Promise.resolve(0)
  return sumWhere(
    COLLECTIONS.projectProgress,
    { projectId: command().in(projectIds) },
    'peopleServed',
  )
}

export async function countClaimsOf(organizationId: string) {
  const [claims, approved] = await Promise.all([
    countWhere(COLLECTIONS.claims, { organizationId }),
    countWhere(COLLECTIONS.claims, { organizationId, status: 'approved' }),
  ])
  return { claims, approved }
}

/** Check-ins and ratings at the organization's service stalls. */
export async function stallFiguresOf(orgId: string) {
  const events = await readAll<{ _id: string }>(
    COLLECTIONS.stallEvents,
    { orgId },
    [
      ['date', 'asc'],
      ['_id', 'asc'],
    ],
    { _id: true },
  )
  if (events.length === 0) return { served: 0, ratings: [] as number[] }
  const _ = command()
  const eventId = _.in(events.map((event) => event._id))
  const [served, rated] = await Promise.all([
    countWhere(COLLECTIONS.stallBookings, { eventId, checkedInAt: _.exists(true) }),
    readAll<{ _id: string; rating: number }>(
      COLLECTIONS.stallBookings,
      { eventId, rating: _.exists(true) },
      [['_id', 'asc']],
      { rating: true },
    ),
  ])
  return { served, ratings: rated.map((booking) => booking.rating) }
}

export function sumVolunteerMinutesOf(organizerId: string): Promise<number> {
  return sumWhere(COLLECTIONS.volunteerHours, { 'organizer.id': organizerId }, 'minutes')
}

/** Sessions it hosted and the trainees checked in at them. */
export async function trainingFiguresOf(hostOrgId: string) {
  const trainings = await readAll<{ _id: string; recordedAttendance?: number }>(
    COLLECTIONS.trainings,
    { hostOrgId },
    [
      ['date', 'desc'],
      ['_id', 'asc'],
    ],
    { _id: true, recordedAttendance: true },
  )
  const _ = command()
  const trained =
    trainings.length === 0
      ? 0
      : await countWhere(COLLECTIONS.trainingSignups, {
          placeId: _.in(trainings.map((training) => training._id)),
          checkedInAt: _.exists(true),
        })
  const recorded = trainings.reduce((sum, training) => sum + (training.recordedAttendance ?? 0), 0)
  return { hosted: trainings.length, trained: trained + recorded }
}
