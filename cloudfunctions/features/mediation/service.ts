import { recordAudit } from '../../shared/audit'
import type { Caller } from '../../shared/caller'
import { command, findByIds, transaction, type Transaction } from '../../shared/db'
import type { OutputsOf } from '../../shared/endpoints'
import { AppError } from '../../shared/errors'
import { defineService } from '../../shared/handler'
import { newId } from '../../shared/ids'
import { notifyIn, notifyOnce } from '../../shared/notifications'
import {
  isDistrictAdmin,
  isWorkerOf,
  overseesCommunity,
  requireOversight,
  requireStreetOversight,
  requireWorkerOf,
  type CommunityPlace,
} from '../../shared/roles'
import { storeFile, temporaryUrl } from '../../shared/storage'
import { DAY_MS, chinaDateOf, chinaInstant } from '../../shared/time'
import { COLLECTIONS } from '../../shared/collections'
import { listUsersWithRole } from '../account/repository'
import { communityNames, requireCommunity, requireStreet } from '../directory/service'
import { loadDistrictTree } from '../directory/repository'
import { findPersonalNeed, readPersonalNeedIn, updatePersonalNeedIn } from '../needs/repository'
import { listVolunteersOfCommunity } from '../volunteers/repository'
import { renderAgreementPdf } from './agreementPdf'
import {
  mediationInputs,
  type MediationApi,
  type MediationCaseDetailView,
  type MediationFiguresView,
  type MediationTeamView,
} from './contract'
import {
  CASE_STATUSES,
  OUTCOMES,
  REMIND_DAYS_BEFORE,
  assignmentId,
  canStep,
  caseNumberOf,
  dueDateOf,
  figuresOf,
  type MediationCase,
  type MediationTeam,
  type Party,
  type Person,
  type Step,
} from './domain'
import {
  findCase,
  findTeam,
  listCases,
  readAssignmentsPage,
  readCaseIn,
  readCasesPage,
  readTeamIn,
  removeAssignmentIn,
  saveAssignmentIn,
  saveCaseIn,
  saveTeamIn,
  updateCaseIn,
} from './repository'
import { toCaseDetailView, toCaseView } from './views'

const CASES_PAGE_SIZE = 20
const DEFAULT_TEAM_NAME = '社区调解团队'
/** A record of what happened may be entered a few minutes ahead of the server's clock, not more. */
const CLOCK_SLACK_MS = 10 * 60_000

type Access = MediationCaseDetailView['viewer']

