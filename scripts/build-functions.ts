import { build } from 'esbuild'
import { existsSync } from 'node:fs'
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

const root = path.resolve(__dirname, '..')
const sourceRoot = path.join(root, 'cloudfunctions')
/** The folder project.config.json's cloudfunctionRoot names; the local cloud runs the same files. */
export const functionsOutput = path.join(root, 'dist', 'cloudfunctions')

/** Folders of cloudfunctions/ that are code compiled into the functions, not functions. */
const LIBRARY_FOLDERS = new Set(['shared', 'features'])

/**
 * Packages left out of the bundles and installed by the cloud from each function's package.json
 * (「云端安装依赖」): the SDK, and heavy libraries only one action loads (so the others' cold start
 * does not parse them).
 */
export const INSTALLED_IN_CLOUD = ['wx-server-sdk', 'exceljs', 'pdfkit']

/** Files a function needs beside its bundle when its code includes a given source file. */
const ASSETS: { whenBundled: string; copy: string }[] = [
  { whenBundled: 'cloudfunctions/shared/pdf.ts', copy: 'cloudfunctions/shared/fonts' },
]

/** The deployable functions: every other folder of cloudfunctions/ (each has an index.ts). */
export async function functionNames(): Promise<string[]> {
  const entries = await readdir(sourceRoot, { withFileTypes: true })
  return entries
    .filter((entry) => entry.isDirectory() && !LIBRARY_FOLDERS.has(entry.name))
    .map((entry) => entry.name)
    .sort()
}

/** The source files compiled into one function, relative to the repository (esbuild's inputs). */
export async function bundleInputsOf(name: string): Promise<string[]> {
  const result = await build({
    ...bundleOptions(name),
    write: false,
    outfile: path.join(functionsOutput, name, 'index.js'),
  })
  return Object.keys(result.metafile!.inputs)
}

function bundleOptions(name: string) {
  return {
    entryPoints: [path.join(sourceRoot, name, 'index.ts')],
    absWorkingDir: root,
    bundle: true,
    platform: 'node' as const,
    // WeChat cloud functions run on Node 16 or later.
    target: 'node16',
    format: 'cjs' as const,
    external: INSTALLED_IN_CLOUD,
    metafile: true,
    logLevel: 'warning' as const,
  }
}

/**
 * Bundles each function with the shared code compiled in; its package.json lists the packages the
 * cloud installs for it, and its config.json (timeout, triggers, open-API permissions) is copied.
 */
export async function buildFunctions(): Promise<string[]> {
  const names = await functionNames()
  const rootPackage = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>
  }
  await rm(functionsOutput, { recursive: true, force: true })
  await Promise.all(
    names.map(async (name) => {
      const outDir = path.join(functionsOutput, name)
      await mkdir(outDir, { recursive: true })
      const metafile = (
        await build({ ...bundleOptions(name), outfile: path.join(outDir, 'index.js') })
      ).metafile!
      const required = new Set(
        Object.values(metafile.outputs).flatMap((output) =>
          output.imports.filter((item) => item.external).map((item) => item.path),
        ),
      )
      const manifest = JSON.parse(
        await readFile(path.join(sourceRoot, name, 'package.json'), 'utf8'),
      ) as { dependencies?: Record<string, string> }
      for (const dependency of INSTALLED_IN_CLOUD.filter((pkg) => required.has(pkg))) {
        manifest.dependencies = {
          ...manifest.dependencies,
          [dependency]: rootPackage.dependencies[dependency],
        }
      }
      await writeFile(path.join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
      const config = path.join(sourceRoot, name, 'config.json')
      if (existsSync(config)) await cp(config, path.join(outDir, 'config.json'))
      for (const asset of ASSETS.filter((item) => item.whenBundled in metafile.inputs)) {
        await cp(path.join(root, asset.copy), path.join(outDir, path.basename(asset.copy)), {
          recursive: true,
        })
      }
    }),
  )
  return names
}

if (require.main === module) {
  buildFunctions().then((names) => console.log(`built cloud functions: ${names.join(', ')}`))
}
