import { recordAuditIn } from '../../shared/audit'
import type { Caller } from '../../shared/caller'
import { COLLECTIONS } from '../../shared/collections'
import { command, transaction, type Transaction } from '../../shared/db'
import type { OutputsOf } from '../../shared/endpoints'
import { AppError } from '../../shared/errors'
import { defineService } from '../../shared/handler'
import { newId } from '../../shared/ids'
import {
  isDistrictAdmin,
  isMemberOf,
  isWorkerOf,
  overseesStreet,
  requireMembership,
  requireOversight,
  requireStreetOversight,
} from '../../shared/roles'
import { chinaDateOf, chinaInstant } from '../../shared/time'
import { loadDistrictTree } from '../directory/repository'
import { requireCommunity, requireStreet } from '../directory/service'
import { findOrganization, listOrganizations } from '../organizations/repository'
import { agreementsInputs, type AgreementDetailView, type AgreementsApi } from './contract'
import {
  AGREEMENT_STATUSES,
  COMMITMENT_KINDS,
  statusOf,
  type Agreement,
  type CountedDelivery,
  type PartyRef,
} from './domain'
import {
  findAgreement,
  listHoursOfOrganizers,
  listProgressOfProjects,
  listProjectsWhere,
  readAgreementIn,
  readAgreementsPage,
  saveAgreementIn,
  updateAgreementIn,
} from './repository'
import { toAgreementDetailView, toAgreementView } from './views'

const AGREEMENTS_PAGE_SIZE = 20

const today = () => chinaDateOf(new Date())