export const mediationService = defineService<typeof mediationInputs, OutputsOf<MediationApi>>(
  mediationInputs,
  {
    async open(input, caller) {
      const community = await requireCommunity(input.communityId)
      requireWorkerOf(caller, community)
      const now = new Date()
      const need =
        input.source.kind === 'resident_need'
          ? await requireDisputeNeed(input.source.needId, community._id)
          : undefined
      // One case per reported need: opening it twice finds the first.
      const id = need ? `need-${need._id}` : newId('case')
      const applicantIndex = input.parties.findIndex((party) => party.side === 'applicant')
      // The resident who reported it is the first applicant; their number is the one they left.
      const parties: Party[] = input.parties.map((party, index) => {
        if (!need || index !== applicantIndex) return party
        const phone = party.phone ?? need.contactPhone
        return { ...party, userId: need.residentId, ...(phone ? { phone } : {}) }
      })
      const streetAdmins =
        input.riskLevel === 'red'
          ? await listUsersWithRole({ kind: 'street_admin', streetId: community.streetId })
          : []
      const item: MediationCase = {
        _id: id,
        caseNo: caseNumberOf(id, chinaDateOf(now)),
        districtId: community.districtId,
        streetId: community.streetId,
        communityId: community._id,
        source: input.source,
        disputeType: input.disputeType,
        riskLevel: input.riskLevel,
        facts: input.facts,
        parties,
        ...(need ? { residentId: need.residentId } : {}),
        mediators: [],
        sessions: [],
        followUps: [],
        status: 'accepted',
        acceptedBy: personOf(caller),
        ...(input.riskLevel === 'red' ? { escalatedAt: now } : {}),
        dueAt: dueDateOf(now),
        createdAt: now,
        updatedAt: now,
      }
      await transaction(async (tx) => {
        if (await readCaseIn(tx, id)) throw new AppError('CONFLICT', '该报事已转为调解案件')
        await saveCaseIn(tx, item)
        if (need) {
          const current = await readPersonalNeedIn(tx, need._id)
          if (!current || current.status === 'resolved' || current.status === 'closed') {
            throw new AppError('CONFLICT', '该报事已办结，不能再转为调解案件')
          }
          await updatePersonalNeedIn(tx, need._id, {
            status: 'in_progress',
            ...(current.accepted ? {} : { accepted: { ...personOf(caller), at: now } }),
            assignee: command().set({
              kind: 'mediation',
              id,
              name: `人民调解（案号 ${item.caseNo}）`,
              at: now,
            }),
            waitingSince: now,
            updatedAt: now,
          })
        }
        await tellResident(
          tx,
          item,
          now,
          '您反映的纠纷已受理调解',
          `案号 ${item.caseNo}，社区将安排调解员与您联系。人民调解不收取任何费用。`,
        )
        for (const admin of streetAdmins) {
          await notifyIn(tx, {
            _id: `mediation:${id}:escalated:${admin._id}`,
            userId: admin._id,
            ref: id,
            title: '红色风险纠纷上报',
            body: `${community.name}受理一起红色风险纠纷（案号 ${item.caseNo}），请关注并指导化解。`,
          })
        }
      })
      return detailFor(caller, await requireCase(id))
    },

    async listCommunity({ communityId, status, page }, caller) {
      const community = await requireCommunity(communityId)
      requireCaseStaff(caller, community)
      const result = await readCasesPage(
        { communityId, ...(status ? { status } : {}) },
        page,
        CASES_PAGE_SIZE,
      )
      const now = new Date()
      return { ...result, items: result.items.map((item) => toCaseView(item, community.name, now)) }
    },

    async listMine({ page }, caller) {
      const [result, names] = await Promise.all([
        readCasesPage({ residentId: caller._id }, page, CASES_PAGE_SIZE),
        communityNames(),
      ])
      const now = new Date()
      return {
        ...result,
        items: result.items.map((item) => toCaseView(item, names.get(item.communityId) ?? '', now)),
      }
    },

    async listAssigned({ page }, caller) {
      const [assignments, names] = await Promise.all([
        readAssignmentsPage(caller._id, page, CASES_PAGE_SIZE),
        communityNames(),
      ])
      const cases = new Map(
        (
          await findByIds<MediationCase>(
            COLLECTIONS.mediationCases,
            assignments.items.map((assignment) => assignment.caseId),
          )
        ).map((item) => [item._id, item]),
      )
      const now = new Date()
      return {
        ...assignments,
        items: assignments.items.flatMap((assignment) => {
          const item = cases.get(assignment.caseId)
          return item ? [toCaseView(item, names.get(item.communityId) ?? '', now)] : []
        }),
      }
    },

    async detail({ caseId }, caller) {
      const item = await requireCase(caseId)
      await requireAccess(caller, item)
      return detailFor(caller, item)
    },

    async team({ communityId }, caller) {
      const community = await requireCommunity(communityId)
      requireCaseStaff(caller, community)
      return teamView(caller, community._id)
    },

    async addMediator({ communityId, userId, title }, caller) {
      const community = await requireCommunity(communityId)
      requireWorkerOf(caller, community)
      const candidate = (await candidatesOf(communityId)).find((person) => person.id === userId)
      if (!candidate) {
        throw new AppError('INVALID_INPUT', '调解员须是本社区已认证的志愿者或社区工作者')
      }
      await transaction(async (tx) => {
        const team = (await readTeamIn(tx, communityId)) ?? emptyTeam(communityId)
        if (team.members.some((member) => member.id === userId)) return
        await saveTeamIn(tx, {
          ...team,
          members: [
            ...team.members,
            { id: userId, name: candidate.name, title, addedAt: new Date() },
          ],
          updatedAt: new Date(),
        })
      })
      return teamView(caller, communityId)
    },

    async removeMediator({ communityId, userId }, caller) {
      const community = await requireCommunity(communityId)
      requireWorkerOf(caller, community)
      await transaction(async (tx) => {
        const team = await readTeamIn(tx, communityId)
        if (!team?.members.some((member) => member.id === userId)) {
          throw new AppError('NOT_FOUND', '该调解员不在本社区调解团队中')
        }
        await saveTeamIn(tx, {
          ...team,
          members: team.members.filter((member) => member.id !== userId),
          updatedAt: new Date(),
        })
      })
      return teamView(caller, communityId)
    },

    async assignMediators({ caseId, mediatorIds }, caller) {
      const item = await requireCase(caseId)
      await requireAccess(caller, item)
      requireWorkerOf(caller, await requireCommunity(item.communityId))
      const team = await findTeam(item.communityId)
      const mediators = mediatorIds.map((id) => {
        const member = team?.members.find((candidate) => candidate.id === id)
        if (!member) throw new AppError('INVALID_INPUT', '只能指派本社区调解团队的成员')
        return { id: member.id, name: member.name }
      })
      await caseStep(item, 'assign', async (tx, current, now) => {
        const before = new Set(current.mediators.map((mediator) => mediator.id))
        const after = new Set(mediatorIds)
        for (const id of before) {
          if (!after.has(id)) await removeAssignmentIn(tx, assignmentId(caseId, id))
        }
        for (const mediator of mediators) {
          if (before.has(mediator.id)) continue
          await saveAssignmentIn(tx, {
            _id: assignmentId(caseId, mediator.id),
            caseId,
            userId: mediator.id,
            communityId: current.communityId,
            createdAt: now,
          })
          await notifyIn(tx, {
            _id: `mediation:${caseId}:assigned:${mediator.id}:${now.getTime()}`,
            userId: mediator.id,
            ref: caseId,
            title: '您被指派调解一起纠纷',
            body: `案号 ${current.caseNo}，请在 ${chinaDateOf(current.dueAt)} 前调结。`,
          })
        }
        await updateCaseIn(tx, caseId, { mediators, updatedAt: now })
        await tellResident(
          tx,
          current,
          now,
          '已为您安排调解员',
          `调解员：${mediators.map((mediator) => mediator.name).join('、')}。`,
        )
      })
      return detailFor(caller, await requireCase(caseId))
    },

    async recordSession({ caseId, date, time, place, attendees, record }, caller) {
      const item = await requireHandledCase(caller, caseId)
      const at = chinaInstant(date, time)
      requireRecordedTime(item, at)
      if (item.mediators.length === 0) {
        throw new AppError('CONFLICT', '请先指派调解员，再记录调解')
      }
      await caseStep(item, 'session', async (tx, current, now) => {
        await updateCaseIn(tx, caseId, {
          status: 'mediating',
          sessions: command().push([
            { id: newId('session'), at, place, attendees, record, by: personOf(caller) },
          ]),
          updatedAt: now,
        })
        await tellResident(tx, current, now, '调解已进行', `${date} ${time} 在${place}进行了调解。`)
      })
      return detailFor(caller, await requireCase(caseId))
    },

    async recordAgreement(input, caller) {
      const item = await requireHandledCase(caller, input.caseId)
      const signedAt = chinaInstant(input.signedOn, '23:59')
      requireRecordedTime(item, chinaInstant(input.signedOn, '00:00'))
      if (input.performance.by < input.signedOn) {
        throw new AppError('INVALID_INPUT', '履行期限不能早于签订日期')
      }
      const missing = item.parties.filter((party) => !input.signatories.includes(party.name))
      if (missing.length) {
        throw new AppError(
          'INVALID_INPUT',
          `调解协议须由全部当事人签名，缺少：${missing.map((party) => party.name).join('、')}`,
        )
      }
      await caseStep(item, 'agreement', async (tx, current, now) => {
        await updateCaseIn(tx, item._id, {
          status: 'agreed',
          agreement: command().set({
            facts: input.facts,
            terms: input.terms,
            performance: input.performance,
            signatories: input.signatories,
            signedOn: input.signedOn,
            recordedBy: personOf(caller),
            recordedAt: now < signedAt ? now : signedAt,
          }),
          updatedAt: now,
        })
        await tellResident(
          tx,
          current,
          now,
          '调解已达成协议',
          `双方已签订调解协议，约定于 ${input.performance.by} 前履行。`,
        )
      })
      return detailFor(caller, await requireCase(input.caseId))
    },

    async agreementDocument({ caseId }, caller) {
      const item = await requireCase(caseId)
      await requireAccess(caller, item)
      if (!item.agreement) throw new AppError('NOT_FOUND', '该案件尚未达成调解协议')
      const community = await requireCommunity(item.communityId)
      const pdf = await renderAgreementPdf(item, { communityName: community.name })
      // One file per case, replaced by each download: the agreement never changes once signed.
      const fileId = await storeFile(`mediation/${item._id}/agreement.pdf`, pdf)
      // The agreement names the parties: every download is on the record.
      await recordAudit({
        actorId: caller._id,
        action: 'mediation.agreementDocument',
        collection: COLLECTIONS.mediationCases,
        targetId: item._id,
        detail: '下载调解协议书',
      })
      return { fileName: `人民调解协议书-${item.caseNo}.pdf`, url: await temporaryUrl(fileId) }
    },

    async recordFollowUp({ caseId, performance, note }, caller) {
      const item = await requireHandledCase(caller, caseId)
      await caseStep(item, 'followUp', async (tx, _current, now) => {
        await updateCaseIn(tx, caseId, {
          followUps: command().push([
            { id: newId('visit'), at: now, performance, note, by: personOf(caller) },
          ]),
          updatedAt: now,
        })
      })
      return detailFor(caller, await requireCase(caseId))
    },

    async close({ caseId, result, summary, referral }, caller) {
      const item = await requireHandledCase(caller, caseId)
      const step: Step = result === 'success' ? 'closeSuccess' : 'closeFailed'
      if (result === 'success' && !canStep(item, step)) {
        throw new AppError('CONFLICT', '调解成功结案前，请先记录双方签订的调解协议')
      }
      await caseStep(item, step, async (tx, current, now) => {
        await updateCaseIn(tx, caseId, {
          status: 'closed',
          outcome: command().set({
            result,
            summary,
            ...(referral ? { referral } : {}),
            by: personOf(caller),
            at: now,
          }),
          closedAt: now,
          updatedAt: now,
        })
        const told =
          result === 'success'
            ? `调解成功，案件已结案：${summary.slice(0, 40)}`
            : `调解未成功，案件已结案。建议您通过${referral}解决。`
        if (current.source.kind === 'resident_need') {
          const need = await readPersonalNeedIn(tx, current.source.needId)
          if (need && (need.status === 'accepted' || need.status === 'in_progress')) {
            await updatePersonalNeedIn(tx, need._id, {
              status: 'resolved',
              resolution: command().set({
                text: `${OUTCOMES[result]}：${summary}${referral ? `（引导至${referral}）` : ''}`,
                by: personOf(caller),
                at: now,
              }),
              updatedAt: now,
            })
          }
        }
        await tellResident(tx, current, now, OUTCOMES[result], told)
      })
      return detailFor(caller, await requireCase(caseId))
    },

    async revealParty({ caseId, partyIndex }, caller) {
      const item = await requireHandledCase(caller, caseId)
      const party = item.parties[partyIndex]
      if (!party) throw new AppError('NOT_FOUND', '该当事人不存在')
      if (!party.phone) throw new AppError('NOT_FOUND', '该当事人没有留下联系电话')
      // Audited before the number is shown: no reveal goes unrecorded.
      await recordAudit({
        actorId: caller._id,
        action: 'mediation.revealParty',
        collection: COLLECTIONS.mediationCases,
        targetId: item._id,
        detail: `查看当事人${party.name}的联系电话`,
      })
      return { name: party.name, phone: party.phone }
    },

    async figures({ scope, id }, caller) {
      const now = new Date()
      if (scope === 'community') {
        const community = await requireCommunity(id)
        requireOversight(caller, community)
        return {
          scopeName: community.name,
          ...figuresOf(await listCases({ communityId: id }), now),
        }
      }
      const tree = await loadDistrictTree()
      let scopeName: string
      let communities = tree.communities
      if (scope === 'street') {
        const street = await requireStreet(id)
        requireStreetOversight(caller, street)
        scopeName = street.name
        communities = communities.filter((community) => community.streetId === id)
      } else {
        const district = tree.districts.find((candidate) => candidate._id === id)
        if (!district) throw new AppError('NOT_FOUND', '所选区县不存在')
        if (!isDistrictAdmin(caller, id)) {
          throw new AppError('FORBIDDEN', `您不是${district.name}的管理员，无法查看`)
        }
        scopeName = district.name
        communities = communities.filter((community) => community.districtId === id)
      }
      const cases = await listCases(scope === 'street' ? { streetId: id } : { districtId: id })
      return { scopeName, ...figuresOf(cases, now), communities: rowsOf(cases, communities, now) }
    },
  },
)

