import { readFile, readdir, stat } from 'node:fs/promises'
import path from 'node:path'

/** WeChat's limit for the main package and for each subpackage. */
export const PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024

export interface PackageSize {
  /** `main`, or the subpackage root such as `packages/needs`. */
  name: string
  bytes: number
}

/** Sizes of the built mini-program's main package and subpackages, as WeChat splits them. */
export async function measureWeappPackages(weappDir: string): Promise<PackageSize[]> {
  const app = JSON.parse(await readFile(path.join(weappDir, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[]
    subpackages?: { root: string }[]
  }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((sub) => sub.root.replace(/\/$/, ''))
  const sizes = new Map<string, number>([['main', 0], ...roots.map((root) => [root, 0] as const)])
  for (const file of await listFiles(weappDir)) {
    const relative = path.relative(weappDir, file).split(path.sep).join('/')
    // Licence notices and the DevTools project file are not uploaded as code.
    if (relative.endsWith('.LICENSE.txt') || relative === 'project.config.json') continue
    const owner = roots.find((root) => relative.startsWith(`${root}/`)) ?? 'main'
    sizes.set(owner, (sizes.get(owner) ?? 0) + (await stat(file)).size)
  }
  return [...sizes].map(([name, bytes]) => ({ name, bytes }))
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name)
      return entry.isDirectory() ? listFiles(full) : Promise.resolve([full])
    }),
  )
  return nested.flat()
}
