import path from 'node:path'
import { PACKAGE_LIMIT_BYTES, measureWeappPackages } from '../../scripts/weappPackages'

const WEAPP_DIR = path.resolve(__dirname, '..', '..', 'dist', 'weapp')

describe('the built mini-program', () => {
  it('keeps the main package under 300 KB and every package under WeChat’s 2 MB', async () => {
    const sizes = await measureWeappPackages(WEAPP_DIR)
    const main = sizes.find((size) => size.name === 'main')
    // 300 KB: what the tab pages need on Preact (React alone took 112 KB of the 363 KB before).
    expect(main?.bytes).toBeLessThan(300 * 1024)
    for (const size of sizes) expect(size.bytes).toBeLessThan(PACKAGE_LIMIT_BYTES)
    // Every feature area is a subpackage of its own.
    expect(sizes.map((size) => size.name)).toContain('packages/needs')
  })
})
