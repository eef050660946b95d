import Taro from '@tarojs/taro'
import type { Result } from '../../cloudfunctions/shared/result'
import { ERROR_MESSAGES } from '../../cloudfunctions/shared/errors'
import { saveSessionToken } from './session'

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

async function request<T>(method: 'GET' | 'POST', url: string, data?: object): Promise<Result<T>> {
  try {
    return (await Taro.request<Result<T>>({ url, method, data })).data
  } catch {
    return { ok: false, error: { code: 'NETWORK', message: ERROR_MESSAGES.NETWORK } }
  }
}
