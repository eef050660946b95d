import Taro from '@tarojs/taro'

// src/index.html reads it too, to ask `account.me` before the app's code has loaded.
const TOKEN_KEY = 'gongjian.session'

/** The local cloud's signed session (H5 only; on WeChat the platform identifies the caller). */
export function sessionToken(): string | undefined {
  return Taro.getStorageSync<string>(TOKEN_KEY) || undefined
}

export function saveSessionToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token)
}

export function clearSessionToken(): void {
  Taro.removeStorageSync(TOKEN_KEY)
}
