import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type { UnmatchedNeedView } from '../../../../../cloudfunctions/features/api'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { call } from '../../../../services/cloud'
import { ProposalCard } from '../../components/ProposalCard'
import '../../components/lists.scss'

const DONE = {
  confirm: '已确认，容量已预留',
  reject: '已不采纳',
  accept: '已接受',
  decline: '已谢绝',
} as const

/**
 * Matching proposals: a community worker (?communityId=) runs matching and confirms or rejects;
 * an organization member (?organizationId=) accepts or declines.
 */
export default function ProposalsPage() {
  const { communityId, organizationId } = useRouter().params
  const side = communityId ? 'community' : 'provider'
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string>()
  const [unmatched, setUnmatched] = useState<UnmatchedNeedView[]>([])
  const proposals = useCloudQuery(
    useCallback(
      () =>
        call(
          'matching',
          'list',
          communityId ? { communityId } : { organizationId: organizationId ?? '' },
        ),
      [communityId, organizationId],
    ),
  )

  const runMatching = async () => {
    setBusy(true)
    const run = await call('matching', 'run', { scope: 'community', scopeId: communityId ?? '' })
    setBusy(false)
    setUnmatched(run.ok ? run.data.unmatched : [])
    setNotice(
      run.ok
        ? `生成 ${run.data.proposals.length} 条方案` +
            (run.data.unmatched.length > 0
              ? `，以下 ${run.data.unmatched.length} 条需求暂无合适资源`
              : '')
        : run.error.message,
    )
    await proposals.reload()
  }

  const decide = async (proposalId: string, action: keyof typeof DONE) => {
    setBusy(true)
    const result = await call('matching', action, { proposalId })
    setBusy(false)
    if (result.ok) await Taro.showToast({ title: DONE[action], icon: 'success' })
    setNotice(result.ok ? undefined : result.error.message)
    await proposals.reload()
  }

  return (
    <View className='lists-page'>
      {side === 'community' && (
        <View className='lists-page__actions'>
          <Button type='primary' size='small' loading={busy} onClick={() => void runMatching()}>
            运行匹配
          </Button>
        </View>
      )}
      {notice && <Text className='lists-page__summary'>{notice}</Text>}
      {unmatched.map((need) => (
        <View key={need.needId} className='lists-unmatched'>
          <Text className='lists-unmatched__title'>
            {need.needTitle}（{need.communityName}，缺 {need.quantityUnserved} {need.unit}）
          </Text>
          <Text className='lists-unmatched__reason'>{need.reason}</Text>
        </View>
      ))}
      <QueryState
        query={proposals}
        isEmpty={(page) => page.total === 0}
        emptyText={side === 'community' ? '暂无匹配方案，点击“运行匹配”生成' : '暂无匹配方案'}
      >
        {(page) => (
          <>
            {page.items.map((proposal) => (
              <ProposalCard
                key={proposal.id}
                proposal={proposal}
                side={side}
                busy={busy}
                onDecide={(action) => void decide(proposal.id, action)}
              />
            ))}
          </>
        )}
      </QueryState>
    </View>
  )
}
