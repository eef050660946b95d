import { randomBytes } from 'node:crypto'
import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * Who has a data folder: a running local cloud (with its address and a token for jobs started from
 * the command line) or a one-off command working on the folder itself. The embedded database is
 * safe only in one process at a time, so each takes the folder before opening it.
 */
export interface DataFolderHolder {
  pid: number
  /** The gateway's address, while a local cloud serves the folder. */
  url?: string
  /** Lets `npm run trigger` start a job in the running local cloud; only readers of the folder hold it. */
  jobToken?: string
}

const CONTROL_FILE = 'localcloud.json'

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The live process holding the folder, other than this one. */
export async function holderOf(dataDir: string): Promise<DataFolderHolder | undefined> {
  try {
    const holder = JSON.parse(
      await readFile(path.join(dataDir, CONTROL_FILE), 'utf8'),
    ) as DataFolderHolder
    return holder.pid !== process.pid && isAlive(holder.pid) ? holder : undefined
  } catch {
    return undefined
  }
}

/** Takes the folder for this process; refused while another live process holds it. */
export async function takeDataFolder(dataDir: string, url?: string): Promise<DataFolderHolder> {
  const other = await holderOf(dataDir)
  if (other) {
    throw new Error(
      other.url
        ? `数据目录 ${dataDir} 正由运行中的本地云使用（${other.url}，进程 ${other.pid}）`
        : `数据目录 ${dataDir} 正由进程 ${other.pid} 使用，请稍后再试`,
    )
  }
  const holder: DataFolderHolder = {
    pid: process.pid,
    ...(url ? { url, jobToken: randomBytes(24).toString('base64url') } : {}),
  }
  await writeFile(path.join(dataDir, CONTROL_FILE), JSON.stringify(holder), { mode: 0o600 })
  return holder
}

export async function releaseDataFolder(dataDir: string): Promise<void> {
  const file = path.join(dataDir, CONTROL_FILE)
  try {
    const holder = JSON.parse(await readFile(file, 'utf8')) as DataFolderHolder
    if (holder.pid === process.pid) await rm(file, { force: true })
  } catch {
    // Nothing to release.
  }
}
