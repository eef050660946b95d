import Taro from '@tarojs/taro'
import { ROUTES } from '../routes'

type Resolve = Parameters<Parameters<typeof Taro.onNeedPrivacyAuthorization>[0]>[0]

/** The WeChat API call waiting for the person to agree, while the guide is shown. */
let pending: Resolve | undefined

/**
 * WeChat's privacy authorization flow: when a privacy-sensitive API or component is used before
 * the person agreed, the guide opens; its agree button lets the waiting call go on.
 */
export function listenForPrivacyAuthorization(): void {
  // Base libraries before 2.32.3 (and the simulator) have no such flow.
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.onNeedPrivacyAuthorization !== 'function') {
    return
  }
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve
    resolve({ event: 'exposureAuthorization' })
    void Taro.navigateTo({ url: ROUTES.privacyGuide })
  })
}

/** The person tapped the guide's agree button (`buttonId`) or left the guide without agreeing. */
export function answerPrivacyAuthorization(agreed: boolean, buttonId: string): void {
  pending?.(agreed ? { event: 'agree', buttonId } : { event: 'disagree' })
  pending = undefined
}
