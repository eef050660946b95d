import type { MeView, Result } from '../../cloudfunctions/features/api'
import { call } from './cloud'
import { sessionToken } from './session'

let early: { token: string; answer: Promise<Result<MeView>> } | undefined

/** The addresses that open 服务大厅: the app's root and the home page itself. */
function opensHome(hash: string): boolean {
  return hash === '' || hash === '#/' || hash.startsWith('#/pages/home/index')
}

/**
 * Asked as the app's entry runs, `account.me` travels while the browser still fetches and parses
 * 服务大厅's code, instead of after it: one round trip off a signed-in person's first load.
 */
export function startEarlyMe(): void {
  const token = sessionToken()
  if (!token || !opensHome(window.location.hash)) return
  early = { token, answer: call('account', 'me') }
}

export function takeEarlyMe(): Promise<Result<MeView>> | undefined {
  const taken = early
  early = undefined
  // Signed out or switched account since: the early answer is someone else's.
  return taken && taken.token === sessionToken() ? taken.answer : undefined
}
