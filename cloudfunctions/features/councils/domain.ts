import type { MatchProposalRecord } from '../matching/domain'

/**
 * The street's quarterly council (共建议事会): the street's admins, its communities' secretaries
 * and workers, and organizations' party leaders or heads as 兼职委员. Each quarter's meeting goes
 * through an agenda the product builds from the street's lists and projects, and decides items by
 * vote; an allocation that passes becomes a confirmed match and a co-build project.
 */

/** The seat a member holds, by the role they were chosen for. */
export type CouncilSeat = 'street' | 'community' | 'organization'

export interface CouncilMember {
  userId: string
  name: string
  seat: CouncilSeat
  /** The street, community or organization the member sits for. */
  scopeId: string
  scopeName: string
}

/** One council per street: councilIdOf(streetId). */
export interface Council {
  _id: string
  districtId: string
  streetId: string
  streetName: string
  members: CouncilMember[]
  createdAt: Date
  updatedAt: Date
}

export type VoteChoice = 'for' | 'against' | 'abstain'

export const VOTE_LABELS: Record<VoteChoice, string> = {
  for: '同意',
  against: '反对',
  abstain: '弃权',
}

export interface CouncilVote {
  userId: string
  name: string
  choice: VoteChoice
  at: Date
}

/** A resource's units assigned to a need line, as the council decides it: a proposal's terms. */
export type Allocation = Pick<
  MatchProposalRecord,
  | 'needId'
  | 'needTitle'
  | 'communityId'
  | 'communityName'
  | 'offeringId'
  | 'offeringTitle'
  | 'organizationId'
  | 'organizationName'
  | 'quantity'
  | 'unit'
>

export type ItemOutcome = 'passed' | 'rejected' | 'no_quorum'

export const OUTCOME_LABELS: Record<ItemOutcome, string> = {
  passed: '通过',
  rejected: '未通过',
  no_quorum: '未达法定人数',
}

export interface CouncilItem {
  /** item-1, item-2, … in the order they were put to the meeting. */
  id: string
  kind: 'allocation' | 'motion'
  title: string
  allocation?: Allocation
  votes: CouncilVote[]
  outcome?: ItemOutcome
  /** A passed allocation: the confirmed match and the project it started. */
  proposalId?: string
  projectId?: string
  /** A passed allocation the units no longer allowed (e.g. committed elsewhere since). */
  unfulfilled?: string
}

export interface AgendaNeed {
  needId: string
  title: string
  communityName: string
  remaining: number
  unit: string
  daysWaiting: number
}

export interface AgendaResource {
  offeringId: string
  title: string
  organizationName: string
  remaining: number
  unit: string
}

export interface AgendaProject {
  projectId: string
  title: string
  communityName: string
  organizationName: string
  lastUpdate: Date
}

export interface AgendaProposal {
  proposalId: string
  needId: string
  needTitle: string
  communityName: string
  offeringId: string
  offeringTitle: string
  organizationName: string
  quantity: number
  unit: string
}

/** What the product puts before the meeting, read from the street's lists when it opened. */
export interface CouncilAgenda {
  openNeeds: AgendaNeed[]
  overdueNeeds: AgendaNeed[]
  unusedResources: AgendaResource[]
  stalledProjects: AgendaProject[]
  /** The undecided proposals of the street's matching run, when one was made. */
  proposals: AgendaProposal[]
}

/** One meeting per street and quarter: councilMeetingIdOf(streetId, quarter). */
export interface CouncilMeeting {
  _id: string
  districtId: string
  streetId: string
  streetName: string
  /** 2026-Q4 */
  quarter: string
  heldOn: string
  status: 'open' | 'closed'
  /** The members when the meeting opened: the quorum is counted on them. */
  members: CouncilMember[]
  /** User ids of the members present. */
  present: string[]
  agenda: CouncilAgenda
  items: CouncilItem[]
  /** 纪要, written when the meeting closes. */
  minutes?: string
  closedAt?: Date
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

export const councilIdOf = (streetId: string) => `council-${streetId}`
export const councilMeetingIdOf = (streetId: string, quarter: string) =>
  `council-${streetId}-${quarter}`

/** The quarter a China date (YYYY-MM-DD) falls in: 2026-Q4. */
export function quarterOfDate(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`
}

/** The quarter `steps` quarters after this one (negative: before). */
export function shiftQuarter(quarter: string, steps: number): string {
  const index = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1 + steps
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`
}

/**
 * A council meets about this quarter, the last one (a meeting held late) or the next; earlier
 * quarters are history, later ones too far off for an agenda read today.
 */
export function quarterProblem(quarter: string, today: string): string | undefined {
  const current = quarterOfDate(today)
  if (quarter < shiftQuarter(current, -1)) return '只能召开本季度、上季度或下季度的议事会'
  if (quarter > shiftQuarter(current, 1)) return '只能召开本季度、上季度或下季度的议事会'
  return undefined
}

/** More than half the members are present. */
export function hasQuorum(meeting: Pick<CouncilMeeting, 'members' | 'present'>): boolean {
  return meeting.present.length * 2 > meeting.members.length
}

export function tallyOf(item: Pick<CouncilItem, 'votes'>): Record<VoteChoice, number> {
  const tally = { for: 0, against: 0, abstain: 0 }
  for (const vote of item.votes) tally[vote.choice] += 1
  return tally
}

/** With quorum, an item passes when more than half the votes cast (abstentions included) agree. */
export function outcomeOf(
  meeting: Pick<CouncilMeeting, 'members' | 'present'>,
  item: Pick<CouncilItem, 'votes'>,
): ItemOutcome {
  if (!hasQuorum(meeting)) return 'no_quorum'
  const tally = tallyOf(item)
  const cast = tally.for + tally.against + tally.abstain
  return tally.for * 2 > cast ? 'passed' : 'rejected'
}

/** The minutes (纪要) as members read them in their notice and on the meeting. */
export function minutesOf(meeting: CouncilMeeting): string {
  const present = meeting.members.filter((member) => meeting.present.includes(member.userId))
  const lines = [
    `${meeting.streetName}${meeting.quarter.replace('-Q', '年第')}季度共建议事会，${meeting.heldOn}召开。`,
    `应到 ${meeting.members.length} 人，实到 ${present.length} 人：${present.map((m) => m.name).join('、') || '无'}。`,
    ...meeting.items.map((item, index) => {
      const tally = tallyOf(item)
      const outcome = item.outcome ? OUTCOME_LABELS[item.outcome] : '未表决'
      const result = item.projectId
        ? '，已转为共建项目'
        : item.unfulfilled
          ? `，未能落实：${item.unfulfilled}`
          : ''
      return `${index + 1}. ${item.title}：同意 ${tally.for}，反对 ${tally.against}，弃权 ${tally.abstain}，${outcome}${result}。`
    }),
  ]
  return lines.join('\n')
}
