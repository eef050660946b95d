import { recordAuditIn } from '../../shared/audit'
import { remainingOf } from '../../shared/capacity/ledger'
import type { Caller } from '../../shared/caller'
import { COLLECTIONS, transaction } from '../../shared/db'
import type { OutputsOf } from '../../shared/endpoints'
import { AppError } from '../../shared/errors'
import { defineService } from '../../shared/handler'
import { notifyIn } from '../../shared/notifications'
import { overseesStreet, type Role } from '../../shared/roles'
import { DAY_MS, chinaDateOf, daysBetween } from '../../shared/time'
import { listUsersWithRole } from '../account/repository'
import { overdueNeeds } from '../claims/service'
import type { Street } from '../directory/domain'
import { loadDistrictTree } from '../directory/repository'
import { communitiesOfStreet, requireStreet } from '../directory/service'
import {
  isClaimable,
  offeringRemainingAt,
  offeringLedgerPathOf,
  type CommunityNeed,
  type ResourceOffering,
} from '../lists/domain'
import {
  findCommunityNeed,
  findOffering,
  listActiveOfferings,
  listClaimableNeeds,
} from '../lists/repository'
import type { MatchProposalRecord } from '../matching/domain'
import { listOpenProposalsOfStreet } from '../matching/repository'
import { agreeInCouncilIn } from '../matching/service'
import { listOrganizations } from '../organizations/repository'
import { STALLED_AFTER_DAYS } from '../projects/domain'
import { listProjectsOfCommunities } from '../projects/repository'
import { councilsInputs, type CouncilCandidateView, type CouncilsApi } from './contract'
import {
  councilIdOf,
  councilMeetingIdOf,
  minutesOf,
  outcomeOf,
  quarterOfDate,
  quarterProblem,
  type AgendaNeed,
  type Council,
  type CouncilAgenda,
  type CouncilItem,
  type CouncilMeeting,
  type CouncilMember,
} from './domain'
import {
  findCouncil,
  findCouncilMeeting,
  listCouncilsOfDistrict,
  listMeetingsOfStreet,
  readCouncilIn,
  readCouncilMeetingIn,
  saveCouncilIn,
  saveCouncilMeetingIn,
  updateCouncilMeetingIn,
} from './repository'
import { seatLabelOf, toCouncilMeetingView, toCouncilView, toMeetingSummary } from './views'

