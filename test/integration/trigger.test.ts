import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { LocalDatabase } from '../../localcloud/database'
import { startTestCloud } from './localCloudClient'

const ROOT = path.resolve(__dirname, '..', '..')

/** `npm run trigger -- <args>` on a data folder: its exit code and what it printed. */
async function trigger(dataDir: string, ...args: string[]) {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/trigger.ts', ...args],
      { cwd: ROOT, env: { ...process.env, GONGJIAN_DATA_DIR: dataDir } },
    )
    return { code: 0, stdout }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: `${failed.stdout}${failed.stderr}` }
  }
}

describe('npm run trigger: a timer job fired now', () => {
  let dataDir = ''
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'gongjian-trigger-'))
  })
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  it('runs in the local cloud that serves the folder, and says so', async () => {
    const env = await startTestCloud(dataDir)
    try {
      const fired = await trigger(dataDir, 'desk')
      expect(fired.code).toBe(0)
      expect(fired.stdout).toContain(`在运行中的本地云（${env.cloud.url}）上运行 desk.dailyFigures`)
      expect(env.cloud.database.count('daily_figures')).toBe(1)
    } finally {
      await env.cleanUp()
    }
  })

  it('runs on the folder itself when no local cloud serves it, and says so', async () => {
    const env = await startTestCloud(dataDir)
    await env.cleanUp()
    const fired = await trigger(dataDir, 'desk', 'dailyFigures')
    expect(fired.code).toBe(0)
    expect(fired.stdout).toContain(`在数据目录 ${dataDir} 上运行 desk.dailyFigures`)
    const database = await LocalDatabase.open(dataDir)
    try {
      expect(database.count('daily_figures')).toBe(1)
    } finally {
      database.close()
    }
  })

  it('names what is missing: a function without a timer needs the job named', async () => {
    const fired = await trigger(dataDir, 'account')
    expect(fired.code).toBe(2)
    expect(fired.stdout).toContain('account 的 config.json 没有定时触发器，请指明要运行的任务名')
  })
})
