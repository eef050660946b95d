import { formatDate } from '../../src/services/dates'

describe('dates as people read them', () => {
  it('carries the weekday, and the year only when it is not this year', () => {
    expect(formatDate('2026-11-24')).toMatch(/^(2026年)?11月24日 周二$/)
    expect(formatDate('2019-03-01')).toBe('2019年3月1日 周五')
  })
})
