import type { CapacityLedger } from '../../shared/capacity/ledger'
import type { Reservation, ReservationKind } from '../../shared/capacity/reservation'
import { COLLECTIONS } from '../../shared/collections'
import { messageTime } from '../../shared/messageTemplates'
import { chinaInstant } from '../../shared/time'
import { checkInTimingProblem } from '../stalls/domain'

/** What 乔社学院's courses cover (基本理论、综合能力、业务实训、取证培训、团队建设), and skills. */
export const TRAINING_TOPICS = {
  theory: '基本理论',
  competence: '综合能力',
  practice: '业务实训',
  certification: '取证培训',
  team_building: '团队建设',
  skills: '技能培训',
} as const
export type TrainingTopic = keyof typeof TRAINING_TOPICS

/** A training or capacity-building session hosted by an organization: a place of the capacity mechanism. */
export interface Training {
  _id: string
  districtId: string
  streetId?: string
  hostOrgId: string
  hostOrgName: string
  title: string
  topic: TrainingTopic
  description: string
  /** China date and times: YYYY-MM-DD, HH:mm. */
  date: string
  start: string
  end: string
  place: string
  capacity: CapacityLedger
  status: 'published' | 'cancelled'
  /**
   * 人次 from a paper sign-in sheet, for a session held before its organization used the product
   * (history brought in as counts, without the people).
   */
  recordedAttendance?: number
  createdBy: string
  createdAt: Date
}

/** A person's place at a training, the organization they come for, and their attendance. */
export interface TrainingSignup extends Reservation {
  traineeName: string
  /** What the training is, kept on the sign-up for the notices about it. */
  training: { title: string; startsAt: Date; place: string }
  orgId?: string
  orgName?: string
  /** Six digits the trainee shows (or reads out) at the door; unique within the training. */
  checkInCode: string
  checkedInAt?: Date
}

export const TRAINING_SIGNUPS: ReservationKind = {
  places: COLLECTIONS.trainings,
  reservations: COLLECTIONS.trainingSignups,
  promotionNotice: (reservation) => {
    const { training, traineeName } = reservation as TrainingSignup
    return {
      title: '培训候补成功',
      body: `您候补的「${training.title}」已有空位，已为您报名（${traineeName}）。请按时参加并出示签到码。`,
      message: {
        template: 'waitlistPromoted',
        values: {
          item: training.title,
          time: messageTime(training.startsAt),
          place: training.place,
        },
        page: 'packages/trainings/pages/mine/index',
      },
    }
  },
}

/** Why a trainee cannot be checked in at `now` (undefined: they can), as at a service stall. */
export function trainingCheckInProblem(
  training: Pick<Training, 'date' | 'start' | 'end'>,
  now: Date,
): string | undefined {
  return checkInTimingProblem(
    {
      startsAt: chinaInstant(training.date, training.start),
      endsAt: chinaInstant(training.date, training.end),
      startTime: training.start,
    },
    now,
  )
}

export function hasStarted(training: Pick<Training, 'date' | 'start'>, now: Date): boolean {
  return chinaInstant(training.date, training.start).getTime() <= now.getTime()
}
