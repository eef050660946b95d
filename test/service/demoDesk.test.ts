import type { TrendPoint } from '../../cloudfunctions/features/desk/domain'
import { deskService } from '../../cloudfunctions/features/desk/service'
import { checkAndRepair } from '../../cloudfunctions/features/maintenance/service'
import type { Caller } from '../../cloudfunctions/shared/caller'
import { invokeAction } from '../../cloudfunctions/shared/handler'
import { useDemo } from './demo'

describe('the district’s history that `npm start` seeds', () => {
  const demo = useDemo({ history: true })

  it('is whole beside the pilot: the invariant check finds nothing to repair', async () => {
    const report = await checkAndRepair({ now: new Date(), full: true, settleFresh: true })
    expect(report.repairs).toEqual([])
    expect(demo.db.count('council_meetings', {})).toBeGreaterThan(0)
    expect(demo.db.count('daily_figures', {})).toBeGreaterThan(0)
  })

  it('gives every figure and chart of the district desk something to show, stall visits month by month', async () => {
    const admin = demo.db.findOne<Caller>('users', { 'roles.kind': 'district_admin' })!
    const view = await invokeAction(deskService, 'overview', {}, admin)
    const { figures, trends } = view

    for (const stage of figures.funnel)
      expect([stage.label, stage.count > 0]).toEqual([stage.label, true])
    for (const kind of figures.resources) {
      expect([kind.label, kind.providers > 0 && kind.offerings > 0]).toEqual([kind.label, true])
    }
    expect(figures.projects.length).toBeGreaterThan(1)
    for (const stage of figures.projectStages)
      expect([stage.label, stage.count > 0]).toEqual([stage.label, true])
    expect(figures.peopleServed.inProjects).toBeGreaterThan(0)
    expect(figures.peopleServed.atStalls).toBeGreaterThan(0)
    expect(figures.stallVisits).toBe(figures.peopleServed.atStalls)
    expect(figures.volunteers.registered).toBeGreaterThan(0)
    expect(figures.volunteers.active).toBeGreaterThan(0)
    expect(figures.volunteers.hours).toBeGreaterThan(0)
    expect(figures.mediation.cases).toBeGreaterThan(0)
    expect(figures.donations.count).toBeGreaterThan(0)
    expect(figures.donations.yuan).toBeGreaterThan(0)
    for (const child of view.children) {
      expect([child.name, child.headline.peopleServed > 0]).toEqual([child.name, true])
    }

    // Each trend series has months to draw, and stall visits come in month after month.
    const months = (key: keyof Omit<TrendPoint, 'month'>) =>
      trends.filter((point) => point[key] > 0).length
    for (const key of [
      'needsPublished',
      'projectsStarted',
      'peopleServed',
      'hours',
      'mediationCases',
    ] as const) {
      expect([key, months(key) > 0]).toEqual([key, true])
    }
    expect(months('stallVisits')).toBeGreaterThanOrEqual(4)
    // The month-end snapshots and today's count agree: the visits of the months add up to today's.
    expect(trends.reduce((sum, point) => sum + point.stallVisits, 0)).toBe(figures.stallVisits)
  })
})
