import { recordAuditIn } from '../../shared/audit'
import { emptyLedger, withLimit, type CapacityLedger } from '../../shared/capacity/ledger'
import type { Caller } from '../../shared/caller'
import { requireSafeText } from '../../shared/contentSecurity'
import { COLLECTIONS, command, transaction } from '../../shared/db'
import type { OutputsOf } from '../../shared/endpoints'
import { AppError } from '../../shared/errors'
import { defineService } from '../../shared/handler'
import { kindFromText, vocabularyOf, type ServiceKind } from '../../shared/serviceKinds'
import { newId } from '../../shared/ids'
import { chinaDateOf } from '../../shared/time'
import { messageTime } from '../../shared/messageTemplates'
import { notifyOnce } from '../../shared/notifications'
import {
  isDistrictAdmin,
  isStaff,
  memberOrganizationIds,
  requireMembership,
  requireWorkerOf,
  workerCommunityIds,
} from '../../shared/roles'
import { loadDistrictTree } from '../directory/repository'
import { requireCommunity } from '../directory/service'
import { promotionOf } from '../needs/domain'
import { readPersonalNeedIn, updatePersonalNeedIn } from '../needs/repository'
import { requireOrganization } from '../organizations/service'
import { listsInputs, type ListsApi } from './contract'
import {
  isPastWindow,
  needStatusOf,
  periodLimitOf,
  type CommunityNeed,
  type DistrictServiceKind,
  type ResourceOffering,
} from './domain'
import {
  listDistrictKinds,
  readDistrictKindIn,
  saveDistrictKindIn,
  findCommunityNeed,
  findOffering,
  readCommunityNeedIn,
  readCommunityNeedsPage,
  readOfferingIn,
  readOfferingsPage,
  saveCommunityNeedIn,
  saveOfferingIn,
  updateCommunityNeedIn,
  updateOfferingIn,
  type NeedFilter,
} from './repository'
import { toCommunityNeedView, toKindView, toOfferingView } from './views'

const LIST_PAGE_SIZE = 20

/** The vocabulary with the district's own kinds. */
export async function loadVocabulary(): Promise<ServiceKind[]> {
  return vocabularyOf(await listDistrictKinds())
}

/** The vocabulary, once the kind picked is known to be in it (bad input changes nothing). */
async function vocabularyWith(kind: string | undefined): Promise<ServiceKind[]> {
  const vocabulary = await loadVocabulary()
  if (kind !== undefined && !vocabulary.some((known) => known.id === kind)) {
    throw new AppError('INVALID_INPUT', '请选择有效的服务类型')
  }
  return vocabulary
}

/** A line whose window is already over would sit in 揭榜大厅 and the matching with nothing to do. */
function refusePastWindow(window: { to: string } | undefined, label: string): void {
  if (isPastWindow(window, chinaDateOf(new Date()))) {
    throw new AppError('INVALID_INPUT', `${label}已过去，结束日期不能早于今天`)
  }
}

