import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { loadCommunityChoices } from '../../../../services/communityChoices'
import { NeedForm } from '../../components/NeedForm'

export default function PostNeedPage() {
  const context = useCloudQuery(loadCommunityChoices)
  return (
    <View className='post-need-form'>
      <QueryState query={context}>
        {({ homeCommunityId, communities }) => (
          <NeedForm
            communities={communities}
            homeCommunityId={homeCommunityId}
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
