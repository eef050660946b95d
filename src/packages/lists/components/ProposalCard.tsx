import { Button, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { MatchProposalView } from '../../../../cloudfunctions/features/api'
import { PROPOSAL_STATUS_LABELS } from '../labels'

const COMMUNITY_DECISIONS = {
  pending: '社区待确认',
  confirming: '社区确认中',
  confirmed: '社区已确认',
  rejected: '社区未采纳',
} as const
const PROVIDER_DECISIONS = {
  pending: '组织待接受',
  accepted: '组织已接受',
  declined: '组织已谢绝',
} as const

/**
 * A matching proposal with the engine's reasons; the community side may confirm or reject it,
 * the provider side accept or decline it, while it is still open to that side's decision.
 */
export function ProposalCard({
  proposal,
  side,
  busy = false,
  onDecide,
}: {
  proposal: MatchProposalView
  side: 'community' | 'provider'
  busy?: boolean
  onDecide: (action: 'confirm' | 'reject' | 'accept' | 'decline') => void
}) {
  const open = proposal.status === 'proposed'
  const communityMayConfirm =
    open && side === 'community' && proposal.communityDecision === 'pending'
  const communityMayReject =
    open && side === 'community' && ['pending', 'confirmed'].includes(proposal.communityDecision)
  const providerMayDecide = open && side === 'provider' && proposal.providerDecision === 'pending'
  return (
    <View className='proposal-card'>
      <Text className='proposal-card__title'>
        {proposal.needTitle} ← {proposal.organizationName}
      </Text>
      <Text className='proposal-card__meta'>
        {proposal.communityName} · {proposal.offeringTitle} · {proposal.quantity} {proposal.unit}
      </Text>
      <View className='proposal-card__tags'>
        <Tag type={proposal.status === 'accepted' ? 'success' : 'primary'} plain>
          {PROPOSAL_STATUS_LABELS[proposal.status]}
        </Tag>
        {open && (
          <Text className='proposal-card__meta'>
            {COMMUNITY_DECISIONS[proposal.communityDecision]} ·{' '}
            {PROVIDER_DECISIONS[proposal.providerDecision]}
          </Text>
        )}
      </View>
      {proposal.reasons.map((reason) => (
        <Text key={reason} className='proposal-card__reason'>
          · {reason}
        </Text>
      ))}
      <View className='proposal-card__actions'>
        {communityMayConfirm && (
          <Button size='small' type='primary' disabled={busy} onClick={() => onDecide('confirm')}>
            确认
          </Button>
        )}
        {communityMayReject && (
          <Button size='small' disabled={busy} onClick={() => onDecide('reject')}>
            不采纳
          </Button>
        )}
        {providerMayDecide && (
          <>
            <Button size='small' type='primary' disabled={busy} onClick={() => onDecide('accept')}>
              接受
            </Button>
            <Button size='small' disabled={busy} onClick={() => onDecide('decline')}>
              谢绝
            </Button>
          </>
        )}
      </View>
    </View>
  )
}