export const listsService = defineService<typeof listsInputs, OutputsOf<ListsApi>>(listsInputs, {
  async publishNeed({ communityId, promotedFrom, quantity, ...line }, caller) {
    refusePastWindow(line.window, '需求时间')
    const vocabulary = await vocabularyWith(line.kind)
    const community = await requireCommunity(communityId)
    requireWorkerOf(caller, community)
    await requireSafeText(caller._id, 'profile', {
      需求名称: line.title,
      需求描述: line.description,
    })
    const now = new Date()
    const worker = { id: caller._id, name: caller.displayName }
    const need: CommunityNeed = {
      _id: newId('cneed'),
      districtId: community.districtId,
      streetId: community.streetId,
      communityId: community._id,
      communityName: community.name,
      ...line,
      kind: line.kind ?? kindFromText(vocabulary, line),
      capacity: emptyLedger(quantity),
      status: 'open',
      promotedFrom: [...new Set(promotedFrom)],
      createdBy: caller._id,
      createdAt: now,
      updatedAt: now,
    }
    // The line and the residents' needs it takes over (now 已受理) are written together.
    const residents = await transaction(async (tx) => {
      const taken: { needId: string; residentId: string }[] = []
      for (const personalNeedId of need.promotedFrom) {
        const personal = await readPersonalNeedIn(tx, personalNeedId)
        if (
          personal?.communityId !== community._id ||
          (personal.status !== 'open' && personal.status !== 'accepted')
        ) {
          throw new AppError('CONFLICT', '所选居民需求不属于本社区或已在办理，请刷新后重试')
        }
        await updatePersonalNeedIn(
          tx,
          personalNeedId,
          promotionOf(personal, { id: need._id, title: need.title }, worker, now),
        )
        taken.push({ needId: personalNeedId, residentId: personal.residentId })
        await recordAuditIn(tx, {
          actorId: caller._id,
          action: 'lists.promotePersonalNeed',
          collection: COLLECTIONS.personalNeeds,
          targetId: personalNeedId,
          detail: `转入需求清单 ${need._id}`,
        })
      }
      await saveCommunityNeedIn(tx, need)
      return taken
    })
    for (const { needId, residentId } of residents) {
      await notifyOnce(
        {
          _id: `need-accepted:${needId}`,
          userId: residentId,
          title: '您的需求已纳入社区需求清单',
          body: `${community.name}将通过需求清单「${need.title}」统一办理，并由社会力量认领服务。`,
          ref: needId,
        },
        {
          template: 'progressUpdate',
          values: {
            subject: need.title,
            status: '处理中',
            note: `${community.name}已列入需求清单`,
            time: messageTime(now),
          },
          page: 'packages/needs/pages/mine/index',
        },
      )
    }
    return toCommunityNeedView(need, caller)
  },

  async editNeed({ needId, quantity, ...changes }, caller) {
    refusePastWindow(changes.window, '需求时间')
    await vocabularyWith(changes.kind)
    const need = await requireCommunityNeed(needId)
    requireWorkerOf(caller, { _id: need.communityId, name: need.communityName })
    await requireSafeText(caller._id, 'profile', {
      需求名称: changes.title,
      需求描述: changes.description,
    })
    await transaction(async (tx) => {
      const current = await readCommunityNeedIn(tx, needId)
      if (!current) throw new AppError('NOT_FOUND', '该需求不存在')
      if (current.status === 'closed') throw new AppError('CONFLICT', '该需求已关闭，不能再修改')
      const resized = quantity === undefined ? undefined : withLimit(current.capacity, quantity)
      if (quantity !== undefined && !resized) {
        throw new AppError(
          'INVALID_INPUT',
          `已有 ${current.capacity.taken} ${current.unit}被认领，数量不能少于此`,
        )
      }
      const capacity = resized?.ledger ?? current.capacity
      await updateCommunityNeedIn(tx, needId, {
        ...changes,
        capacity: command().set(capacity),
        status: needStatusOf(current, capacity),
        updatedAt: new Date(),
      })
    })
    return toCommunityNeedView(await requireCommunityNeed(needId), caller)
  },

  async closeNeed({ needId }, caller) {
    const need = await requireCommunityNeed(needId)
    requireWorkerOf(caller, { _id: need.communityId, name: need.communityName })
    await transaction(async (tx) => {
      const current = await readCommunityNeedIn(tx, needId)
      if (current && current.status !== 'closed') {
        await updateCommunityNeedIn(tx, needId, { status: 'closed', updatedAt: new Date() })
      }
    })
    return toCommunityNeedView(await requireCommunityNeed(needId), caller)
  },

  async listNeeds({ page, domain, status, ...place }, caller) {
    const scope = await visibleNeedScope(caller, place)
    const result = await readCommunityNeedsPage({ ...scope, domain, status }, page, LIST_PAGE_SIZE)
    return { ...result, items: result.items.map((need) => toCommunityNeedView(need, caller)) }
  },

  async publishOffering({ organizationId, capacity, ...line }, caller) {
    refusePastWindow(line.availability, '服务时间')
    const vocabulary = await vocabularyWith(line.kind)
    const organization = await requireOrganization(organizationId)
    requireMembership(caller, organization)
    await requireSafeText(caller._id, 'profile', {
      资源名称: line.title,
      资源描述: line.description,
    })
    const now = new Date()
    const offering: ResourceOffering = {
      _id: newId('offer'),
      districtId: organization.districtId,
      organizationId: organization._id,
      organizationName: organization.name,
      organizationKind: organization.kind,
      ...line,
      kind: line.kind ?? kindFromText(vocabulary, { ...line, domain: line.domains[0] }),
      capacity: emptyLedger(capacity),
      status: 'active',
      createdBy: caller._id,
      createdAt: now,
      updatedAt: now,
    }
    await transaction((tx) => saveOfferingIn(tx, offering))
    return toOfferingView(offering, caller)
  },

  async editOffering({ offeringId, capacity, ...changes }, caller) {
    refusePastWindow(changes.availability, '服务时间')
    await vocabularyWith(changes.kind)
    await requireOwnOffering(caller, offeringId)
    await requireSafeText(caller._id, 'profile', {
      资源名称: changes.title,
      资源描述: changes.description,
    })
    await transaction(async (tx) => {
      const current = await readOfferingIn(tx, offeringId)
      if (!current) throw new AppError('NOT_FOUND', '该资源不存在')
      const ledgers: Record<string, object> = {}
      // Held units belong to the period they were counted in (this year, this quarter): moving them
      // to another kind of period would count them twice or not at all, so the period changes only
      // while nothing is held, and the periods' ledgers start again under the new one.
      const periodChanged = changes.period !== undefined && changes.period !== current.period
      if (periodChanged) {
        const periods = Object.values(current.periods ?? {})
        if (periods.some((ledger) => ledger.holders.length > 0 || ledger.queue.length > 0)) {
          throw new AppError(
            'CONFLICT',
            '已有方案确认使用该资源，不能更改提供周期；可暂停该资源后按新周期另行发布',
          )
        }
        ledgers.periods = command().set({})
      }
      // The offering's own ledger and every period's follow the new amount, or nothing changes.
      if (capacity !== undefined) {
        const paths: Array<[string, CapacityLedger, number]> = [
          ['capacity', current.capacity, capacity],
          ...Object.entries(periodChanged ? {} : (current.periods ?? {})).map(
            ([key, ledger]): [string, CapacityLedger, number] => [
              `periods.${key}`,
              ledger,
              periodLimitOf(current.period, capacity),
            ],
          ),
        ]
        for (const [path, ledger, limit] of paths) {
          const resized = withLimit(ledger, limit)
          if (!resized) {
            throw new AppError(
              'INVALID_INPUT',
              `已有 ${ledger.taken} ${current.unit}被确认使用，可提供数量不能少于此`,
            )
          }
          ledgers[path] = command().set(resized.ledger)
        }
      }
      await updateOfferingIn(tx, offeringId, {
        ...changes,
        ...ledgers,
        updatedAt: new Date(),
      })
    })
    return toOfferingView(await requireOffering(offeringId), caller)
  },

  async listKinds() {
    const custom = new Set((await listDistrictKinds()).map((kind) => kind.id))
    return (await loadVocabulary()).map((kind) => toKindView(kind, custom.has(kind.id)))
  },

  async addKind({ districtId, label, domain, measure, keywords }, caller) {
    if (!isDistrictAdmin(caller, districtId)) {
      throw new AppError('FORBIDDEN', '只有区级管理员可以增加服务类型')
    }
    if ((await loadVocabulary()).some((kind) => kind.label === label)) {
      throw new AppError('CONFLICT', `服务类型「${label}」已存在`)
    }
    // The id follows from the label, so a retried request adds nothing twice.
    const kind: DistrictServiceKind = {
      _id: `kind-${districtId}-${label}`,
      id: `kind-${districtId}-${label}`,
      districtId,
      label,
      domain,
      measure,
      keywords: [...new Set([label, ...keywords])],
      createdBy: caller._id,
      createdAt: new Date(),
    }
    await transaction(async (tx) => {
      if (await readDistrictKindIn(tx, kind._id)) {
        throw new AppError('CONFLICT', `服务类型「${label}」已存在`)
      }
      await saveDistrictKindIn(tx, kind)
    })
    return toKindView(kind, true)
  },

  async setOfferingStatus({ offeringId, status }, caller) {
    const offering = await requireOwnOffering(caller, offeringId)
    if (offering.status === 'withdrawn') throw new AppError('CONFLICT', '该资源已撤回')
    await transaction(async (tx) => {
      const current = await readOfferingIn(tx, offeringId)
      if (current?.status === 'withdrawn') throw new AppError('CONFLICT', '该资源已撤回')
      await updateOfferingIn(tx, offeringId, { status, updatedAt: new Date() })
    })
    return toOfferingView(await requireOffering(offeringId), caller)
  },

  async listOfferings({ organizationId, page }, caller) {
    if (organizationId) {
      const organization = await requireOrganization(organizationId)
      if (!isStaff(caller)) requireMembership(caller, organization)
    } else if (!isStaff(caller)) {
      throw new AppError('FORBIDDEN', '只有社区和街道、区级工作人员可以查看全部资源清单')
    }
    const result = await readOfferingsPage(organizationId, page, LIST_PAGE_SIZE)
    return { ...result, items: result.items.map((offering) => toOfferingView(offering, caller)) }
  },
})

