import type { Caller } from '../../shared/caller'
import type {
  CouncilMeetingSummary,
  CouncilMeetingView,
  CouncilMemberView,
  CouncilView,
} from './contract'
import {
  hasQuorum,
  type Allocation,
  tallyOf,
  type Council,
  type CouncilMeeting,
  type CouncilMember,
  type CouncilSeat,
} from './domain'

const SEAT_LABELS: Record<CouncilSeat, string> = {
  street: '街道',
  community: '社区',
  organization: '兼职委员',
}

export function seatLabelOf(member: Pick<CouncilMember, 'seat' | 'scopeName'>): string {
  return `${SEAT_LABELS[member.seat]}·${member.scopeName}`
}

export function toMemberView(member: CouncilMember, present?: boolean): CouncilMemberView {
  return {
    userId: member.userId,
    name: member.name,
    seat: member.seat,
    seatLabel: seatLabelOf(member),
    scopeId: member.scopeId,
    ...(present === undefined ? {} : { present }),
  }
}

export function toMeetingSummary(meeting: CouncilMeeting): CouncilMeetingSummary {
  return {
    id: meeting._id,
    quarter: meeting.quarter,
    heldOn: meeting.heldOn,
    status: meeting.status,
    itemCount: meeting.items.length,
    passedCount: meeting.items.filter((item) => item.outcome === 'passed').length,
  }
}

export function toCouncilView(
  council: Council,
  meetings: CouncilMeeting[],
  canManage: boolean,
): CouncilView {
  return {
    streetId: council.streetId,
    streetName: council.streetName,
    members: council.members.map((member) => toMemberView(member)),
    meetings: meetings.map(toMeetingSummary),
    canManage,
  }
}

export function toCouncilMeetingView(
  meeting: CouncilMeeting,
  caller: Caller,
  canManage: boolean,
): CouncilMeetingView {
  const open = meeting.status === 'open'
  const mayVote = open && meeting.present.includes(caller._id)
  const { agenda } = meeting
  return {
    id: meeting._id,
    streetId: meeting.streetId,
    streetName: meeting.streetName,
    quarter: meeting.quarter,
    heldOn: meeting.heldOn,
    status: meeting.status,
    members: meeting.members.map((member) =>
      toMemberView(member, meeting.present.includes(member.userId)),
    ),
    presentCount: meeting.present.length,
    quorum: hasQuorum(meeting),
    agenda: {
      openNeeds: agenda.openNeeds,
      overdueNeeds: agenda.overdueNeeds,
      unusedResources: agenda.unusedResources,
      stalledProjects: agenda.stalledProjects.map((project) => ({
        ...project,
        lastUpdate: new Date(project.lastUpdate).toISOString(),
      })),
      proposals: agenda.proposals,
    },
    items: meeting.items.map((item) => {
      const mine = item.votes.find((vote) => vote.userId === caller._id)
      return {
        id: item.id,
        kind: item.kind,
        title: item.title,
        ...(item.allocation ? { allocation: allocationView(item.allocation) } : {}),
        tally: tallyOf(item),
        voters: item.votes.map((vote) => ({ name: vote.name, choice: vote.choice })),
        ...(mine ? { myVote: mine.choice } : {}),
        ...(item.outcome ? { outcome: item.outcome } : {}),
        ...(item.projectId ? { projectId: item.projectId } : {}),
        ...(item.unfulfilled ? { unfulfilled: item.unfulfilled } : {}),
        canVote: mayVote && !mine,
      }
    }),
    ...(meeting.minutes ? { minutes: meeting.minutes } : {}),
    canManage: open && canManage,
  }
}

function allocationView({
  communityId: _communityId,
  organizationId: _organizationId,
  ...shown
}: Allocation): NonNullable<CouncilMeetingView['items'][number]['allocation']> {
  return shown
}
