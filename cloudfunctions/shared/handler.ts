import type { ZodTypeAny, z } from 'zod'
import { callerOpenid, resolveCaller, type Caller } from './caller'
import { AppError, ERROR_MESSAGES } from './errors'
import type { Result } from './result'
import { parseInput } from './validation'

const PUBLIC = Symbol('public action')

type SignedInAction<S extends ZodTypeAny, O> = (input: z.output<S>, caller: Caller) => Promise<O>

/** An action anyone may call, signed in or not; it receives the caller when there is one. */
export interface PublicAction<S extends ZodTypeAny, O> {
  readonly [PUBLIC]: true
  run(input: z.output<S>, caller: Caller | undefined): Promise<O>
}

/** Declares an action public: without it, every action requires a signed-in caller. */
export function publicAction<S extends ZodTypeAny, O>(
  run: (input: z.output<S>, caller: Caller | undefined) => Promise<O>,
): PublicAction<S, O> {
  return { [PUBLIC]: true, run }
}

export type Actions<I extends Record<string, ZodTypeAny>, O extends Record<keyof I, unknown>> = {
  [A in keyof I]: SignedInAction<I[A], O[A]> | PublicAction<I[A], O[A]>
}

/** A feature's use cases as callable actions, each with the schema its input must pass. */
export interface Service<I extends Record<string, ZodTypeAny>, O extends Record<keyof I, unknown>> {
  inputs: I
  actions: Actions<I, O>
}

export function defineService<
  I extends Record<string, ZodTypeAny>,
  O extends Record<keyof I, unknown>,
>(inputs: I, actions: Actions<I, O>): Service<I, O> {
  return { inputs, actions }
}

/**
 * Validates the payload against the action's schema and runs the action for the caller. Bad input
 * throws INVALID_INPUT before anything runs; a signed-in action without a caller, UNAUTHENTICATED.
 */
export async function invokeAction<
  I extends Record<string, ZodTypeAny>,
  O extends Record<keyof I, unknown>,
  A extends keyof I & string,
>(service: Service<I, O>, action: A, payload: unknown, caller: Caller | undefined): Promise<O[A]> {
  if (!Object.hasOwn(service.inputs, action)) throw new AppError('UNKNOWN_ACTION')
  const handler = service.actions[action]
  const isPublic = typeof handler === 'object' && handler[PUBLIC]
  if (!isPublic && !caller) throw new AppError('UNAUTHENTICATED')
  const input = parseInput(service.inputs[action], payload)
  return isPublic
    ? handler.run(input, caller)
    : (handler as SignedInAction<I[A], O[A]>)(input, caller!)
}

export interface FunctionEvent {
  action?: unknown
  payload?: unknown
  /** Set by the platform on a timer trigger's call, with the trigger's name from config.json. */
  Type?: unknown
  TriggerName?: unknown
}

export interface FunctionOptions {
  /** What the function's timer trigger runs (declared in its config.json). */
  onTimer?: (triggerName: string) => Promise<unknown>
}

/**
 * A cloud function's entry point: resolves the caller once, dispatches on event.action and
 * converts every outcome to the one result shape. This is the only place errors become results,
 * and nothing internal (stack, driver message) leaves it.
 */
export function defineFunction<
  I extends Record<string, ZodTypeAny>,
  O extends Record<keyof I, unknown>,
>(service: Service<I, O>, options: FunctionOptions = {}) {
  return async function main(event: FunctionEvent): Promise<Result<unknown>> {
    try {
      const openid = callerOpenid()
      // A timer's call carries no caller; a client that sends Type 'Timer' still has its openid.
      if (!openid && event?.Type === 'Timer' && options.onTimer) {
        return { ok: true, data: await options.onTimer(String(event.TriggerName ?? '')) }
      }
      const action = typeof event?.action === 'string' ? event.action : ''
      if (!Object.hasOwn(service.inputs, action)) throw new AppError('UNKNOWN_ACTION')
      const caller = openid ? await resolveCaller(openid) : undefined
      return { ok: true, data: await invokeAction(service, action, event.payload, caller) }
    } catch (error) {
      if (error instanceof AppError) {
        return { ok: false, error: { code: error.code, message: error.message } }
      }
      console.error('cloud function failed', error)
      return { ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } }
    }
  }
}
