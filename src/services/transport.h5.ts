import Taro from '@tarojs/taro'
import type { Result } from '../../cloudfunctions/shared/result'
import { clearSessionToken, sessionToken } from './session'

export async function invokeFunction(
  name: string,
  event: { action: string; payload: unknown },
): Promise<Result<unknown>> {
  const token = sessionToken()
  const response = await Taro.request<Result<unknown>>({
    url: `/api/functions/${name}`,
    method: 'POST',
    data: event,
    header: token ? { Authorization: `Bearer ${token}` } : {},
  })
  // An expired or forged session is dropped, so the app asks the user to sign in again.
  if (response.statusCode === 401) clearSessionToken()
  return response.data
}