export const councilsService = defineService<typeof councilsInputs, OutputsOf<CouncilsApi>>(
  councilsInputs,
  {
    async list(_input, caller) {
      const { streets } = await loadDistrictTree()
      const districtIds = [...new Set(streets.map((street) => street.districtId))]
      const councils = (await Promise.all(districtIds.map(listCouncilsOfDistrict))).flat()
      const visible = streets.filter((street) => {
        const council = councils.find((candidate) => candidate.streetId === street._id)
        return overseesStreet(caller, street) || (council && isCouncilMember(council, caller))
      })
      return {
        councils: await Promise.all(
          visible.map(async (street) => {
            const council = councils.find((candidate) => candidate.streetId === street._id)
            const [latest] = await listMeetingsOfStreet(street._id)
            return {
              streetId: street._id,
              streetName: street.name,
              memberCount: council?.members.length ?? 0,
              ...(latest ? { latest: toMeetingSummary(latest) } : {}),
            }
          }),
        ),
      }
    },

    async overview({ streetId }, caller) {
      const street = await requireStreet(streetId)
      const council = await councilOf(street)
      if (!overseesStreet(caller, street) && !isCouncilMember(council, caller)) {
        throw new AppError('FORBIDDEN', `您不是${street.name}共建议事会的委员，无法查看`)
      }
      return toCouncilView(
        council,
        await listMeetingsOfStreet(streetId),
        isStreetAdmin(caller, street),
      )
    },

    async candidates({ streetId }, caller) {
      const street = await requireStreet(streetId)
      requireStreetAdmin(caller, street)
      return candidatesOf(street)
    },

    async addMember({ streetId, userId, seat, scopeId }, caller) {
      const street = await requireStreet(streetId)
      requireStreetAdmin(caller, street)
      const candidate = (await candidatesOf(street)).find(
        (one) => one.userId === userId && one.seat === seat && one.scopeId === scopeId,
      )
      if (!candidate) {
        throw new AppError('INVALID_INPUT', '所选人员不在本街道的可选委员中')
      }
      const member: CouncilMember = {
        userId,
        name: candidate.name,
        seat,
        scopeId,
        scopeName: candidate.seatLabel.split('·')[1] ?? '',
      }
      await transaction(async (tx) => {
        const council = (await readCouncilIn(tx, councilIdOf(streetId))) ?? emptyCouncil(street)
        if (council.members.some((one) => one.userId === userId)) {
          throw new AppError('CONFLICT', `${candidate.name}已是议事会委员`)
        }
        await saveCouncilIn(tx, {
          ...council,
          members: [...council.members, member],
          updatedAt: new Date(),
        })
      })
      return toCouncilView(await councilOf(street), await listMeetingsOfStreet(streetId), true)
    },

    async removeMember({ streetId, userId }, caller) {
      const street = await requireStreet(streetId)
      requireStreetAdmin(caller, street)
      await transaction(async (tx) => {
        const council = await readCouncilIn(tx, councilIdOf(streetId))
        if (!council?.members.some((one) => one.userId === userId)) {
          throw new AppError('NOT_FOUND', '该委员不在议事会中')
        }
        await saveCouncilIn(tx, {
          ...council,
          members: council.members.filter((one) => one.userId !== userId),
          updatedAt: new Date(),
        })
      })
      return toCouncilView(await councilOf(street), await listMeetingsOfStreet(streetId), true)
    },

    async open({ streetId, quarter, heldOn }, caller) {
      const street = await requireStreet(streetId)
      requireStreetAdmin(caller, street)
      const problem = quarterProblem(quarter, chinaDateOf(new Date()))
      if (problem) throw new AppError('INVALID_INPUT', problem)
      if (quarterOfDate(heldOn) !== quarter) {
        throw new AppError('INVALID_INPUT', '会议日期须在所选季度之内')
      }
      const agenda = await agendaOf(street)
      const id = councilMeetingIdOf(streetId, quarter)
      await transaction(async (tx) => {
        const council = await readCouncilIn(tx, councilIdOf(streetId))
        if (!council || council.members.length === 0) {
          throw new AppError('CONFLICT', '请先选定议事会委员')
        }
        if (await readCouncilMeetingIn(tx, id)) {
          throw new AppError(
            'CONFLICT',
            `${quarter.replace('-Q', '年第')}季度的议事会已召开，每季度一次`,
          )
        }
        const now = new Date()
        await saveCouncilMeetingIn(tx, {
          _id: id,
          districtId: street.districtId,
          streetId,
          streetName: street.name,
          quarter,
          heldOn,
          status: 'open',
          members: council.members,
          present: [],
          agenda,
          items: [],
          createdBy: caller._id,
          createdAt: now,
          updatedAt: now,
        })
      })
      return meetingView(id, caller)
    },

    async meeting({ meetingId }, caller) {
      return meetingView(meetingId, caller)
    },

    async attend({ meetingId, present }, caller) {
      await requireManagedMeeting(meetingId, caller)
      await transaction(async (tx) => {
        const meeting = await readOpenMeetingIn(tx, meetingId)
        if (present.some((userId) => !meeting.members.some((one) => one.userId === userId))) {
          throw new AppError('INVALID_INPUT', '出席人员须为本次议事会的委员')
        }
        const voted = meeting.items.flatMap((item) => item.votes.map((vote) => vote.userId))
        if (voted.some((userId) => !present.includes(userId))) {
          throw new AppError('CONFLICT', '已表决的委员不能取消出席')
        }
        await updateCouncilMeetingIn(tx, meetingId, {
          present: [...new Set(present)],
          updatedAt: new Date(),
        })
      })
      return meetingView(meetingId, caller)
    },

    async addItem(input, caller) {
      const meeting = await requireManagedMeeting(input.meetingId, caller)
      const allocation =
        input.kind === 'allocation'
          ? await allocationOf(meeting, input.needId, input.offeringId, input.quantity)
          : undefined
      await transaction(async (tx) => {
        const current = await readOpenMeetingIn(tx, input.meetingId)
        if (
          allocation &&
          current.items.some(
            (item) =>
              item.allocation?.needId === allocation.needId &&
              item.allocation.offeringId === allocation.offeringId,
          )
        ) {
          throw new AppError('CONFLICT', '该分配已列入本次议题')
        }
        const item: CouncilItem = {
          id: `item-${current.items.length + 1}`,
          kind: input.kind,
          title: allocation
            ? `「${allocation.offeringTitle}」${allocation.quantity} ${allocation.unit}用于${allocation.communityName}「${allocation.needTitle}」`
            : input.kind === 'motion'
              ? input.title
              : '',
          ...(allocation ? { allocation } : {}),
          votes: [],
        }
        await updateCouncilMeetingIn(tx, input.meetingId, {
          items: [...current.items, item],
          updatedAt: new Date(),
        })
      })
      return meetingView(input.meetingId, caller)
    },

    async vote({ meetingId, itemId, choice }, caller) {
      await transaction(async (tx) => {
        const meeting = await readCouncilMeetingIn(tx, meetingId)
        if (!meeting) throw new AppError('NOT_FOUND', '该议事会会议不存在')
        if (!meeting.members.some((one) => one.userId === caller._id)) {
          throw new AppError('FORBIDDEN', '您不是本次议事会的委员，不能表决')
        }
        if (meeting.status !== 'open') throw new AppError('CONFLICT', '会议已结束，不能再表决')
        if (!meeting.present.includes(caller._id)) {
          throw new AppError('CONFLICT', '您尚未登记出席本次会议，不能表决')
        }
        const item = meeting.items.find((one) => one.id === itemId)
        if (!item) throw new AppError('NOT_FOUND', '该议题不存在')
        if (item.votes.some((vote) => vote.userId === caller._id)) {
          throw new AppError('CONFLICT', '您已对该议题表决，每个议题只能表决一次')
        }
        const vote = { userId: caller._id, name: caller.displayName, choice, at: new Date() }
        await updateCouncilMeetingIn(tx, meetingId, {
          items: meeting.items.map((one) =>
            one.id === itemId ? { ...one, votes: [...one.votes, vote] } : one,
          ),
          updatedAt: vote.at,
        })
      })
      return meetingView(meetingId, caller)
    },

    async close({ meetingId }, caller) {
      await requireManagedMeeting(meetingId, caller)
      await transaction(async (tx) => {
        const meeting = await readOpenMeetingIn(tx, meetingId)
        const now = new Date()
        const items: CouncilItem[] = []
        for (const item of meeting.items) {
          items.push(await decideIn(tx, meeting, item, caller, now))
        }
        const closed: CouncilMeeting = { ...meeting, items, status: 'closed', closedAt: now }
        const minutes = minutesOf(closed)
        await updateCouncilMeetingIn(tx, meetingId, {
          items,
          status: 'closed',
          closedAt: now,
          minutes,
          updatedAt: now,
        })
        // The minutes go to every member, present or not.
        for (const member of meeting.members) {
          await notifyIn(tx, {
            _id: `council-minutes:${meetingId}:${member.userId}`,
            userId: member.userId,
            title: `${meeting.streetName}共建议事会纪要`,
            body: minutes,
            ref: meetingId,
          })
        }
        await recordAuditIn(tx, {
          actorId: caller._id,
          action: 'councils.close',
          collection: COLLECTIONS.councilMeetings,
          targetId: meetingId,
        })
      })
      return meetingView(meetingId, caller)
    },
  },
)

