import { existsSync } from 'node:fs'
import path from 'node:path'
import { holderOf, releaseDataFolder, takeDataFolder } from '../localcloud/control'
import { LocalDatabase } from '../localcloud/database'
import { FunctionRunner, functionConfigOf, installLocalCloud } from '../localcloud/runtime'
import { timerEvent } from '../localcloud/scheduler'

// `npm run trigger -- <function> [<trigger>]`: runs a function's timer job now, as its timer would.
// With a local cloud running on the data folder, the job runs there (the embedded database is safe
// in one process only); otherwise this command takes the folder, runs the job on it, and lets go.

const root = path.resolve(__dirname, '..')
const functionsDir = path.join(root, 'dist', 'cloudfunctions')
const dataDir = path.resolve(process.env.GONGJIAN_DATA_DIR ?? path.join(root, '.data'))

async function main(): Promise<number> {
  const [functionName, given] = process.argv.slice(2)
  const runner = new FunctionRunner(functionsDir)
  if (!functionName || !runner.exists(functionName)) {
    console.error(
      functionName && !existsSync(path.join(functionsDir, functionName))
        ? '请先运行 npm run build:functions'
        : '用法：npm run trigger -- <function> [<trigger>]（函数见 dist/cloudfunctions/）',
    )
    return 2
  }
  const declared = functionConfigOf(functionsDir, functionName).triggers?.[0]?.name
  const triggerName = given ?? declared
  if (!triggerName) {
    console.error(`${functionName} 的 config.json 没有定时触发器，请指明要运行的任务名`)
    return 2
  }
  const running = await holderOf(dataDir)
  if (running?.url && running.jobToken) {
    console.log(`在运行中的本地云（${running.url}）上运行 ${functionName}.${triggerName}`)
    const response = await fetch(`${running.url}/api/local/jobs/${functionName}/${triggerName}`, {
      method: 'POST',
      headers: { 'x-job-token': running.jobToken },
    })
    return report(await response.json())
  }
  await takeDataFolder(dataDir)
  try {
    console.log(`在数据目录 ${dataDir} 上运行 ${functionName}.${triggerName}`)
    const database = await LocalDatabase.open(dataDir)
    try {
      installLocalCloud(database)
      return report(await runner.invoke(functionName, timerEvent(triggerName), undefined))
    } finally {
      database.close()
    }
  } finally {
    await releaseDataFolder(dataDir)
  }
}

function report(result: unknown): number {
  console.log(JSON.stringify(result, null, 2))
  return (result as { ok?: boolean })?.ok ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message)
    process.exit(1)
  },
)
