import path from 'node:path'
import { startLocalCloud } from './server'

// `npm start`: the whole product on one machine. GONGJIAN_DATA_DIR and PORT override the defaults.
const root = path.resolve(__dirname, '..')

async function main() {
  const cloud = await startLocalCloud({
    dataDir: path.resolve(process.env.GONGJIAN_DATA_DIR ?? path.join(root, '.data')),
    functionsDir: path.join(root, 'dist', 'cloudfunctions'),
    staticDir: path.join(root, 'dist', 'h5'),
    port: Number(process.env.PORT ?? 8080),
    host: process.env.HOST ?? '127.0.0.1',
    demoHistory: true,
  })
  console.log(`共建 Gongjian 本地云已启动: ${cloud.url}`)
  const stop = async () => {
    await cloud.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