/**
 * The timer's daily job: the mediators and workers of a case whose one-month target is within a
 * week are reminded once, and once more when it has passed.
 */
export async function remindDueCases(now = new Date()): Promise<{ reminded: number }> {
  const cases = await listCases({
    status: command().in(['accepted', 'mediating', 'agreed']),
    dueAt: command().lte(new Date(now.getTime() + REMIND_DAYS_BEFORE * DAY_MS)),
  })
  const workersOf = new Map<string, string[]>()
  let reminded = 0
  for (const item of cases) {
    if (!workersOf.has(item.communityId)) {
      const workers = await listUsersWithRole({
        kind: 'community_worker',
        communityId: item.communityId,
      })
      workersOf.set(
        item.communityId,
        workers.map((worker) => worker._id),
      )
    }
    const overdue = now > new Date(item.dueAt)
    const recipients = new Set([
      ...item.mediators.map((mediator) => mediator.id),
      ...(workersOf.get(item.communityId) ?? []),
    ])
    for (const userId of recipients) {
      const fresh = await notifyOnce({
        _id: `mediation:${item._id}:${overdue ? 'overdue' : 'due-soon'}:${userId}`,
        userId,
        ref: item._id,
        title: overdue ? '调解案件已超过一个月' : '调解案件即将到期',
        body: `案号 ${item.caseNo}（${CASE_STATUSES[item.status]}）应于 ${chinaDateOf(item.dueAt)} 前调结。`,
      })
      if (fresh) reminded += 1
    }
  }
  return { reminded }
}

