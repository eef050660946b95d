import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import type { ZodTypeAny } from 'zod'
import { AppError } from '../../cloudfunctions/shared/errors'
import { cleanText, parseInput, text } from '../../cloudfunctions/shared/validation'

const FEATURES_DIR = path.resolve(__dirname, '..', '..', 'cloudfunctions', 'features')

/** Every feature's input schemas, found on disk so a new feature is fuzzed without being listed. */
const FUNCTIONS: Record<string, Record<string, ZodTypeAny>> = Object.fromEntries(
  readdirSync(FEATURES_DIR, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() && existsSync(path.join(FEATURES_DIR, entry.name, 'contract.ts')),
    )
    .flatMap((entry) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by the folder's name
      const contract = require(path.join(FEATURES_DIR, entry.name, 'contract')) as Record<
        string,
        unknown
      >
      const inputs = Object.entries(contract).find(([name]) => name.endsWith('Inputs'))
      return inputs ? [[entry.name, inputs[1] as Record<string, ZodTypeAny>]] : []
    }),
)

/** Payloads no form of the app sends: wrong shapes, wrong types in every field, extra fields. */
function badPayloads(schema: ZodTypeAny): unknown[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape ?? {}
  const fields = Object.keys(shape)
  const wrongTypes = [[], 42, true, null, 'text', { nested: 1 }, Number.NaN]
  return [
    [],
    'text',
    42,
    { unexpected: 1 },
    ...fields.flatMap((field) => wrongTypes.map((value) => ({ [field]: value }))),
  ]
}

const ENGLISH =
  /\b(Expected|Required|Invalid|received|String|Number|must|least|most|Unrecognized)\b/

describe('every refusal of every action speaks Chinese', () => {
  it.each(Object.entries(FUNCTIONS))('%s', (_name, inputs) => {
    let refusals = 0
    for (const [action, schema] of Object.entries(inputs)) {
      for (const payload of badPayloads(schema)) {
        try {
          parseInput(schema, payload)
        } catch (error) {
          if (!(error instanceof AppError)) throw error
          refusals += 1
          expect({ action, payload, message: error.message }).toEqual({
            action,
            payload,
            message: expect.stringMatching(/[\u4e00-\u9fff]/),
          })
          expect(error.message).not.toMatch(ENGLISH)
        }
      }
    }
    expect(refusals).toBeGreaterThan(0)
  })
})

describe('text fields', () => {
  it('drop control, bidirectional and zero-width characters before their length is counted', () => {
    expect(cleanText('a\u0000b\u202Ec\u200Bd\uFEFFe\u2066f')).toBe('abcdef')
    expect(cleanText('第一行\r\n第二行\t完')).toBe('第一行\n第二行 完')
    const title = text('标题', { min: 2, max: 4 })
    expect(parseInput(title, '\u202E一二\u200B')).toBe('一二')
    expect(() => parseInput(title, '\u200B\u200B一')).toThrow('标题至少需要 2 个字')
    expect(() => parseInput(title, '\u0000\u200D')).toThrow('请填写标题')
  })
})
