import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { InvitationView } from '../../../../cloudfunctions/features/api'
import { QrCode } from '../../../components/QrCode'

export const INVITATION_STATES = {
  open: '待接受',
  accepted: '已接受',
  revoked: '已撤销',
  expired: '已过期',
} as const

/** An invitation as its creator hands it over: the code to type, the QR code of its page. */
export function InvitationCard({ invitation }: { invitation: InvitationView }) {
  return (
    <View className='page__card'>
      <Text className='page__title'>
        {invitation.roleLabel} · {invitation.scopeName}
      </Text>
      <Text className='page__line'>
        邀请码 {invitation.code}（{INVITATION_STATES[invitation.state]}）
      </Text>
      <Text className='page__line'>
        有效期至 {dayjs(invitation.expiresAt).format('YYYY-MM-DD HH:mm')}，仅可使用一次
      </Text>
      {invitation.state === 'open' && (
        <QrCode
          value={`/${invitation.path}`}
          caption='请对方在“我的 · 接受邀请”中输入邀请码，或扫码'
        />
      )}
    </View>
  )
}
