import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useCallback, useState } from 'react'
import type { GrantableRole } from '../../../../../cloudfunctions/features/people/domain'
import type { InvitationView } from '../../../../../cloudfunctions/features/api'
import { SingleChoice } from '../../../../components/ChoiceButtons'
import { QueryState } from '../../../../components/QueryState'
import { useAction } from '../../../../hooks/useAction'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { call } from '../../../../services/cloud'
import { INVITATION_STATES, InvitationCard } from '../../components/InvitationCard'
import { Field } from '../../../../components/Field'

const day = (iso: string) => dayjs(iso).format('YYYY-MM-DD')

/**
 * A street's, community's or organization's people: invite someone to a role (a single-use code
 * and its QR), see every grant and removal, remove a role, revoke an unused invitation.
 */
export default function RoleScopePage() {
  const { scopeKind = 'community', scopeId = '' } = useRouter().params
  const scope = useCloudQuery(
    useCallback(
      () =>
        call('people', 'scope', {
          scopeKind: scopeKind as 'street' | 'community' | 'org',
          scopeId,
        }),
      [scopeKind, scopeId],
    ),
  )
  const { error, run } = useAction()
  const [role, setRole] = useState<GrantableRole>()
  const [days, setDays] = useState('7')
  const [note, setNote] = useState('')
  const [created, setCreated] = useState<InvitationView>()

  const invite = async (fallback: GrantableRole) => {
    const invitation = await run(
      call('people', 'invite', {
        role: role ?? fallback,
        scopeId,
        days: Number(days),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    )
    if (!invitation) return
    setCreated(invitation)
    setNote('')
    await scope.reload()
  }
  const act = async (pending: ReturnType<typeof call>) => {
    if (await run(pending)) await scope.reload()
  }

  return (
    <View className='page'>
      <QueryState query={scope}>
        {(view) => (
          <>
            <View className='page__card'>
              <Text className='page__title'>{view.name}</Text>
              <Text className='page__line'>角色由邀请授予：对方用自己的账号接受后生效</Text>
            </View>
            <CellGroup title='发出邀请'>
              <Cell>
                <SingleChoice
                  labels={
                    Object.fromEntries(
                      view.grantable.map((item) => [item.role, item.label]),
                    ) as Record<GrantableRole, string>
                  }
                  value={role ?? view.grantable[0]?.role}
                  onChange={(chosen) => setRole(chosen as GrantableRole)}
                />
              </Cell>
              <Field label='有效天数'>
                <Input value={days} onChange={setDays} type='number' placeholder='有效天数' />
              </Field>
              <Cell>
                <Input
                  value={note}
                  onChange={setNote}
                  placeholder='备注（如：给谁）'
                  maxLength={30}
                />
              </Cell>
            </CellGroup>
            <View className='page__actions'>
              <Button type='primary' block onClick={() => void invite(view.grantable[0].role)}>
                生成邀请码
              </Button>
            </View>
            {error && <Text className='page__error'>{error}</Text>}
            {created && <InvitationCard invitation={created} />}
            <CellGroup
              title={`人员（${view.people.filter((p) => p.status === 'active').length} 人在岗）`}
            >
              {view.people.map((person) => (
                <Cell
                  key={`${person.userId}-${person.grantedAt}`}
                  title={`${person.name} · ${person.roleLabel}`}
                  description={
                    person.status === 'active'
                      ? `${day(person.grantedAt)} 由${person.grantedByName}授予`
                      : `已移除：${day(person.revokedAt ?? person.grantedAt)} ${person.revokedByName ?? ''}${person.reason ? `（${person.reason}）` : ''}`
                  }
                  extra={
                    person.canRemove ? (
                      <Button
                        size='small'
                        onClick={() =>
                          void act(call('people', 'removeRole', { scopeId, userId: person.userId }))
                        }
                      >
                        移除
                      </Button>
                    ) : undefined
                  }
                />
              ))}
            </CellGroup>
            <CellGroup title='邀请记录'>
              {view.invitations.map((invitation) => (
                <Cell
                  key={invitation.code}
                  title={`${invitation.roleLabel} · ${invitation.code}`}
                  description={`${INVITATION_STATES[invitation.state]} · ${invitation.createdByName} ${day(invitation.createdAt)}${invitation.acceptedByName ? ` · ${invitation.acceptedByName}已接受` : ''}${invitation.note ? ` · ${invitation.note}` : ''}`}
                  extra={
                    invitation.canRevoke ? (
                      <Button
                        size='small'
                        onClick={() =>
                          void act(call('people', 'revokeInvitation', { code: invitation.code }))
                        }
                      >
                        撤销
                      </Button>
                    ) : undefined
                  }
                />
              ))}
            </CellGroup>
          </>
        )}
      </QueryState>
    </View>
  )
}
