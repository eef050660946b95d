import type { TrainingSummaryView } from '../../../cloudfunctions/features/api'
import { TRAINING_TOPICS } from '../../../cloudfunctions/features/trainings/domain'

export function trainingLine(training: TrainingSummaryView): string {
  return `${TRAINING_TOPICS[training.topic]} · ${training.date} ${training.start}-${training.end} · ${training.place} · ${training.hostOrgName}`
}

/** Places taken, or the head count of a session held before the product. */
export function trainingPlaces(training: TrainingSummaryView): string {
  if (training.recordedAttendance) return `纸质签到 ${training.recordedAttendance} 人次`
  const line = training.waiting > 0 ? `，候补 ${training.waiting}` : ''
  return `${training.taken}/${training.capacity} 人${line}`
}