/**
 * An item's outcome; a passed allocation becomes a confirmed match and its project through the
 * matching workflow, or, when the units went elsewhere since, is recorded passed but unfulfilled.
 */
async function decideIn(
  tx: Parameters<typeof agreeInCouncilIn>[0],
  meeting: CouncilMeeting,
  item: CouncilItem,
  caller: Caller,
  now: Date,
): Promise<CouncilItem> {
  const outcome = outcomeOf(meeting, item)
  const { allocation } = item
  if (outcome !== 'passed' || !allocation) return { ...item, outcome }
  const offering = await findOfferingIn(tx, allocation.offeringId)
  const proposal: MatchProposalRecord = {
    _id: `${meeting._id}-${item.id}`,
    runId: meeting._id,
    districtId: meeting.districtId,
    streetId: meeting.streetId,
    communityId: allocation.communityId,
    communityName: allocation.communityName,
    needId: allocation.needId,
    needTitle: allocation.needTitle,
    offeringId: allocation.offeringId,
    offeringTitle: allocation.offeringTitle,
    organizationId: allocation.organizationId,
    organizationName: allocation.organizationName,
    ...(offering ? { ledgerPath: offeringLedgerPathOf(offering, now) } : {}),
    quantity: allocation.quantity,
    unit: allocation.unit,
    reasons: [`${meeting.streetName}共建议事会表决通过`],
    communityDecision: 'pending',
    providerDecision: 'pending',
    status: 'proposed',
    createdBy: caller._id,
    createdAt: now,
    updatedAt: now,
  }
  try {
    const agreed = await agreeInCouncilIn(tx, proposal)
    return {
      ...item,
      outcome,
      proposalId: agreed._id,
      ...(agreed.projectId ? { projectId: agreed.projectId } : {}),
    }
  } catch (error) {
    // Refused before anything was written: the decision stands, the allocation could not.
    if (error instanceof AppError && error.code !== 'INTERNAL') {
      return { ...item, outcome, unfulfilled: error.message }
    }
    throw error
  }
}