function personOf(caller: Caller): Person {
  return { id: caller._id, name: caller.displayName }
}

async function requireCase(caseId: string): Promise<MediationCase> {
  const item = await findCase(caseId)
  if (!item) throw new AppError('NOT_FOUND', '该调解案件不存在')
  return item
}

function accessOf(caller: Caller, item: MediationCase): Access | undefined {
  if (isWorkerOf(caller, item.communityId)) return 'worker'
  if (item.mediators.some((mediator) => mediator.id === caller._id)) return 'mediator'
  if (item.residentId === caller._id || item.parties.some((party) => party.userId === caller._id)) {
    return 'party'
  }
  return undefined
}

/**
 * Its parties, its mediators and the community's workers see a case. The street and the district
 * see counts only; anyone else is told it does not exist.
 */
async function requireAccess(caller: Caller, item: MediationCase): Promise<Access> {
  const access = accessOf(caller, item)
  if (access) return access
  if (overseesCommunity(caller, await requireCommunity(item.communityId))) {
    throw new AppError('FORBIDDEN', '调解案件涉及当事人隐私，街道和区级只能查看统计数字')
  }
  throw new AppError('NOT_FOUND', '该调解案件不存在')
}

/** Its mediators and the community's workers take the case's steps. */
async function requireHandledCase(caller: Caller, caseId: string): Promise<MediationCase> {
  const item = await requireCase(caseId)
  const access = await requireAccess(caller, item)
  if (access === 'party') throw new AppError('FORBIDDEN', '只有调解员和社区工作者可以办理调解案件')
  return item
}

