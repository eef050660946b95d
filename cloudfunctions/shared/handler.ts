import type { ZodTypeAny, z } from 'zod'
import { AppError, ERROR_MESSAGES } from './errors'
import type { Result } from './result'
import { parseInput } from './validation'

type Handlers<I extends Record<string, ZodTypeAny>, O extends Record<keyof I, unknown>> = {
  [A in keyof I]: (input: z.output<I[A]>) => Promise<O[A]>
}

export interface FunctionEvent {
  action?: unknown
  payload?: unknown
}

/**
 * A cloud function's entry point: dispatches on event.action, validates the payload against the
 * action's schema, and converts every outcome to the one result shape. This is the only place
 * errors become results, and nothing internal (stack, driver message) leaves it.
 */
export function defineFunction<
  I extends Record<string, ZodTypeAny>,
  O extends Record<keyof I, unknown>,
>(inputs: I, handlers: Handlers<I, O>) {
  return async function main(event: FunctionEvent): Promise<Result<unknown>> {
    try {
      const action = typeof event?.action === 'string' ? event.action : ''
      if (!Object.hasOwn(inputs, action)) throw new AppError('UNKNOWN_ACTION')
      const input = parseInput(inputs[action], event.payload)
      return { ok: true, data: await handlers[action](input) }
    } catch (error) {
      if (error instanceof AppError) {
        return { ok: false, error: { code: error.code, message: error.message } }
      }
      console.error('cloud function failed', error)
      return { ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } }
    }
  }
}
