import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { startLocalCloud, type LocalCloud } from '../../localcloud/server'
import { compressH5 } from '../../scripts/compress-h5'
import { FUNCTIONS_DIR } from './localCloudClient'

/** A GET as a browser sends it, with the raw body (fetch would undo the encoding itself). */
function get(url: string, acceptEncoding: string) {
  return new Promise<{ encoding?: string; caching?: string; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            encoding: response.headers['content-encoding'],
            caching: response.headers['cache-control'],
            body: Buffer.concat(chunks),
          }),
        )
      })
      .on('error', reject)
  })
}

describe('the local cloud serves the H5 app compressed', () => {
  let dir = ''
  let cloud: LocalCloud
  const script = `console.log(${JSON.stringify('共建'.repeat(4000))})\n`
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'gongjian-h5-'))
    const app = path.join(dir, 'app')
    await mkdir(app)
    await writeFile(path.join(app, 'index.html'), '<!doctype html><title>共建</title>')
    await writeFile(path.join(app, 'app.js'), script)
    await mkdir(path.join(app, 'js'))
    await writeFile(path.join(app, 'js', 'app.1a2b3c4d.js'), script)
    await compressH5(app)
    cloud = await startLocalCloud({
      dataDir: path.join(dir, 'data'),
      functionsDir: FUNCTIONS_DIR,
      staticDir: app,
      timers: false,
    })
  })
  afterAll(async () => {
    await cloud?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('sends brotli or gzip to a browser that accepts it, the file as it is to one that does not', async () => {
    const brotli = await get(`${cloud.url}/app.js`, 'gzip, deflate, br')
    expect(brotli.encoding).toBe('br')
    expect(brotli.body.length).toBeLessThan(script.length / 10)
    expect(brotliDecompressSync(brotli.body).toString()).toBe(script)

    const gzip = await get(`${cloud.url}/app.js`, 'gzip')
    expect(gzip.encoding).toBe('gzip')
    expect(gunzipSync(gzip.body).toString()).toBe(script)

    const plain = await get(`${cloud.url}/app.js`, 'identity')
    expect(plain.encoding).toBeUndefined()
    expect(plain.body.toString()).toBe(script)
  })

  it('lets a browser keep the hashed scripts for good and check the page again on each visit', async () => {
    const hashed = await get(`${cloud.url}/js/app.1a2b3c4d.js`, 'gzip, deflate, br')
    expect(hashed.caching).toBe('public, max-age=31536000, immutable')
    expect(brotliDecompressSync(hashed.body).toString()).toBe(script)
    expect((await get(`${cloud.url}/`, 'br')).caching).toBe('no-cache')
    expect((await get(`${cloud.url}/app.js`, 'br')).caching).toBe('no-cache')
  })
})
