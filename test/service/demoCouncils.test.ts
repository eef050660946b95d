import type { CouncilMeeting } from '../../cloudfunctions/features/councils/domain'
import { checkAndRepair } from '../../cloudfunctions/features/maintenance/service'
import type { CoBuildProject } from '../../cloudfunctions/features/projects/domain'
import { useDemo } from './demo'

describe('the demo’s councils and co-build projects', () => {
  const demo = useDemo()

  it('are whole: the invariant check finds nothing to repair', async () => {
    const report = await checkAndRepair({ now: new Date(), full: true, settleFresh: true })
    expect(report.repairs).toEqual([])
  })

  it('give every pilot street a first council whose decisions include an allocation now a project', () => {
    const pilots = demo.db.find<{ _id: string }>('streets', { pilot: true, districtId: 'jimo' })
    const meetings = demo.db.find<CouncilMeeting>('council_meetings', {})
    expect(meetings.map((meeting) => meeting.streetId).sort()).toEqual(
      pilots.map((street) => street._id).sort(),
    )
    const projectIds = meetings.flatMap((meeting) =>
      meeting.items.flatMap((item) => item.projectId ?? []),
    )
    expect(projectIds).toHaveLength(1)
    expect(demo.db.count('projects', { _id: projectIds[0] })).toBe(1)
    const claimed = demo.db
      .find<CoBuildProject>('projects', { 'source.kind': 'claim' })
      .map((project) => [project.organizationId, project.communityId])
    expect(claimed).toEqual(
      expect.arrayContaining([
        ['xiangtai', 'shuohuiyuan'],
        ['guoli', 'gucheng'],
        ['jixie-shanghui', 'xinhui'],
      ]),
    )
  })
})
