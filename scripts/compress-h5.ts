import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

// Precompresses the H5 build once, at build time, so the local cloud (sirv) sends .br or .gz to
// a browser that accepts them instead of compressing every response again.

const H5_DIR = path.resolve(__dirname, '..', 'dist', 'h5')
const COMPRESSIBLE = /\.(js|css|html|json|svg|txt|map)$/
/** Below this, a compressed copy saves less than the request's own headers. */
const MIN_BYTES = 1024

const toBrotli = promisify(brotliCompress)
const toGzip = promisify(gzip)

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true })
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(folder, entry.name)
      return entry.isDirectory() ? filesUnder(full) : Promise.resolve([full])
    }),
  )
  return nested.flat()
}

export async function compressH5(
  folder = H5_DIR,
): Promise<{ files: number; bytes: number; brotli: number }> {
  const files = (await filesUnder(folder)).filter((file) => COMPRESSIBLE.test(file))
  let bytes = 0
  let brotli = 0
  for (const file of files) {
    if ((await stat(file)).size < MIN_BYTES) continue
    const content = await readFile(file)
    const [br, gz] = await Promise.all([
      toBrotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      toGzip(content, { level: 9 }),
    ])
    await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)])
    bytes += content.length
    brotli += br.length
  }
  return { files: files.length, bytes, brotli }
}

if (require.main === module) {
  compressH5().then(
    ({ files, bytes, brotli }) =>
      console.log(
        `compressed ${files} H5 files: ${Math.round(bytes / 1024)} KB → ${Math.round(brotli / 1024)} KB (brotli)`,
      ),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
