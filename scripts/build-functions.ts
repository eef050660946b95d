import { build } from 'esbuild'
import { existsSync } from 'node:fs'
import { cp, mkdir, readdir, rm } from 'node:fs/promises'
import path from 'node:path'

const root = path.resolve(__dirname, '..')
const sourceRoot = path.join(root, 'cloudfunctions')
/** The folder project.config.json's cloudfunctionRoot names; the local cloud runs the same files. */
export const functionsOutput = path.join(root, 'dist', 'cloudfunctions')

/** Folders of cloudfunctions/ that are code compiled into the functions, not functions. */
const LIBRARY_FOLDERS = new Set(['shared', 'features'])

/** The deployable functions: every other folder of cloudfunctions/ (each has an index.ts). */
export async function functionNames(): Promise<string[]> {
  const entries = await readdir(sourceRoot, { withFileTypes: true })
  return entries
    .filter((entry) => entry.isDirectory() && !LIBRARY_FOLDERS.has(entry.name))
    .map((entry) => entry.name)
    .sort()
}

/** Bundles each function with the shared code compiled in and wx-server-sdk left to the platform. */
export async function buildFunctions(): Promise<string[]> {
  const names = await functionNames()
  await rm(functionsOutput, { recursive: true, force: true })
  await Promise.all(
    names.map(async (name) => {
      const outDir = path.join(functionsOutput, name)
      await mkdir(outDir, { recursive: true })
      await build({
        entryPoints: [path.join(sourceRoot, name, 'index.ts')],
        outfile: path.join(outDir, 'index.js'),
        bundle: true,
        platform: 'node',
        // WeChat cloud functions run on Node 16 or later.
        target: 'node16',
        format: 'cjs',
        external: ['wx-server-sdk'],
        logLevel: 'warning',
      })
      // package.json, and config.json (timeout, triggers, open-API permissions) where there is one.
      for (const file of ['package.json', 'config.json']) {
        const source = path.join(sourceRoot, name, file)
        if (existsSync(source)) await cp(source, path.join(outDir, file))
      }
    }),
  )
  return names
}

if (require.main === module) {
  buildFunctions().then((names) => console.log(`built cloud functions: ${names.join(', ')}`))
}
