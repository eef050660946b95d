import { creditedMinutes, fitScore } from '../../cloudfunctions/features/shifts/domain'

describe('credited minutes: inside the window ±30 min, rounded down to the quarter hour', () => {
  const shift = { date: '2026-12-05', start: '09:00', end: '11:00' }
  const time = (clock: string) => new Date(`2026-12-05T${clock}:00+08:00`)

  it.each([
    ['09:00', '11:00', 120],
    ['09:03', '10:59', 105],
    ['08:00', '12:30', 180],
    ['08:40', '11:22', 150],
    ['09:00', '09:14', 0],
    ['11:40', '12:00', 0],
    ['10:00', '09:00', 0],
  ])('in %s, out %s → %i minutes', (checkIn, checkOut, minutes) => {
    expect(creditedMinutes(shift, time(checkIn), time(checkOut))).toBe(minutes)
  })
})

describe('fit of a shift for a volunteer', () => {
  const volunteer = {
    skills: ['hospital_guide' as const],
    communityId: 'dahua',
    availability: { weekdays: [6 as const], times: ['morning' as const] },
  }
  it('weighs skills over community over availability', () => {
    // 2026-12-05 is a Saturday.
    const base = { requiredSkills: [], communityId: 'dahua', date: '2026-12-05', start: '09:00' }
    expect(fitScore(volunteer, base)).toBe(7)
    expect(fitScore(volunteer, { ...base, start: '19:00' })).toBe(6)
    expect(fitScore(volunteer, { ...base, communityId: 'xianshan' })).toBe(5)
    expect(fitScore(volunteer, { ...base, requiredSkills: ['sign_language' as const] })).toBe(3)
  })
})
