import Taro from '@tarojs/taro'
import type { Result } from '../../cloudfunctions/shared/result'
import { ERROR_MESSAGES } from '../../cloudfunctions/shared/errors'
import { clearSessionToken, saveSessionToken, sessionToken } from './session'

export interface DemoAccount {
  id: string
  displayName: string
  title: string
}

/** Local sign-in (H5 on the local cloud): the demo accounts, one or more per role. */
export async function listDemoAccounts(): Promise<Result<DemoAccount[]>> {
  return request<DemoAccount[]>('GET', '/api/auth/demo-accounts')
}

export async function signInAs(accountId: string): Promise<Result<{ token: string }>> {
  const result = await request<{ token: string }>('POST', '/api/auth/sign-in', { accountId })
  if (result.ok) saveSessionToken(result.data.token)
  return result
}

/** Ends the session on the server too, so the token answers as signed out even if it was copied. */
export async function signOut(): Promise<void> {
  const token = sessionToken()
  clearSessionToken()
  if (token) await request('POST', '/api/auth/sign-out', {}, { Authorization: `Bearer ${token}` })
}

async function request<T>(
  method: 'GET' | 'POST',
  url: string,
  data?: object,
  header: Record<string, string> = {},
): Promise<Result<T>> {
  try {
    return (await Taro.request<Result<T>>({ url, method, data, header })).data
  } catch {
    return { ok: false, error: { code: 'NETWORK', message: ERROR_MESSAGES.NETWORK } }
  }
}