export async function requireCommunityNeed(id: string): Promise<CommunityNeed> {
  const need = await findCommunityNeed(id)
  if (!need) throw new AppError('NOT_FOUND', '该需求不存在')
  return need
}

export async function requireOffering(id: string): Promise<ResourceOffering> {
  const offering = await findOffering(id)
  if (!offering) throw new AppError('NOT_FOUND', '该资源不存在')
  return offering
}

async function requireOwnOffering(caller: Caller, offeringId: string) {
  const offering = await requireOffering(offeringId)
  requireMembership(caller, { _id: offering.organizationId, name: offering.organizationName })
  return offering
}

/**
 * Who sees which published needs: providers and the district admin the whole district, a street
 * admin their street, a community worker their communities. Residents see none here.
 */
async function visibleNeedScope(
  caller: Caller,
  place: { streetId?: string; communityId?: string },
): Promise<Pick<NeedFilter, 'streetIds' | 'communityIds'>> {
  const wholeDistrict =
    memberOrganizationIds(caller).length > 0 ||
    caller.roles.some((role) => role.kind === 'district_admin')
  const streetIds = caller.roles.flatMap((role) =>
    role.kind === 'street_admin' ? [role.streetId] : [],
  )
  const communityIds = workerCommunityIds(caller)
  if (!wholeDistrict && streetIds.length === 0 && communityIds.length === 0) {
    throw new AppError('FORBIDDEN', '只有服务组织和社区、街道、区级工作人员可以查看需求清单')
  }
  const requested = {
    ...(place.streetId ? { streetIds: [place.streetId] } : {}),
    ...(place.communityId ? { communityIds: [place.communityId] } : {}),
  }
  if (wholeDistrict) return requested
  if (place.communityId) {
    const community = await requireCommunity(place.communityId)
    if (streetIds.includes(community.streetId) || communityIds.includes(community._id)) {
      return requested
    }
    throw new AppError('FORBIDDEN', `您无权查看${community.name}的需求清单`)
  }
  if (place.streetId) {
    if (streetIds.includes(place.streetId)) return requested
    throw new AppError('FORBIDDEN', '您无权查看该街道的需求清单')
  }
  if (streetIds.length > 0) {
    const { communities } = await loadDistrictTree()
    const inStreets = communities.filter((community) => streetIds.includes(community.streetId))
    return { communityIds: [...new Set([...communityIds, ...inStreets.map((c) => c._id)])] }
  }
  return { communityIds }
}