export const agreementsService = defineService<typeof agreementsInputs, OutputsOf<AgreementsApi>>(
  agreementsInputs,
  {
    async create(input, caller) {
      const parties = await partiesOf(input.kind, input.firstPartyId, input.secondPartyId)
      requireFirstParty(caller, parties.place)
      const now = new Date()
      const agreement: Agreement = {
        _id: newId('agreement'),
        kind: input.kind,
        title: input.title,
        firstParty: parties.first,
        secondParty: parties.second,
        districtId: parties.place.districtId,
        streetId: parties.place.streetId,
        ...(parties.place.communityId ? { communityId: parties.place.communityId } : {}),
        ...(parties.second.kind === 'organization' ? { organizationId: parties.second.id } : {}),
        scopes: input.scopes,
        term: input.term,
        commitments: input.commitments.map((commitment) => ({
          ...commitment,
          id: newId('commitment'),
        })),
        kpis: input.kpis,
        reviewDates: [...new Set(input.reviewDates)].sort(),
        reviews: [],
        status: 'draft',
        createdBy: { id: caller._id, name: caller.displayName },
        createdAt: now,
        updatedAt: now,
      }
      await transaction((tx) => saveAgreementIn(tx, agreement))
      return detailFor(caller, agreement)
    },

    async list({ scope, id, page }, caller) {
      const result = await readAgreementsPage(
        await listFilter(caller, scope, id),
        page,
        AGREEMENTS_PAGE_SIZE,
      )
      const date = today()
      return { ...result, items: result.items.map((agreement) => toAgreementView(agreement, date)) }
    },

    async detail({ agreementId }, caller) {
      return detailFor(caller, await requireVisible(caller, agreementId))
    },

    async partyChoices({ kind, firstPartyId }, caller) {
      const tree = await loadDistrictTree()
      const first =
        kind === 'district_street'
          ? tree.districts.find((district) => district._id === firstPartyId)
          : kind === 'street_organization'
            ? tree.streets.find((street) => street._id === firstPartyId)
            : tree.communities.find((community) => community._id === firstPartyId)
      if (!first) throw new AppError('NOT_FOUND', '所选甲方不存在')
      const districtId = 'districtId' in first ? String(first.districtId) : first._id
      const streetId = 'streetId' in first ? String(first.streetId) : first._id
      requireFirstParty(caller, {
        kind,
        districtId,
        streetId,
        ...(kind === 'community_organization' ? { communityId: first._id } : {}),
      })
      const choices =
        kind === 'district_street'
          ? tree.streets.filter((street) => street.districtId === districtId)
          : (await listOrganizations()).filter((org) => org.districtId === districtId)
      return {
        firstPartyName: first.name,
        choices: choices.map((choice) => ({ id: choice._id, name: choice.name })),
      }
    },

    async sign({ agreementId, signedOn, place, scanFileId }, caller) {
      const agreement = await requireVisible(caller, agreementId)
      requireFirstParty(caller, placeOf(agreement))
      if (signedOn > today()) throw new AppError('INVALID_INPUT', '签订日期不能晚于今天')
      if (signedOn > agreement.term.to) {
        throw new AppError('INVALID_INPUT', '签订日期不能晚于协议期限的结束日期')
      }
      await step(agreement, ['draft'], async (tx, now) => {
        await updateAgreementIn(tx, agreementId, {
          status: 'signed',
          signed: command().set({
            on: signedOn,
            place,
            ...(scanFileId ? { scanFileId } : {}),
            by: { id: caller._id, name: caller.displayName },
          }),
          updatedAt: now,
        })
        await recordAuditIn(tx, {
          actorId: caller._id,
          action: 'agreements.sign',
          collection: COLLECTIONS.agreements,
          targetId: agreementId,
          detail: `${agreement.firstParty.name}与${agreement.secondParty.name}签订《${agreement.title}》`,
        })
      })
      return detailFor(caller, await requireAgreement(agreementId))
    },

    async terminate({ agreementId, reason }, caller) {
      const agreement = await requireVisible(caller, agreementId)
      requireFirstParty(caller, placeOf(agreement))
      await step(agreement, ['signed'], async (tx, now) => {
        await updateAgreementIn(tx, agreementId, {
          status: 'terminated',
          terminated: command().set({
            reason,
            on: chinaDateOf(now),
            by: { id: caller._id, name: caller.displayName },
          }),
          updatedAt: now,
        })
        await recordAuditIn(tx, {
          actorId: caller._id,
          action: 'agreements.terminate',
          collection: COLLECTIONS.agreements,
          targetId: agreementId,
          detail: reason,
        })
      })
      return detailFor(caller, await requireAgreement(agreementId))
    },

    async recordReview({ agreementId, date, notes, delivered }, caller) {
      const agreement = await requireVisible(caller, agreementId)
      requireFirstParty(caller, placeOf(agreement))
      if (date > today()) throw new AppError('INVALID_INPUT', '复核日期不能晚于今天')
      if (date < agreement.term.from) {
        throw new AppError('INVALID_INPUT', '复核日期不能早于协议生效日期')
      }
      for (const line of delivered) {
        const commitment = agreement.commitments.find((item) => item.id === line.commitmentId)
        if (!commitment) throw new AppError('INVALID_INPUT', '所填承诺事项不属于本协议')
        if (COMMITMENT_KINDS[commitment.kind].counted) {
          throw new AppError(
            'INVALID_INPUT',
            `“${commitment.description}”由系统按项目和时长自动统计，无需填写`,
          )
        }
      }
      await step(agreement, ['signed'], async (tx, now) => {
        await updateAgreementIn(tx, agreementId, {
          reviews: command().push([
            {
              id: newId('review'),
              date,
              notes,
              delivered,
              by: { id: caller._id, name: caller.displayName },
              at: now,
            },
          ]),
          updatedAt: now,
        })
      })
      return detailFor(caller, await requireAgreement(agreementId))
    },
  },
)

/** Where an agreement sits: its district and street, and its community for a community's. */
interface Place {
  districtId: string
  streetId: string
  communityId?: string
  kind: Agreement['kind']
}

