import { checkInTimingProblem, slotTimesOf } from '../../cloudfunctions/features/stalls/domain'
import { addDays, chinaDateOf } from '../../cloudfunctions/shared/time'

describe('stall time rules', () => {
  it('splits 09:00–11:00 into eight 15-minute haircut slots', () => {
    const slots = slotTimesOf({ startTime: '09:00', endTime: '11:00', slotMinutes: 15 })
    expect(slots).toHaveLength(8)
    expect(slots[0]).toEqual({ startTime: '09:00', endTime: '09:15' })
    expect(slots[7]).toEqual({ startTime: '10:45', endTime: '11:00' })
  })

  it('leaves out a last slot that would overrun the opening hours', () => {
    expect(slotTimesOf({ startTime: '09:00', endTime: '10:10', slotMinutes: 20 })).toHaveLength(3)
  })

  it('counts dates in China time, across month ends', () => {
    expect(chinaDateOf(new Date('2026-11-23T17:30:00Z'))).toBe('2026-11-24')
    expect(addDays('2026-11-28', 7)).toBe('2026-12-05')
  })

  it('opens check-in 30 minutes before the slot and closes it when the slot ends', () => {
    const booking = {
      startTime: '09:00',
      startsAt: new Date('2026-11-28T09:00:00+08:00'),
      endsAt: new Date('2026-11-28T09:15:00+08:00'),
    }
    expect(checkInTimingProblem(booking, new Date('2026-11-28T08:29:00+08:00'))).toContain(
      '还没到签到时间',
    )
    expect(checkInTimingProblem(booking, new Date('2026-11-28T08:31:00+08:00'))).toBeUndefined()
    expect(checkInTimingProblem(booking, new Date('2026-11-28T09:16:00+08:00'))).toBe(
      '该预约的时段已结束，无法签到',
    )
  })
})
