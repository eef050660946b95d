import { cloud } from './cloud'
import {
  MINIPROGRAM_VERSION,
  messageDataOf,
  templateIdOf,
  type SubscriptionMessage,
} from './messageTemplates'
import { openApiErrorCode, type OpenApiName } from './openApi'

export const OPEN_API: OpenApiName = 'subscribeMessage.send'

/** WeChat's answer when the user holds no subscription to the template (declined, or used up). */
export const NO_SUBSCRIPTION = 43101

export type SendOutcome = { sent: true } | { sent: false; errCode?: number }

/** Sends a subscription message to the user (openid); a failure is answered, never thrown. */
export async function sendSubscribeMessage(
  touser: string,
  message: SubscriptionMessage,
): Promise<SendOutcome> {
  try {
    await cloud.openapi.subscribeMessage.send({
      touser,
      templateId: templateIdOf(message.template),
      page: message.page,
      data: messageDataOf(message),
      miniprogramState: MINIPROGRAM_VERSION,
      lang: 'zh_CN',
    })
    return { sent: true }
  } catch (error) {
    const errCode = openApiErrorCode(error)
    console.warn('subscribeMessage.send failed', errCode ?? error)
    return errCode === undefined ? { sent: false } : { sent: false, errCode }
  }
}
