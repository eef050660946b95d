import Taro from '@tarojs/taro'
import { templateIdOf, type TemplateKey } from '../../cloudfunctions/shared/messageTemplates'
import { call } from './cloud'

export async function askToNotify(templates: TemplateKey[]): Promise<void> {
  const answers = (await Taro.requestSubscribeMessage({
    tmplIds: templates.map(templateIdOf),
  } as Taro.requestSubscribeMessage.Option).catch(() => undefined)) as
    Record<string, string> | undefined
  const accepted = templates.filter((key) => answers?.[templateIdOf(key)] === 'accept')
  if (accepted.length > 0) await call('account', 'acceptSubscriptions', { templates: accepted })
}
