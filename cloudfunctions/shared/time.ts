/** Time in China (UTC+8, no daylight saving): what dates and clock times mean to every user. */

const MINUTE_MS = 60_000
export const DAY_MS = 24 * 60 * MINUTE_MS
const CHINA_OFFSET = '+08:00'

/** The instant of a China calendar date (YYYY-MM-DD) and clock time (HH:mm). */
export function chinaInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00${CHINA_OFFSET}`)
}

/** The calendar date in China of an instant, as YYYY-MM-DD. */
export function chinaDateOf(instant: Date): string {
  return new Date(instant.getTime() + 8 * 60 * MINUTE_MS).toISOString().slice(0, 10)
}

/** An instant as China's date and clock time: YYYY-MM-DD HH:mm. */
export function chinaDateTimeOf(instant: Date): string {
  return new Date(instant.getTime() + 8 * 60 * MINUTE_MS)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ')
}

/** The hour of the day (0–23) in China of an instant. */
export function chinaHourOf(instant: Date): number {
  return new Date(instant.getTime() + 8 * 60 * MINUTE_MS).getUTCHours()
}

export function addDays(date: string, days: number): string {
  return chinaDateOf(new Date(chinaInstant(date, '12:00').getTime() + days * DAY_MS))
}

/** Whole days from one instant to a later one. */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS)
}

/** The same calendar date `years` later (29 February becomes 1 March in a common year). */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number)
  return new Date(Date.UTC(year + years, month - 1, day)).toISOString().slice(0, 10)
}
