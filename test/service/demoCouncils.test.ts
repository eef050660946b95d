import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { CouncilMeeting } from '../../cloudfunctions/features/councils/domain'
import { checkAndRepair } from '../../cloudfunctions/features/maintenance/service'
import type { CoBuildProject } from '../../cloudfunctions/features/projects/domain'
import { LocalDatabase } from '../../localcloud/database'
import { seedDemoData } from '../../localcloud/demoData'
import { installLocalCloud } from '../../localcloud/runtime'

describe('the demo’s councils and co-build projects', () => {
  let db: LocalDatabase
  let dir = ''
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'gongjian-demo-'))
    db = await LocalDatabase.open(dir)
    installLocalCloud(db)
    seedDemoData(db)
  })
  afterEach(async () => {
    db.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('are whole: the invariant check finds nothing to repair', async () => {
    const report = await checkAndRepair({ now: new Date(), full: true, settleFresh: true })
    expect(report.repairs).toEqual([])
  })

  it('stay whole beside the district’s history that `npm start` adds', async () => {
    db.close()
    await rm(dir, { recursive: true, force: true })
    dir = await mkdtemp(path.join(os.tmpdir(), 'gongjian-demo-'))
    db = await LocalDatabase.open(dir)
    installLocalCloud(db)
    expect(seedDemoData(db, { history: true })).toBe(true)
    const report = await checkAndRepair({ now: new Date(), full: true, settleFresh: true })
    expect(report.repairs).toEqual([])
    expect(db.count('council_meetings', {})).toBeGreaterThan(0)
    expect(db.count('daily_figures', {})).toBeGreaterThan(0)
  })

  it('give every pilot street a first council whose decisions include an allocation now a project', () => {
    const pilots = db.find<{ _id: string }>('streets', { pilot: true, districtId: 'jimo' })
    const meetings = db.find<CouncilMeeting>('council_meetings', {})
    expect(meetings.map((meeting) => meeting.streetId).sort()).toEqual(
      pilots.map((street) => street._id).sort(),
    )
    const projectIds = meetings.flatMap((meeting) =>
      meeting.items.flatMap((item) => item.projectId ?? []),
    )
    expect(projectIds).toHaveLength(1)
    expect(db.count('projects', { _id: projectIds[0] })).toBe(1)
    const claimed = db
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