function findOfferingIn(tx: Parameters<typeof agreeInCouncilIn>[0], id: string) {
  return tx.get<ResourceOffering>(COLLECTIONS.resourceOfferings, id)
}

async function meetingView(meetingId: string, caller: Caller) {
  const meeting = await findCouncilMeeting(meetingId)
  if (!meeting) throw new AppError('NOT_FOUND', '该议事会会议不存在')
  const street = await requireStreet(meeting.streetId)
  const member = meeting.members.some((one) => one.userId === caller._id)
  if (!overseesStreet(caller, street) && !member) {
    throw new AppError('FORBIDDEN', `您不是${street.name}共建议事会的委员，无法查看`)
  }
  return toCouncilMeetingView(meeting, caller, isStreetAdmin(caller, street))
}

async function requireManagedMeeting(meetingId: string, caller: Caller): Promise<CouncilMeeting> {
  const meeting = await findCouncilMeeting(meetingId)
  if (!meeting) throw new AppError('NOT_FOUND', '该议事会会议不存在')
  requireStreetAdmin(caller, await requireStreet(meeting.streetId))
  return meeting
}

async function readOpenMeetingIn(
  tx: Parameters<typeof readCouncilMeetingIn>[0],
  id: string,
): Promise<CouncilMeeting> {
  const meeting = await readCouncilMeetingIn(tx, id)
  if (!meeting) throw new AppError('NOT_FOUND', '该议事会会议不存在')
  if (meeting.status !== 'open') throw new AppError('CONFLICT', '会议已结束，不能再修改')
  return meeting
}

function isStreetAdmin(caller: Caller, street: Street): boolean {
  return caller.roles.some((role) => role.kind === 'street_admin' && role.streetId === street._id)
}

/** Only the street's own admins run its council; the district reads it. */
function requireStreetAdmin(caller: Caller, street: Street): void {
  if (!isStreetAdmin(caller, street)) {
    throw new AppError('FORBIDDEN', `只有${street.name}的管理员可以主持共建议事会`)
  }
}

function isCouncilMember(council: Council, caller: Caller): boolean {
  return council.members.some((member) => member.userId === caller._id)
}

function emptyCouncil(street: Street): Council {
  const now = new Date()
  return {
    _id: councilIdOf(street._id),
    districtId: street.districtId,
    streetId: street._id,
    streetName: street.name,
    members: [],
    createdAt: now,
    updatedAt: now,
  }
}

async function councilOf(street: Street): Promise<Council> {
  return (await findCouncil(councilIdOf(street._id))) ?? emptyCouncil(street)
}

/** The street's admins, its communities' workers and the district's organizations' members. */
async function candidatesOf(street: Street): Promise<CouncilCandidateView[]> {
  const [communities, organizations] = await Promise.all([
    communitiesOfStreet(street._id),
    listOrganizations(),
  ])
  const seats: { role: Role; seat: CouncilMember['seat']; scopeId: string; scopeName: string }[] = [
    {
      role: { kind: 'street_admin', streetId: street._id },
      seat: 'street',
      scopeId: street._id,
      scopeName: street.name,
    },
    ...communities.map((community) => ({
      role: { kind: 'community_worker' as const, communityId: community._id },
      seat: 'community' as const,
      scopeId: community._id,
      scopeName: community.name,
    })),
    ...organizations
      .filter((organization) => organization.districtId === street.districtId)
      .map((organization) => ({
        role: { kind: 'org_member' as const, orgId: organization._id },
        seat: 'organization' as const,
        scopeId: organization._id,
        scopeName: organization.name,
      })),
  ]
  const holders = await Promise.all(seats.map((seat) => listUsersWithRole(seat.role)))
  return seats.flatMap((seat, index) =>
    holders[index].map((user) => ({
      userId: user._id,
      name: user.displayName,
      seat: seat.seat,
      seatLabel: seatLabelOf(seat),
      scopeId: seat.scopeId,
    })),
  )
}

