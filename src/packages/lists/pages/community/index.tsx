import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import type { CommunityNeedView } from '../../../../../cloudfunctions/features/api'
import { SERVICE_DOMAINS } from '../../../../../cloudfunctions/shared/categories'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { NeedLineCard } from '../../components/NeedLineCard'
import { NEED_LIST_LABELS } from '../../labels'
import '../../components/lists.scss'

/** A community worker's need list, by 基础/特色 and domain, with what is already committed. */
export default function CommunityNeedListPage() {
  const communityId = useRouter().params.communityId ?? ''
  const needs = useCloudQuery(
    useCallback(() => call('lists', 'listNeeds', { communityId }), [communityId]),
  )
  return (
    <View className='lists-page'>
      <View className='lists-page__actions'>
        <Button
          type='primary'
          size='small'
          onClick={() => void Taro.navigateTo({ url: ROUTES.publishCommunityNeed(communityId) })}
        >
          发布需求
        </Button>
        <Button
          size='small'
          onClick={() => void Taro.navigateTo({ url: ROUTES.communityProposals(communityId) })}
        >
          资源匹配
        </Button>
      </View>
      <QueryState query={needs} isEmpty={(page) => page.total === 0} emptyText='需求清单还是空的'>
        {(page) => (
          <>
            <Text className='lists-page__summary'>共 {page.total} 条需求</Text>
            {(['basic', 'special'] as const).map((list) => (
              <NeedGroup
                key={list}
                title={NEED_LIST_LABELS[list]}
                needs={page.items.filter((need) => need.list === list)}
                onChanged={needs.reload}
              />
            ))}
          </>
        )}
      </QueryState>
    </View>
  )
}

function NeedGroup({
  title,
  needs,
  onChanged,
}: {
  title: string
  needs: CommunityNeedView[]
  onChanged: () => Promise<void>
}) {
  if (needs.length === 0) return null
  const domains = [...new Set(needs.map((need) => need.domain))]
  return (
    <View>
      <Text className='lists-page__summary'>
        {title}（{needs.length}）
      </Text>
      {domains.map((domain) => (
        <View key={domain}>
          <Text className='lists-page__summary'>{SERVICE_DOMAINS[domain]}</Text>
          {needs
            .filter((need) => need.domain === domain)
            .map((need) => (
              <NeedLineCard key={need.id} need={need} onChanged={onChanged} />
            ))}
        </View>
      ))}
    </View>
  )
}
