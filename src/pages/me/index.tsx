import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { DemoSignIn } from '../../components/DemoSignIn'
import { QueryState } from '../../components/QueryState'
import { useCloudQuery } from '../../hooks/useCloudQuery'
import { ROUTES } from '../../routes'
import { call } from '../../services/cloud'
import { clearSessionToken } from '../../services/session'
import './index.scss'

const LOCAL_SIGN_IN = process.env.TARO_ENV === 'h5'

export default function MePage() {
  const me = useCloudQuery(useCallback(() => call('account', 'me'), []))
  if (LOCAL_SIGN_IN && me.error?.code === 'UNAUTHENTICATED') {
    return <DemoSignIn onSignedIn={() => void me.reload()} />
  }
  const signOut = () => {
    clearSessionToken()
    void me.reload()
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
            </CellGroup>
            {LOCAL_SIGN_IN && (
              <View className='me__actions'>
                <Button block type='default' onClick={signOut}>
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
