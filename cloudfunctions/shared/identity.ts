import { cloud } from './cloud'
import { AppError } from './errors'

/**
 * The caller's openid. On WeChat the platform injects it into the function's context (never taken
 * from the event, which the client controls); the local cloud injects the identity its gateway
 * verified from the signed session in the same place.
 */
export function callerOpenid(): string {
  const { OPENID } = cloud.getWXContext()
  if (!OPENID) throw new AppError('UNAUTHENTICATED')
  return OPENID
}
