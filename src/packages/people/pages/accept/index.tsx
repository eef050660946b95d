import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { InvitationView } from '../../../../../cloudfunctions/features/api'
import { useAction } from '../../../../hooks/useAction'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { INVITATION_STATES } from '../../components/InvitationCard'

/** The code from the page's query, or from a mini-program code's scene (`code=…`). */
function codeFromParams(params: Record<string, string | undefined>): string {
  const scene = decodeURIComponent(params.scene ?? '')
  return params.code ?? /code=([A-Za-z0-9]+)/.exec(scene)?.[1] ?? ''
}

/** The invitee, signed in as themself, looks at an invitation and takes the role it offers. */
export default function AcceptInvitationPage() {
  const [code, setCode] = useState(codeFromParams(useRouter().params))
  const [invitation, setInvitation] = useState<InvitationView>()
  const { error, run } = useAction()

  const look = async () => setInvitation(await run(call('people', 'preview', { code })))
  const accept = async () => {
    const accepted = await run(call('people', 'accept', { code }))
    if (!accepted) return
    await Taro.showToast({ title: `您已成为${accepted.roleLabel}`, icon: 'success' })
    await Taro.switchTab({ url: ROUTES.home })
  }

  return (
    <View className='page'>
      <CellGroup title='输入邀请码'>
        <Cell>
          <Input value={code} onChange={setCode} placeholder='8 位邀请码' maxLength={8} />
        </Cell>
      </CellGroup>
      <View className='page__actions'>
        <Button block onClick={() => void look()}>
          查看邀请
        </Button>
      </View>
      {invitation && (
        <View className='page__card'>
          <Text className='page__title'>
            {invitation.roleLabel} · {invitation.scopeName}
          </Text>
          <Text className='page__line'>
            邀请人：{invitation.createdByName}（{INVITATION_STATES[invitation.state]}）
          </Text>
          <Text className='page__line'>
            接受后，您将以该角色处理{invitation.scopeName}的事务，操作会被记录。
          </Text>
          {invitation.canAccept && (
            <View className='page__actions'>
              <Button type='primary' block onClick={() => void accept()}>
                接受邀请
              </Button>
            </View>
          )}
        </View>
      )}
      {error && <Text className='page__error'>{error}</Text>}
    </View>
  )
}
