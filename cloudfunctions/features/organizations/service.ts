import { recordAudit } from '../../shared/audit'
import type { Caller } from '../../shared/caller'
import { COLLECTIONS, command, containing } from '../../shared/db'
import type { OutputsOf } from '../../shared/endpoints'
import { AppError } from '../../shared/errors'
import { defineService } from '../../shared/handler'
import { newId } from '../../shared/ids'
import { isDistrictAdmin, isMemberOf } from '../../shared/roles'
import { chinaDateOf } from '../../shared/time'
import { loadDistrictTree } from '../directory/repository'
import { requireStreet } from '../directory/service'
import { grantableIn } from '../people/domain'
import { organizationsInputs, type OrganizationsApi, type PortfolioView } from './contract'
import { GRADE_LEVELS, gradeExpiryOf, gradeStatusOf, type Organization } from './domain'
import {
  countClaimsOf,
  findOrganization,
  insertOrganization,
  listProjectFiguresOf,
  listRegistryFigures,
  readRegistryPage,
  replaceOrganization,
  stallFiguresOf,
  sumPeopleServedInProjects,
  sumVolunteerMinutesOf,
  trainingFiguresOf,
} from './repository'
import { toOrganizationDetail, toOrganizationSummary } from './views'

const REGISTRY_PAGE_SIZE = 20

export async function requireOrganization(id: string): Promise<Organization> {
  const organization = await findOrganization(id)
  if (!organization) throw new AppError('NOT_FOUND', '该组织不存在')
  return organization
}

export const organizationsService = defineService<
  typeof organizationsInputs,
  OutputsOf<OrganizationsApi>
>(organizationsInputs, {
  async registry({ page, keyword, gradeStatus, streetId, ...exact }, caller) {
    const scope = registryScopeOf(caller, streetId)
    const today = chinaDateOf(new Date())
    const _ = command()
    const filter = {
      ...scope,
      ...exact,
      ...(gradeStatus === 'valid' ? { gradeExpiresOn: _.gt(today) } : {}),
      ...(gradeStatus === 'expired' ? { gradeExpiresOn: _.lte(today) } : {}),
      ...(keyword ? { name: containing(keyword) } : {}),
    }
    const [found, figures, tree] = await Promise.all([
      readRegistryPage(filter, page, REGISTRY_PAGE_SIZE),
      listRegistryFigures(scope),
      loadDistrictTree(),
    ])
    const streetNames = new Map(tree.streets.map((street) => [street._id, street.name]))
    const valid = figures.filter((organization) => gradeStatusOf(organization, today) === 'valid')
    return {
      summary: {
        total: figures.length,
        registered: figures.filter((organization) => organization.registration === 'registered')
          .length,
        filed: figures.filter((organization) => organization.registration === 'filed').length,
        grades: GRADE_LEVELS.map((level) => ({
          level,
          count: valid.filter((organization) => organization.grade === level).length,
        })).filter((grade) => grade.count > 0),
        expiredGrades: figures.filter(
          (organization) => gradeStatusOf(organization, today) === 'expired',
        ).length,
        incubating: figures.filter((organization) => organization.incubation === 'incubating')
          .length,
      },
      page: {
        ...found,
        items: found.items.map((organization) =>
          toOrganizationSummary(organization, { today, streetNames }),
        ),
      },
    }
  },

  async detail({ orgId }, caller) {
    return detailOf(await requireOrganization(orgId), caller)
  },

  async save({ orgId, grade, streetId: chosenStreet, ...fields }, caller) {
    const existing = orgId ? await requireOrganization(orgId) : undefined
    // A street admin's new organization is in their street unless they say otherwise.
    const streetId = chosenStreet ?? (existing ? undefined : ownStreetOf(caller))
    const street = streetId ? await requireStreet(streetId) : undefined
    const districtId =
      street?.districtId ??
      existing?.districtId ??
      caller.roles.find((role) => role.kind === 'district_admin')?.districtId
    if (!districtId || (existing && !editsRegistryOf(caller, existing))) {
      throw new AppError('FORBIDDEN', '只有所在街道或区级管理员可以维护社会组织名录')
    }
    if (!editsRegistryOf(caller, { districtId, ...(streetId ? { streetId } : {}) })) {
      throw new AppError('FORBIDDEN', '您只能登记本街道的社会组织')
    }
    if (grade && fields.registration !== 'registered') {
      throw new AppError('INVALID_INPUT', '只有登记注册的社会组织可以记录评估等级')
    }
    const organization: Organization = {
      ...(existing?.location ? { location: existing.location } : {}),
      _id: existing?._id ?? newId('org'),
      districtId,
      ...(streetId ? { streetId } : {}),
      ...fields,
      services: [...new Set(fields.services)],
      ...(grade
        ? {
            grade: grade.level,
            gradeAwardedOn: grade.awardedOn,
            gradeExpiresOn: gradeExpiryOf(grade.awardedOn),
            ...(grade.certNo ? { gradeCertNo: grade.certNo } : {}),
          }
        : {}),
      updatedAt: new Date(),
    }
    if (existing) await replaceOrganization(organization)
    else await insertOrganization(organization)
    await recordAudit({
      actorId: caller._id,
      action: 'organizations.save',
      collection: COLLECTIONS.organizations,
      targetId: organization._id,
      detail: existing ? '更新登记信息' : '新增登记',
      districtId,
      ...(streetId ? { streetId } : {}),
    })
    return detailOf(await requireOrganization(organization._id), caller)
  },
})

