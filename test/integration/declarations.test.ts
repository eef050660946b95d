import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { bundleInputsOf, functionNames, functionsOutput } from '../../scripts/build-functions'
import { COLLECTIONS, INDEXES } from '../../cloudfunctions/shared/collections'
import { functionConfigOf } from '../../localcloud/runtime'

const root = path.resolve(__dirname, '../..')

/** What a function's code can do on the platform, read from the sources bundled into it. */
async function usesOf(name: string) {
  const sources = (await bundleInputsOf(name))
    .filter((input) => input.startsWith('cloudfunctions/') && input.endsWith('.ts'))
    .map((input) => ({ input, text: readFileSync(path.join(root, input), 'utf8') }))
  const openApis = new Set<string>()
  const collectionKeys = new Set<string>()
  const collectionNames = new Set<string>()
  const directCalls: string[] = []
  for (const { input, text } of sources) {
    const declared = /export const OPEN_API: OpenApiName = '([^']+)'/.exec(text)?.[1]
    if (declared) openApis.add(declared)
    // Only an open API's own module may call it, so its name is always seen above.
    else if (/\bopenapi\s*\./.test(text)) directCalls.push(input)
    for (const [, key] of text.matchAll(/\bCOLLECTIONS\.(\w+)/g)) collectionKeys.add(key!)
    for (const [, named] of text.matchAll(/collection\(\s*['"`]([^'"`]+)['"`]/gi)) {
      collectionNames.add(named!)
    }
  }
  return { openApis, collectionKeys, collectionNames, directCalls }
}

// On WeChat an open API not listed in config.json fails (-604101) and a collection the deploy did
// not create fails too; both would surface only in production, so they are checked here.
describe('what each function uses is declared for the deploy', () => {
  it('every function: its open APIs in its config.json, its collections in the manifest', async () => {
    const names = await functionNames()
    expect(names.length).toBeGreaterThan(10)
    const manifestNames = new Set<string>(Object.values(COLLECTIONS))
    const problems = []
    for (const name of names) {
      const uses = await usesOf(name)
      const declared = new Set(functionConfigOf(functionsOutput, name).permissions?.openapi ?? [])
      problems.push({
        name,
        directCalls: uses.directCalls,
        undeclared: [...uses.openApis].filter((api) => !declared.has(api)),
        // Permissions nobody uses are not granted either.
        unused: [...declared].filter((api) => !uses.openApis.has(api)),
        unknownCollections: [
          ...[...uses.collectionKeys].filter((key) => !Object.hasOwn(COLLECTIONS, key)),
          ...[...uses.collectionNames].filter((named) => !manifestNames.has(named)),
        ],
      })
    }
    const none = { directCalls: [], undeclared: [], unused: [], unknownCollections: [] }
    expect(problems).toEqual(names.map((name) => ({ name, ...none })))
    for (const named of manifestNames) expect(Object.hasOwn(INDEXES, named)).toBe(true)
  })
})

/** README's deploy table: each function with its timer triggers and open APIs, as a reader sees them. */
function deployTableOfReadme() {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
  const section = readme.slice(
    readme.indexOf('## Deploy to WeChat'),
    readme.indexOf('## WeChat platform'),
  )
  return section
    .split('\n')
    .map((line) =>
      line
        .trim()
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    .filter((cells) => cells.length === 3 && /^[a-z]+$/.test(cells[0]!) && cells[0] !== 'function')
    .map(([name, triggers, apis]) => ({
      name,
      triggers: [...triggers!.matchAll(/`(\w+)`/g)].map(([, trigger]) => trigger),
      openApis: apis ? apis.split(/,\s*/) : [],
    }))
}

describe('README’s deploy steps', () => {
  it('list every built function with the triggers and open APIs of its config.json', async () => {
    const built = readdirSync(functionsOutput).sort()
    expect(built).toEqual(await functionNames())
    expect(deployTableOfReadme()).toEqual(
      built.map((name) => {
        const config = functionConfigOf(functionsOutput, name)
        return {
          name,
          triggers: (config.triggers ?? []).map((trigger) => trigger.name),
          openApis: config.permissions?.openapi ?? [],
        }
      }),
    )
  })
})