/** Case lists and the team are the community's workers' (the street reads figures). */
function requireCaseStaff(caller: Caller, community: CommunityPlace) {
  if (!isWorkerOf(caller, community._id) && overseesCommunity(caller, community)) {
    throw new AppError('FORBIDDEN', '调解案件涉及当事人隐私，街道和区级只能查看统计数字')
  }
  requireWorkerOf(caller, community)
}

async function requireDisputeNeed(needId: string, communityId: string) {
  const need = await findPersonalNeed(needId)
  if (!need || need.communityId !== communityId) throw new AppError('NOT_FOUND', '该居民报事不存在')
  if (need.category !== 'dispute') {
    throw new AppError('INVALID_INPUT', '只有“邻里纠纷调解”类的居民报事可以转为调解案件')
  }
  return need
}

/** A record of what happened: not before the case was accepted, not in the future. */
function requireRecordedTime(item: MediationCase, at: Date) {
  if (at.getTime() > Date.now() + CLOCK_SLACK_MS) {
    throw new AppError('INVALID_INPUT', '记录的时间不能晚于现在')
  }
  if (chinaDateOf(at) < chinaDateOf(item.createdAt)) {
    throw new AppError('INVALID_INPUT', '记录的时间不能早于案件受理日期')
  }
}

async function caseStep(
  item: MediationCase,
  step: Step,
  apply: (tx: Transaction, current: MediationCase, now: Date) => Promise<void>,
): Promise<void> {
  await transaction(async (tx) => {
    const current = await readCaseIn(tx, item._id)
    if (!current || !canStep(current, step)) {
      throw new AppError(
        'CONFLICT',
        `该案件当前为“${CASE_STATUSES[current?.status ?? item.status]}”，不能进行此操作，请刷新`,
      )
    }
    await apply(tx, current, new Date())
  })
}

