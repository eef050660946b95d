import { z } from 'zod'
import type { Endpoints } from '../../shared/endpoints'
import { calendarDate, calendarMonth, recordId, text } from '../../shared/validation'

export const meetingsInputs = {
  monthly: z.object({ communityId: recordId('社区'), month: calendarMonth }).strict(),
  record: z
    .object({
      communityId: recordId('社区'),
      month: calendarMonth,
      heldOn: calendarDate,
      attendees: z
        .array(text('参会人员', { max: 20 }), { invalid_type_error: '参会人员无效' })
        .min(2, '请填写参会人员')
        .max(50, '参会人员最多 50 人'),
      items: z
        .array(
          z
            .object({
              projectId: recordId('项目'),
              problems: text('存在问题', { max: 300 }).optional(),
              nextSteps: text('下步计划', { max: 300 }).optional(),
            })
            .strict(),
          { invalid_type_error: '项目议题无效' },
        )
        .max(200, '项目议题过多'),
      notes: text('会议纪要', { max: 1000 }).optional(),
    })
    .strict(),
}

export interface MeetingProjectView {
  projectId: string
  title: string
  organizationName: string
  /** The month's progress entry, if one was recorded. */
  progress?: { summary: string; peopleServed: number; authorName: string }
  /** No progress entry for the month: raised at the meeting. */
  missingProgress: boolean
  problems?: string
  nextSteps?: string
}

export interface MonthlyMeetingView {
  communityId: string
  communityName: string
  month: string
  projects: MeetingProjectView[]
  missingCount: number
  held?: { heldOn: string; attendees: string[]; notes?: string; recordedByName: string }
  canRecord: boolean
}

export type MeetingsApi = Endpoints<
  typeof meetingsInputs,
  { monthly: MonthlyMeetingView; record: MonthlyMeetingView }
>
