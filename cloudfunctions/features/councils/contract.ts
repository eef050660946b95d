import { z } from 'zod'
import type { Endpoints } from '../../shared/endpoints'
import { calendarDate, oneOf, recordId, text, wholeNumber } from '../../shared/validation'
import type {
  AgendaNeed,
  AgendaProject,
  AgendaProposal,
  AgendaResource,
  Allocation,
  CouncilSeat,
  ItemOutcome,
  VoteChoice,
} from './domain'

const quarter = z
  .string({ required_error: '请选择季度', invalid_type_error: '季度格式不正确' })
  .regex(/^20\d\d-Q[1-4]$/, '季度格式不正确，例如 2026-Q4')

const meetingId = recordId('议事会会议')

export const councilsInputs = {
  /** The councils the caller may see: the district's, the street's, or those they sit on. */
  list: z.object({}).strict(),
  overview: z.object({ streetId: recordId('街道') }).strict(),
  /** People who may sit on the street's council: its admins, its communities' workers, organizations' members. */
  candidates: z.object({ streetId: recordId('街道') }).strict(),
  addMember: z
    .object({
      streetId: recordId('街道'),
      userId: recordId('委员'),
      seat: oneOf('委员席位', ['street', 'community', 'organization'] as const),
      scopeId: recordId('委员所在单位'),
    })
    .strict(),
  removeMember: z.object({ streetId: recordId('街道'), userId: recordId('委员') }).strict(),
  open: z.object({ streetId: recordId('街道'), quarter, heldOn: calendarDate }).strict(),
  meeting: z.object({ meetingId }).strict(),
  attend: z
    .object({
      meetingId,
      present: z
        .array(recordId('出席委员'), { invalid_type_error: '出席委员无效' })
        .max(100, '出席委员过多'),
    })
    .strict(),
  addItem: z.discriminatedUnion(
    'kind',
    [
      z
        .object({
          meetingId,
          kind: z.literal('allocation'),
          needId: recordId('需求'),
          offeringId: recordId('资源'),
          quantity: wholeNumber('分配数量', { min: 1, max: 100000 }),
        })
        .strict(),
      z
        .object({ meetingId, kind: z.literal('motion'), title: text('议题', { min: 4, max: 100 }) })
        .strict(),
    ],
    { errorMap: () => ({ message: '请选择议题类型' }) },
  ),
  vote: z
    .object({
      meetingId,
      itemId: recordId('议题'),
      choice: oneOf('表决意见', ['for', 'against', 'abstain'] as const),
    })
    .strict(),
  close: z.object({ meetingId }).strict(),
}

export interface CouncilMemberView {
  userId: string
  name: string
  seat: CouncilSeat
  /** 街道 / 社区 / 兼职委员 with where they sit for, e.g. 兼职委员·祥泰残疾人综合服务中心 */
  seatLabel: string
  scopeId: string
  present?: boolean
}

export interface CouncilMeetingSummary {
  id: string
  quarter: string
  heldOn: string
  status: 'open' | 'closed'
  itemCount: number
  passedCount: number
}

export interface CouncilView {
  streetId: string
  streetName: string
  members: CouncilMemberView[]
  meetings: CouncilMeetingSummary[]
  /** The street's admin: chooses members, opens meetings. */
  canManage: boolean
}

export interface CouncilItemView {
  id: string
  kind: 'allocation' | 'motion'
  title: string
  allocation?: Omit<Allocation, 'communityId' | 'organizationId'>
  tally: Record<VoteChoice, number>
  voters: { name: string; choice: VoteChoice }[]
  myVote?: VoteChoice
  outcome?: ItemOutcome
  projectId?: string
  unfulfilled?: string
  canVote: boolean
}

export interface CouncilMeetingView {
  id: string
  streetId: string
  streetName: string
  quarter: string
  heldOn: string
  status: 'open' | 'closed'
  members: CouncilMemberView[]
  presentCount: number
  quorum: boolean
  agenda: {
    openNeeds: AgendaNeed[]
    overdueNeeds: AgendaNeed[]
    unusedResources: AgendaResource[]
    stalledProjects: (Omit<AgendaProject, 'lastUpdate'> & { lastUpdate: string })[]
    proposals: AgendaProposal[]
  }
  items: CouncilItemView[]
  minutes?: string
  /** The street's admin, while the meeting is open: attendance, items, closing. */
  canManage: boolean
}

export interface CouncilCandidateView {
  userId: string
  name: string
  seat: CouncilSeat
  seatLabel: string
  scopeId: string
}

export type CouncilsApi = Endpoints<
  typeof councilsInputs,
  {
    list: {
      councils: {
        streetId: string
        streetName: string
        memberCount: number
        latest?: CouncilMeetingSummary
      }[]
    }
    overview: CouncilView
    candidates: CouncilCandidateView[]
    addMember: CouncilView
    removeMember: CouncilView
    open: CouncilMeetingView
    meeting: CouncilMeetingView
    attend: CouncilMeetingView
    addItem: CouncilMeetingView
    vote: CouncilMeetingView
    close: CouncilMeetingView
  }
>
