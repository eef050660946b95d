import Taro from '@tarojs/taro'
import type { Result } from '../../cloudfunctions/shared/result'
import { clearSessionToken, sessionToken } from './session'

declare global {
  interface Window {
    /** `account.me` asked by src/index.html before the app's code loaded. */
    gongjianEarlyMe?: { token: string; response: Promise<Response> }
  }
}

/** The early `account.me`, once, if this is that call for the session it was asked for. */
async function earlyAnswer(
  name: string,
  action: string,
  token: string | undefined,
): Promise<{ statusCode: number; data: Result<unknown> } | undefined> {
  const early = window.gongjianEarlyMe
  if (!early || name !== 'account' || action !== 'me') return undefined
  window.gongjianEarlyMe = undefined
  // Signed out or switched account since: that answer is someone else's.
  if (early.token !== token) return undefined
  const response = await early.response
  return { statusCode: response.status, data: (await response.json()) as Result<unknown> }
}

export async function invokeFunction(
  name: string,
  event: { action: string; payload: unknown },
): Promise<Result<unknown>> {
  const token = sessionToken()
  const response =
    (await earlyAnswer(name, event.action, token)) ??
    (await Taro.request<Result<unknown>>({
      url: `/api/functions/${name}`,
      method: 'POST',
      data: event,
      header: token ? { Authorization: `Bearer ${token}` } : {},
    }))
  // An expired or forged session is dropped, so the app asks the user to sign in again.
  if (response.statusCode === 401) clearSessionToken()
  return response.data
}
