import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { PRIVACY_POLICY_VERSION } from '../../../../../cloudfunctions/features/account/domain'
import { QueryState } from '../../../../components/QueryState'
import { useAction } from '../../../../hooks/useAction'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { answerPrivacyAuthorization } from '../../../../services/privacyAuthorization'
import { PRIVACY_GUIDE } from '../../guide'

const AGREE_BUTTON = 'agree-privacy'

/**
 * 隐私保护指引: what is collected and why. On WeChat the agree button is the platform's own
 * (open-type agreePrivacyAuthorization), so WeChat records the authorization too.
 */
export default function PrivacyGuidePage() {
  const me = useCloudQuery(useCallback(() => call('account', 'me'), []))
  const { error, run } = useAction()
  const agree = async () => {
    answerPrivacyAuthorization(true, AGREE_BUTTON)
    if (await run(call('account', 'consentPrivacy', { version: PRIVACY_POLICY_VERSION }))) {
      await me.reload()
      await Taro.showToast({ title: '已同意', icon: 'success' })
    }
  }
  return (
    <View className='page'>
      <View className='page__card'>
        <Text className='page__title'>共建隐私保护指引（{PRIVACY_POLICY_VERSION} 版）</Text>
        {PRIVACY_GUIDE.map((section) => (
          <View key={section.title}>
            <Text className='page__line'>{section.title}</Text>
            <Text className='page__note'>{section.body}</Text>
          </View>
        ))}
      </View>
      <QueryState query={me}>
        {(profile) =>
          profile.privacy.agreed ? (
            <View className='page__actions'>
              <Text className='page__ok'>您已同意本版隐私保护指引</Text>
              <Button block onClick={() => void Taro.navigateTo({ url: ROUTES.myData })}>
                我的数据
              </Button>
            </View>
          ) : (
            <View className='page__actions'>
              <Button
                type='primary'
                block
                id={AGREE_BUTTON}
                openType={
                  process.env.TARO_ENV === 'weapp' ? 'agreePrivacyAuthorization' : undefined
                }
                onClick={() => void agree()}
              >
                同意并继续
              </Button>
              <Button
                block
                onClick={() => {
                  answerPrivacyAuthorization(false, AGREE_BUTTON)
                  void Taro.navigateBack()
                }}
              >
                暂不同意
              </Button>
            </View>
          )
        }
      </QueryState>
      {error && <Text className='page__error'>{error}</Text>}
    </View>
  )
}
