import { parse } from 'acorn'
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..', '..')
const WEAPP_DIR = path.join(ROOT, 'dist', 'weapp')

function scriptsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) return scriptsUnder(file)
    return entry.name.endsWith('.js') ? [file] : []
  })
}

/** The files of the built mini-program that a JavaScript engine of the given edition cannot parse. */
function unparsable(ecmaVersion: 5 | 2020): string[] {
  return scriptsUnder(WEAPP_DIR).filter((file) => {
    try {
      parse(readFileSync(file, 'utf8'), { ecmaVersion, sourceType: 'script' })
      return false
    } catch {
      return true
    }
  })
}

// Old phones' engines (WeChat's floor: Chrome 53, iOS 8) run ES5 only. The build emits ES2020
// (`?.`, `??`, async), so DevTools must compile it down on upload: 「将 JS 代码编译成 ES5」
// (es6 + enhance, Babel 7's preset-env), which reads up to ES2020 and nothing newer.
describe('the built mini-program’s syntax', () => {
  it('is ES2020 at most, and project.config.json has DevTools compile it to ES5', () => {
    const scripts = scriptsUnder(WEAPP_DIR)
    expect(scripts.length).toBeGreaterThan(10)
    expect(unparsable(2020)).toEqual([])
    // The build needs compiling down (it is not ES5), and DevTools is told to.
    expect(unparsable(5).length).toBeGreaterThan(0)
    const { setting } = JSON.parse(
      readFileSync(path.join(ROOT, 'project.config.json'), 'utf8'),
    ) as {
      setting: Record<string, unknown>
    }
    expect(setting).toMatchObject({ es6: true, enhance: true })
  })
})
