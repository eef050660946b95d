import dayjs from 'dayjs'

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** Today's calendar date on this phone, YYYY-MM-DD: the earliest a picker offers for what is to come. */
export function today(): string {
  return dayjs().format('YYYY-MM-DD')
}

/**
 * A calendar date (YYYY-MM-DD) as people say it, with its weekday: "11月24日 周二"; the year only
 * when it is not this year's. A weekday is what a resident plans by.
 */
export function formatDate(date: string): string {
  const day = dayjs(date)
  if (!day.isValid()) return date
  const sameYear = day.year() === dayjs().year()
  return `${day.format(sameYear ? 'M月D日' : 'YYYY年M月D日')} ${WEEKDAYS[day.day()]}`
}
