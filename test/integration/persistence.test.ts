import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { callAs, signIn, startTestCloud } from './localCloudClient'

describe('the embedded database', () => {
  it('keeps what was posted, and sessions, across a restart', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gongjian-restart-'))
    try {
      const first = await startTestCloud(dataDir)
      const token = await signIn(first.cloud, 'demo-resident-li')
      const posted = await callAs(first.cloud, token, 'needs', 'post', {
        kind: 'report',
        category: 'environment',
        description: '小区东门路灯坏了一个星期，晚上很黑',
        communityId: 'jifa-yangguangcheng',
      })
      expect(posted.ok).toBe(true)
      await first.cleanUp()

      const second = await startTestCloud(dataDir)
      const mine = await callAs(second.cloud, token, 'needs', 'listMine', {})
      await second.cleanUp()
      if (!mine.ok) throw new Error(mine.error.message)
      expect(mine.data.items.map((need) => need.description)).toContain(
        '小区东门路灯坏了一个星期，晚上很黑',
      )
      // The demo data is loaded once, not again on the second start.
      expect(mine.data.total).toBe(2)
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
