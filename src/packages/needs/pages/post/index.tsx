import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { NeedForm } from '../../components/NeedForm'

export default function PostNeedPage() {
  const context = useCloudQuery(
    useCallback(async () => {
      const [me, tree] = await Promise.all([call('account', 'me'), call('directory', 'tree')])
      if (!me.ok) return me
      if (!tree.ok) return tree
      const communities = tree.data.streets.flatMap((street) =>
        street.communities.map((community) => ({ ...community, streetName: street.name })),
      )
      return { ok: true as const, data: { me: me.data, communities } }
    }, []),
  )
  return (
    <View className='post-need-form'>
      <QueryState query={context}>
        {({ me, communities }) => (
          <NeedForm
            communities={communities}
            homeCommunityId={me.homeCommunity?.id}
            onPosted={async () => {
              await Taro.showToast({ title: '已提交，社区会尽快受理', icon: 'success' })
              await Taro.redirectTo({ url: ROUTES.myNeeds })
            }}
          />
        )}
      </QueryState>
    </View>
  )
}