async function tellResident(
  tx: Transaction,
  item: MediationCase,
  now: Date,
  title: string,
  body: string,
): Promise<void> {
  if (!item.residentId) return
  await notifyIn(tx, {
    _id: `mediation:${item._id}:${title}:${now.getTime()}`,
    userId: item.residentId,
    ref: item._id,
    title,
    body,
  })
}

function emptyTeam(communityId: string): MediationTeam {
  return {
    _id: communityId,
    communityId,
    name: DEFAULT_TEAM_NAME,
    members: [],
    updatedAt: new Date(),
  }
}

/** Verified volunteers and the workers of the community: who may join its mediation team. */
async function candidatesOf(communityId: string): Promise<MediationTeamView['candidates']> {
  const [workers, volunteers] = await Promise.all([
    listUsersWithRole({ kind: 'community_worker', communityId }),
    listVolunteersOfCommunity(communityId, 'verified'),
  ])
  return [
    ...workers.map((worker) => ({
      id: worker._id,
      name: worker.displayName,
      kind: '社区工作者' as const,
    })),
    ...volunteers.map((volunteer) => ({
      id: volunteer._id,
      name: volunteer.displayName,
      kind: '志愿者' as const,
    })),
  ]
}

async function teamView(caller: Caller, communityId: string): Promise<MediationTeamView> {
  const [team, candidates] = await Promise.all([findTeam(communityId), candidatesOf(communityId)])
  const members = team?.members ?? []
  return {
    communityId,
    name: team?.name ?? DEFAULT_TEAM_NAME,
    members: members.map((member) => ({ id: member.id, name: member.name, title: member.title })),
    candidates: candidates.filter(
      (candidate, index) =>
        !members.some((member) => member.id === candidate.id) &&
        candidates.findIndex((other) => other.id === candidate.id) === index,
    ),
    canManage: isWorkerOf(caller, communityId),
  }
}

function rowsOf(
  cases: MediationCase[],
  communities: { _id: string; name: string }[],
  now: Date,
): NonNullable<MediationFiguresView['communities']> {
  const byCommunity = new Map<string, MediationCase[]>()
  for (const item of cases) {
    byCommunity.set(item.communityId, [...(byCommunity.get(item.communityId) ?? []), item])
  }
  return communities.map((community) => {
    const figures = figuresOf(byCommunity.get(community._id) ?? [], now)
    return {
      communityId: community._id,
      communityName: community.name,
      accepted: figures.accepted,
      closed: figures.closed,
      succeeded: figures.succeeded,
      ...(figures.successRate === undefined
        ? {}
        : { successRate: figures.successRate, averageDaysToClose: figures.averageDaysToClose }),
      overdue: figures.overdue,
    }
  })
}

async function detailFor(caller: Caller, item: MediationCase): Promise<MediationCaseDetailView> {
  const access = (await requireAccess(caller, item)) satisfies Access
  const community = await requireCommunity(item.communityId)
  const handler = access !== 'party'
  const worker = access === 'worker'
  return toCaseDetailView(item, {
    communityName: community.name,
    viewer: access,
    now: new Date(),
    can: {
      assign: worker && canStep(item, 'assign'),
      recordSession: handler && canStep(item, 'session') && item.mediators.length > 0,
      recordAgreement: handler && canStep(item, 'agreement'),
      readAgreement: Boolean(item.agreement),
      recordFollowUp: handler && canStep(item, 'followUp'),
      closeSuccess: handler && canStep(item, 'closeSuccess'),
      closeFailed: handler && canStep(item, 'closeFailed'),
      revealParty: handler && item.parties.some((party) => party.phone),
    },
  })
}
