import type {
  ActionInput,
  ActionName,
  ActionOutput,
  FunctionName,
  Result,
} from '../../cloudfunctions/features/api'
import { ERROR_MESSAGES } from '../../cloudfunctions/shared/errors'
import { invokeFunction } from './transport'

/** Keys a caller must give; an action whose input has none may be called without a payload. */
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T]

/** The one way the app calls the cloud: typed by the contract, always answering a Result. */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  ...[payload]: [RequiredKeys<ActionInput<F, A>>] extends [never]
    ? [payload?: ActionInput<F, A>]
    : [payload: ActionInput<F, A>]
): Promise<Result<ActionOutput<F, A>>> {
  try {
    const result = await invokeFunction(name, { action, payload: payload ?? {} })
    if (result && typeof result === 'object' && 'ok' in result) {
      return result as Result<ActionOutput<F, A>>
    }
  } catch {
    // Falls through: the user sees a network error, never a stack trace.
  }
  return { ok: false, error: { code: 'NETWORK', message: ERROR_MESSAGES.NETWORK } }
}