function placeOf(agreement: Agreement): Place {
  return {
    districtId: agreement.districtId,
    streetId: agreement.streetId,
    ...(agreement.communityId ? { communityId: agreement.communityId } : {}),
    kind: agreement.kind,
  }
}

/** The parties named by the kind: 甲方 the district, street or community; 乙方 a street or an organization. */
async function partiesOf(
  kind: Agreement['kind'],
  firstPartyId: string,
  secondPartyId: string,
): Promise<{ first: PartyRef; second: PartyRef; place: Place }> {
  if (kind === 'district_street') {
    const { districts } = await loadDistrictTree()
    const district = districts.find((candidate) => candidate._id === firstPartyId)
    if (!district) throw new AppError('NOT_FOUND', '所选区县不存在')
    const street = await requireStreet(secondPartyId)
    if (street.districtId !== district._id) {
      throw new AppError('INVALID_INPUT', `${street.name}不属于${district.name}`)
    }
    return {
      first: { kind: 'district', id: district._id, name: district.name },
      second: { kind: 'street', id: street._id, name: street.name },
      place: { districtId: district._id, streetId: street._id, kind },
    }
  }
  const organization = await findOrganization(secondPartyId)
  if (!organization) throw new AppError('NOT_FOUND', '所选组织不存在')
  const second: PartyRef = { kind: 'organization', id: organization._id, name: organization.name }
  if (kind === 'street_organization') {
    const street = await requireStreet(firstPartyId)
    if (organization.districtId !== street.districtId) {
      throw new AppError('INVALID_INPUT', '只能与本区的组织签订共建协议')
    }
    return {
      first: { kind: 'street', id: street._id, name: street.name },
      second,
      place: { districtId: street.districtId, streetId: street._id, kind },
    }
  }
  const community = await requireCommunity(firstPartyId)
  if (organization.districtId !== community.districtId) {
    throw new AppError('INVALID_INPUT', '只能与本区的组织签订共建协议')
  }
  return {
    first: { kind: 'community', id: community._id, name: community.name },
    second,
    place: {
      districtId: community.districtId,
      streetId: community.streetId,
      communityId: community._id,
      kind,
    },
  }
}

/** Whether the caller acts for the first party: the district, the street or the community. */
function actsForFirstParty(caller: Caller, place: Place): boolean {
  if (place.kind === 'district_street') return isDistrictAdmin(caller, place.districtId)
  if (place.kind === 'street_organization') {
    return overseesStreet(caller, { _id: place.streetId, name: '', districtId: place.districtId })
  }
  return Boolean(place.communityId && isWorkerOf(caller, place.communityId))
}

function requireFirstParty(caller: Caller, place: Place) {
  if (actsForFirstParty(caller, place)) return
  const who = {
    district_street: '区级管理员',
    street_organization: '该街道的管理员',
    community_organization: '该社区的社区工作者',
  }[place.kind]
  throw new AppError('FORBIDDEN', `只有${who}可以起草、签订和管理这份协议`)
}

/** The parties see an agreement, and the district above them; nobody else learns of it. */
function maySee(caller: Caller, agreement: Agreement): boolean {
  const { districtId, streetId, organizationId, secondParty } = agreement
  return (
    isDistrictAdmin(caller, districtId) ||
    actsForFirstParty(caller, placeOf(agreement)) ||
    (secondParty.kind === 'street' &&
      overseesStreet(caller, { _id: secondParty.id, name: '', districtId })) ||
    (agreement.kind === 'street_organization' &&
      overseesStreet(caller, { _id: streetId, name: '', districtId })) ||
    Boolean(organizationId && isMemberOf(caller, organizationId))
  )
}

async function requireAgreement(agreementId: string): Promise<Agreement> {
  const agreement = await findAgreement(agreementId)
  if (!agreement) throw new AppError('NOT_FOUND', '该协议不存在')
  return agreement
}

