import type { TemplateKey } from '../../cloudfunctions/shared/messageTemplates'
import { call } from './cloud'

/**
 * The H5 app runs only against the local cloud, which stands in for WeChat: there is no
 * subscription dialog, so the templates count as accepted and the messages land in its outbox.
 */
export async function askToNotify(templates: TemplateKey[]): Promise<void> {
  await call('account', 'acceptSubscriptions', { templates })
}
