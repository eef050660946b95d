import Taro from '@tarojs/taro'
import type { Result } from '../../cloudfunctions/shared/result'

let initialised = false

export async function invokeFunction(
  name: string,
  event: { action: string; payload: unknown },
): Promise<Result<unknown>> {
  if (!initialised) {
    Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true })
    initialised = true
  }
  const { result } = await Taro.cloud.callFunction({ name, data: event })
  return result as Result<unknown>
}