async function requireVisible(caller: Caller, agreementId: string): Promise<Agreement> {
  const agreement = await requireAgreement(agreementId)
  if (!maySee(caller, agreement)) throw new AppError('NOT_FOUND', '该协议不存在')
  return agreement
}

/** What a list shows, checked against who asks: a scope they oversee or an organization of theirs. */
async function listFilter(
  caller: Caller,
  scope: 'district' | 'street' | 'community' | 'organization',
  id: string,
): Promise<object> {
  if (scope === 'district') {
    if (!isDistrictAdmin(caller, id))
      throw new AppError('FORBIDDEN', '只有区级管理员可以查看全区协议')
    return { districtId: id }
  }
  if (scope === 'street') {
    requireStreetOversight(caller, await requireStreet(id))
    // A street's own agreements and its communities' agreements.
    return { streetId: id }
  }
  if (scope === 'community') {
    requireOversight(caller, await requireCommunity(id))
    return { communityId: id }
  }
  const organization = await findOrganization(id)
  if (!organization) throw new AppError('NOT_FOUND', '所选组织不存在')
  requireMembership(caller, organization)
  return { organizationId: id }
}

async function step(
  agreement: Agreement,
  from: Agreement['status'][],
  apply: (tx: Transaction, now: Date) => Promise<void>,
) {
  await transaction(async (tx) => {
    const current = await readAgreementIn(tx, agreement._id)
    if (!current || !from.includes(current.status)) {
      const status = current ? statusOf(current, today()) : 'draft'
      throw new AppError(
        'CONFLICT',
        `该协议当前为“${AGREEMENT_STATUSES[status]}”，不能进行此操作，请刷新`,
      )
    }
    await apply(tx, new Date())
  })
}

/**
 * What the product recorded for the agreement's second party over its term: the projects (and
 * their monthly progress) of the organization in the street or community, or all of the street's
 * for the district's agreement; volunteer hours the organization or the street's communities
 * recorded.
 */
async function countedFor(agreement: Agreement): Promise<CountedDelivery> {
  const { from, to } = agreement.term
  const inTerm = command().gte(chinaInstant(from, '00:00')).lte(chinaInstant(to, '23:59'))
  const where =
    agreement.kind === 'district_street'
      ? { streetId: agreement.streetId }
      : agreement.kind === 'street_organization'
        ? { streetId: agreement.streetId, organizationId: agreement.organizationId }
        : { communityId: agreement.communityId, organizationId: agreement.organizationId }
  const projects = await listProjectsWhere({ ...where, createdAt: inTerm })
  const progress = (await listProgressOfProjects(projects.map((project) => project._id))).filter(
    (entry) => entry.month >= from.slice(0, 7) && entry.month <= to.slice(0, 7),
  )
  const organizers =
    agreement.kind === 'district_street'
      ? (await loadDistrictTree()).communities
          .filter((community) => community.streetId === agreement.streetId)
          .map((community) => community._id)
      : [agreement.organizationId ?? '']
  const hours = (await listHoursOfOrganizers(organizers)).filter(
    (entry) => entry.serviceDate >= from && entry.serviceDate <= to,
  )
  const minutes = hours.reduce((sum, entry) => sum + entry.minutes, 0)
  return {
    projects: projects.length,
    sessions: progress.length,
    people_served: progress.reduce((sum, entry) => sum + entry.peopleServed, 0),
    person_hours: Math.round((minutes / 60) * 10) / 10,
  }
}

async function detailFor(caller: Caller, agreement: Agreement): Promise<AgreementDetailView> {
  const date = today()
  const status = statusOf(agreement, date)
  const first = actsForFirstParty(caller, placeOf(agreement))
  return toAgreementDetailView(agreement, {
    today: date,
    counted: await countedFor(agreement),
    can: {
      sign: first && status === 'draft',
      terminate: first && (status === 'signed' || status === 'in_force'),
      review: first && (status === 'in_force' || status === 'expired'),
    },
  })
}
