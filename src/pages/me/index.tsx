import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { DemoSignIn } from '../../components/DemoSignIn'
import { QueryState } from '../../components/QueryState'
import { useCloudQuery } from '../../hooks/useCloudQuery'
import { ROUTES } from '../../routes'
import { call } from '../../services/cloud'
import { signOut as endSession } from '../../services/localSignIn'
import './index.scss'

const LOCAL_SIGN_IN = process.env.TARO_ENV === 'h5'

export default function MePage() {
  const me = useCloudQuery(useCallback(() => call('account', 'me'), []))
  if (LOCAL_SIGN_IN && me.error?.code === 'UNAUTHENTICATED') {
    return <DemoSignIn onSignedIn={() => void me.reload()} />
  }
  const signOut = async () => {
    await endSession()
    await me.reload()
  }
  return (
    <View className='me'>
      <QueryState query={me}>
        {(profile) => (
          <>
            <View className='me__profile'>
              <Text className='me__name'>{profile.displayName}</Text>
              <View className='me__roles'>
                {profile.roles.map((role) => (
                  <Tag key={`${role.kind}-${role.scopeId}`} type='primary' plain>
                    {role.label}
                  </Tag>
                ))}
              </View>
            </View>
            <CellGroup>
              <Cell
                title='我的需求'
                clickable
                onClick={() => void Taro.navigateTo({ url: ROUTES.myNeeds })}
              />
              <Cell title='所在社区' extra={profile.homeCommunity?.name ?? '未设置'} />
              <Cell
                title='接受邀请'
                description='输入组织发来的邀请码'
                clickable
                onClick={() => void Taro.navigateTo({ url: ROUTES.acceptInvitation() })}
              />
              <Cell
                title='我的数据'
                description='查看、导出或注销'
                clickable
                onClick={() => void Taro.navigateTo({ url: ROUTES.myData })}
              />
              <Cell
                title='隐私保护指引'
                extra={profile.privacy.agreed ? '已同意' : '未同意'}
                clickable
                onClick={() => void Taro.navigateTo({ url: ROUTES.privacyGuide })}
              />
            </CellGroup>
            {LOCAL_SIGN_IN && (
              <View className='me__actions'>
                <Button block type='default' onClick={() => void signOut()}>
                  退出登录
                </Button>
              </View>
            )}
          </>
        )}
      </QueryState>
    </View>
  )
}