/** What the meeting goes through, read from the street's lists, projects and matching run. */
async function agendaOf(street: Street): Promise<CouncilAgenda> {
  const now = new Date()
  const communityIds = (await communitiesOfStreet(street._id)).map((community) => community._id)
  const [needs, overdue, offerings, projects, proposals] = await Promise.all([
    listClaimableNeeds(communityIds),
    overdueNeeds(communityIds, now),
    listActiveOfferings(),
    listProjectsOfCommunities(communityIds),
    listOpenProposalsOfStreet(street._id),
  ])
  const agendaNeed = (need: CommunityNeed): AgendaNeed => ({
    needId: need._id,
    title: need.title,
    communityName: need.communityName,
    remaining: remainingOf(need.capacity),
    unit: need.unit,
    daysWaiting: daysBetween(new Date(need.createdAt), now),
  })
  const stalledBefore = now.getTime() - STALLED_AFTER_DAYS * DAY_MS
  return {
    openNeeds: needs.filter(isClaimable).map(agendaNeed),
    overdueNeeds: overdue.map(agendaNeed),
    unusedResources: offerings
      .filter((offering) => servesStreet(offering, street._id, communityIds))
      .filter((offering) => offeringRemainingAt(offering, now) > 0)
      .map((offering) => ({
        offeringId: offering._id,
        title: offering.title,
        organizationName: offering.organizationName,
        remaining: offeringRemainingAt(offering, now),
        unit: offering.unit,
      })),
    stalledProjects: projects
      .filter(
        (project) =>
          project.status === 'active' && new Date(project.updatedAt).getTime() < stalledBefore,
      )
      .map((project) => ({
        projectId: project._id,
        title: project.title,
        communityName: project.communityName,
        organizationName: project.organizationName,
        lastUpdate: project.updatedAt,
      })),
    proposals: proposals.map((proposal) => ({
      proposalId: proposal._id,
      needId: proposal.needId,
      needTitle: proposal.needTitle,
      communityName: proposal.communityName,
      offeringId: proposal.offeringId,
      offeringTitle: proposal.offeringTitle,
      organizationName: proposal.organizationName,
      quantity: proposal.quantity,
      unit: proposal.unit,
    })),
  }
}

function servesStreet(offering: ResourceOffering, streetId: string, communityIds: string[]) {
  const area = offering.serviceArea
  return (
    area.districtWide ||
    area.streetIds.includes(streetId) ||
    area.communityIds.some((id) => communityIds.includes(id))
  )
}

/** An allocation put to the vote: a need of the street, an offering serving it, units both have. */
async function allocationOf(
  meeting: CouncilMeeting,
  needId: string,
  offeringId: string,
  quantity: number,
) {
  const [need, offering, communities] = await Promise.all([
    findCommunityNeed(needId),
    findOffering(offeringId),
    communitiesOfStreet(meeting.streetId),
  ])
  const communityIds = communities.map((community) => community._id)
  if (!need || !communityIds.includes(need.communityId)) {
    throw new AppError('NOT_FOUND', `该需求不属于${meeting.streetName}`)
  }
  if (!offering || offering.status !== 'active')
    throw new AppError('NOT_FOUND', '该资源不存在或已停用')
  if (!servesStreet(offering, meeting.streetId, communityIds)) {
    throw new AppError('INVALID_INPUT', `「${offering.title}」的服务范围不含${meeting.streetName}`)
  }
  if (!isClaimable(need) || quantity > remainingOf(need.capacity)) {
    throw new AppError(
      'INVALID_INPUT',
      `该需求剩余 ${remainingOf(need.capacity)} ${need.unit}，分配数量过多`,
    )
  }
  const left = offeringRemainingAt(offering, new Date())
  if (quantity > left) {
    throw new AppError(
      'INVALID_INPUT',
      `「${offering.title}」本期剩余 ${left} ${offering.unit}，分配数量过多`,
    )
  }
  return {
    needId: need._id,
    needTitle: need.title,
    communityId: need.communityId,
    communityName: need.communityName,
    offeringId: offering._id,
    offeringTitle: offering.title,
    organizationId: offering.organizationId,
    organizationName: offering.organizationName,
    quantity,
    unit: need.unit,
  }
}
