import type { Caller } from '../../shared/caller'
import { transaction } from '../../shared/db'
import type { OutputsOf } from '../../shared/endpoints'
import { AppError } from '../../shared/errors'
import { defineService } from '../../shared/handler'
import { isWorkerOf, requireOversight, requireWorkerOf } from '../../shared/roles'
import { chinaDateOf } from '../../shared/time'
import type { Community } from '../directory/domain'
import { requireCommunity } from '../directory/service'
import { meetingsInputs, type MeetingsApi, type MonthlyMeetingView } from './contract'
import { isFutureMonth, meetingIdOf, type MonthlyMeeting } from './domain'
import {
  findMeeting,
  listCommunityProjects,
  listProgressOfMonth,
  readMeetingIn,
  saveMeetingIn,
} from './repository'

export const meetingsService = defineService<typeof meetingsInputs, OutputsOf<MeetingsApi>>(
  meetingsInputs,
  {
    async monthly({ communityId, month }, caller) {
      const community = await requireCommunity(communityId)
      requireOversight(caller, community)
      requirePastOrCurrent(month)
      return meetingView(caller, community, month)
    },

    async record(input, caller) {
      const community = await requireCommunity(input.communityId)
      requireWorkerOf(caller, community)
      requirePastOrCurrent(input.month)
      const today = chinaDateOf(new Date())
      if (input.heldOn > today) throw new AppError('INVALID_INPUT', '会议日期不能晚于今天')
      if (input.heldOn.slice(0, 7) < input.month) {
        throw new AppError('INVALID_INPUT', '会议日期不能早于所议月份')
      }
      const projects = await meetingProjects(community._id, input.month)
      const unknown = input.items.find(
        (item) => !projects.some((project) => project._id === item.projectId),
      )
      if (unknown) throw new AppError('INVALID_INPUT', '所议项目不属于本社区当月的在建项目')
      const id = meetingIdOf(community._id, input.month)
      await transaction(async (tx) => {
        const existing = await readMeetingIn(tx, id)
        const now = new Date()
        const meeting: MonthlyMeeting = {
          _id: id,
          communityId: community._id,
          streetId: community.streetId,
          month: input.month,
          heldOn: input.heldOn,
          attendees: input.attendees,
          items: input.items.map((item) => ({
            projectId: item.projectId,
            problems: item.problems ?? '',
            nextSteps: item.nextSteps ?? '',
          })),
          notes: input.notes ?? '',
          recordedBy: { id: caller._id, name: caller.displayName },
          // A month has one meeting record: recording again corrects it.
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        }
        await saveMeetingIn(tx, meeting)
      })
      return meetingView(caller, community, input.month)
    },
  },
)

function requirePastOrCurrent(month: string) {
  if (isFutureMonth(month, chinaDateOf(new Date()))) {
    throw new AppError('INVALID_INPUT', '不能选择未来的月份')
  }
}

/** Projects under way in the month: started by its end, and not closed before it began. */
async function meetingProjects(communityId: string, month: string) {
  const projects = await listCommunityProjects(communityId)
  return projects.filter((project) => {
    const started = chinaDateOf(new Date(project.createdAt)).slice(0, 7)
    const closed =
      project.status === 'closed' && project.evaluation
        ? chinaDateOf(new Date(project.evaluation.evaluatedAt)).slice(0, 7)
        : undefined
    return started <= month && (!closed || closed >= month)
  })
}

async function meetingView(
  caller: Caller,
  community: Community,
  month: string,
): Promise<MonthlyMeetingView> {
  const [projects, meeting] = await Promise.all([
    meetingProjects(community._id, month),
    findMeeting(meetingIdOf(community._id, month)),
  ])
  const entries = await listProgressOfMonth(
    projects.map((project) => project._id),
    month,
  )
  const rows = projects.map((project) => {
    const entry = entries.find((candidate) => candidate.projectId === project._id)
    const item = meeting?.items.find((candidate) => candidate.projectId === project._id)
    return {
      projectId: project._id,
      title: project.title,
      organizationName: project.organizationName,
      ...(entry
        ? {
            progress: {
              summary: entry.summary,
              peopleServed: entry.peopleServed,
              authorName: entry.authorName,
            },
          }
        : {}),
      missingProgress: !entry,
      ...(item?.problems ? { problems: item.problems } : {}),
      ...(item?.nextSteps ? { nextSteps: item.nextSteps } : {}),
    }
  })
  return {
    communityId: community._id,
    communityName: community.name,
    month,
    projects: rows,
    missingCount: rows.filter((row) => row.missingProgress).length,
    ...(meeting
      ? {
          held: {
            heldOn: meeting.heldOn,
            attendees: meeting.attendees,
            ...(meeting.notes ? { notes: meeting.notes } : {}),
            recordedByName: meeting.recordedBy.name,
          },
        }
      : {}),
    canRecord: isWorkerOf(caller, community._id),
  }
}
