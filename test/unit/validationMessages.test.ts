import type { ZodTypeAny } from 'zod'
import { accountInputs } from '../../cloudfunctions/features/account/contract'
import { agreementsInputs } from '../../cloudfunctions/features/agreements/contract'
import { claimsInputs } from '../../cloudfunctions/features/claims/contract'
import { directoryInputs } from '../../cloudfunctions/features/directory/contract'
import { listsInputs } from '../../cloudfunctions/features/lists/contract'
import { maintenanceInputs } from '../../cloudfunctions/features/maintenance/contract'
import { matchingInputs } from '../../cloudfunctions/features/matching/contract'
import { mediationInputs } from '../../cloudfunctions/features/mediation/contract'
import { meetingsInputs } from '../../cloudfunctions/features/meetings/contract'
import { needsInputs } from '../../cloudfunctions/features/needs/contract'
import { projectsInputs } from '../../cloudfunctions/features/projects/contract'
import { shiftsInputs } from '../../cloudfunctions/features/shifts/contract'
import { stallsInputs } from '../../cloudfunctions/features/stalls/contract'
import { volunteersInputs } from '../../cloudfunctions/features/volunteers/contract'
import { AppError } from '../../cloudfunctions/shared/errors'
import { cleanText, parseInput, text } from '../../cloudfunctions/shared/validation'

const FUNCTIONS: Record<string, Record<string, ZodTypeAny>> = {
  account: accountInputs,
  agreements: agreementsInputs,
  claims: claimsInputs,
  directory: directoryInputs,
  lists: listsInputs,
  maintenance: maintenanceInputs,
  matching: matchingInputs,
  mediation: mediationInputs,
  meetings: meetingsInputs,
  needs: needsInputs,
  projects: projectsInputs,
  shifts: shiftsInputs,
  stalls: stallsInputs,
  volunteers: volunteersInputs,
}

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