/** The district's admin keeps the whole registry; a street's admin, that street's part of it. */
function editsRegistryOf(
  caller: Caller,
  organization: Pick<Organization, 'districtId' | 'streetId'>,
): boolean {
  return (
    isDistrictAdmin(caller, organization.districtId) ||
    caller.roles.some(
      (role) => role.kind === 'street_admin' && role.streetId === organization.streetId,
    )
  )
}

/** Which part of the registry the caller browses: their district, or their street. */
/** The street a street admin (who is no district admin) works for. */
function ownStreetOf(caller: Caller): string | undefined {
  if (caller.roles.some((role) => role.kind === 'district_admin')) return undefined
  const role = caller.roles.find((candidate) => candidate.kind === 'street_admin')
  return role?.kind === 'street_admin' ? role.streetId : undefined
}

function registryScopeOf(caller: Caller, streetId: string | undefined): object {
  for (const role of caller.roles) {
    if (role.kind === 'district_admin') {
      return { districtId: role.districtId, ...(streetId ? { streetId } : {}) }
    }
  }
  const own = caller.roles.flatMap((role) => (role.kind === 'street_admin' ? [role.streetId] : []))
  if (own.length === 0) {
    throw new AppError('FORBIDDEN', '只有街道和区级管理员可以查看社会组织名录')
  }
  if (streetId && !own.includes(streetId)) {
    throw new AppError('FORBIDDEN', '您只能查看本街道的社会组织')
  }
  return { streetId: streetId ?? own[0] }
}

async function detailOf(organization: Organization, caller: Caller) {
  const [portfolio, tree] = await Promise.all([portfolioOf(organization), loadDistrictTree()])
  const canEdit = editsRegistryOf(caller, organization)
  return toOrganizationDetail(organization, {
    today: chinaDateOf(new Date()),
    streetNames: new Map(tree.streets.map((street) => [street._id, street.name])),
    portfolio,
    canEdit,
    canManagePeople: grantableIn(caller, { kind: 'org', place: organization }).length > 0,
    seesContact: canEdit || isMemberOf(caller, organization._id),
  })
}

/** What the organization did in the product: projects, claims, people served, hours, ratings. */
async function portfolioOf(organization: Organization): Promise<PortfolioView> {
  const [projects, claims, stalls, volunteerMinutes, trainings] = await Promise.all([
    listProjectFiguresOf(organization._id),
    countClaimsOf(organization._id),
    stallFiguresOf(organization._id),
    sumVolunteerMinutesOf(organization._id),
    trainingFiguresOf(organization._id),
  ])
  const inProjects = await sumPeopleServedInProjects(projects.map((project) => project._id))
  const ratings = [
    ...projects.flatMap((project) => (project.evaluation ? [project.evaluation.satisfaction] : [])),
    ...stalls.ratings,
  ]
  return {
    projects: projects.length,
    activeProjects: projects.filter((project) => project.status === 'active').length,
    claims: claims.claims,
    approvedClaims: claims.approved,
    peopleServed: inProjects + stalls.served + trainings.trained,
    volunteerMinutes,
    trainingsHosted: trainings.hosted,
    averageRating:
      ratings.length === 0
        ? null
        : Math.round((ratings.reduce((sum, value) => sum + value, 0) / ratings.length) * 10) / 10,
    ratings: ratings.length,
  }
}
