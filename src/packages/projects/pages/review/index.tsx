import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type { ClaimView } from '../../../../../cloudfunctions/features/api'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { ClaimCard } from '../../components/ClaimCard'

/** A community worker decides the claims of the community's needs. */
export default function ReviewClaimsPage() {
  const communityId = useRouter().params.communityId ?? ''
  const claims = useCloudQuery(
    useCallback(() => call('claims', 'listCommunity', { communityId }), [communityId]),
  )
  return (
    <View>
      <QueryState query={claims} isEmpty={(items) => items.length === 0} emptyText='暂无揭榜申请'>
        {(items) => (
          <>
            <Text className='list-summary'>
              待审核 {items.filter((claim) => claim.status === 'pending').length} 条，共{' '}
              {items.length} 条
            </Text>
            {items.map((claim) => (
              <ClaimCard key={claim.id} claim={claim}>
                {claim.status === 'pending' && (
                  <ClaimDecision claim={claim} onDecided={claims.reload} />
                )}
              </ClaimCard>
            ))}
          </>
        )}
      </QueryState>
    </View>
  )
}

function ClaimDecision({ claim, onDecided }: { claim: ClaimView; onDecided: () => Promise<void> }) {
  const [note, setNote] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const decide = async (approve: boolean) => {
    setBusy(true)
    const result = approve
      ? await call('claims', 'approve', { claimId: claim.id })
      : await call('claims', 'decline', { claimId: claim.id, note })
    setBusy(false)
    if (!result.ok) return setError(result.error.message)
    if (result.data.projectId) {
      await Taro.navigateTo({ url: ROUTES.projectDetail(result.data.projectId) })
    }
    await onDecided()
  }
  return (
    <>
      <Input value={note} onChange={setNote} placeholder='不同意时请填写理由' maxLength={200} />
      {error && <Text className='project-form__error'>{error}</Text>}
      <View className='project-card__actions'>
        <Button size='small' type='primary' loading={busy} onClick={() => void decide(true)}>
          同意并立项
        </Button>
        <Button size='small' type='default' disabled={busy} onClick={() => void decide(false)}>
          不同意
        </Button>
      </View>
    </>
  )
}
