import path from 'node:path'
import { PACKAGE_LIMIT_BYTES, measureWeappPackages } from '../scripts/weappPackages'

/** The weapp build's package sizes against WeChat's per-package limit (needs `npm run build:weapp`). */
export async function benchPackageSize() {
  const sizes = await measureWeappPackages(path.resolve(__dirname, '..', 'dist', 'weapp'))
  return sizes.map(({ name, bytes }) => ({
    package: name,
    kb: Math.round((bytes / 1024) * 10) / 10,
    shareOfLimit: Math.round((bytes / PACKAGE_LIMIT_BYTES) * 1000) / 1000,
  }))
}
