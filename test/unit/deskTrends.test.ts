import { emptyFigures, monthsUpTo, trendOf } from '../../cloudfunctions/features/desk/domain'

const at = (published: number, hoursMinutes: number) => ({
  ...emptyFigures('c1'),
  funnel: { ...emptyFigures('c1').funnel, published },
  hoursMinutes,
})

describe('the desk’s monthly trends', () => {
  it('counts back across the new year', () => {
    expect(monthsUpTo('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
  })

  it('reads each month’s additions from month-end figures, carrying over a month without any', () => {
    const points = trendOf(
      ['2026-09', '2026-10', '2026-11'],
      at(10, 600),
      new Map([
        ['2026-09', at(14, 690)],
        ['2026-11', at(20, 900)],
      ]),
    )
    expect(points.map((point) => [point.month, point.needsPublished, point.hours])).toEqual([
      ['2026-09', 4, 1.5],
      ['2026-10', 0, 0],
      ['2026-11', 6, 3.5],
    ])
  })
})
