import { Button, Cell, CellGroup, Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { askToNotify } from '../../../../services/subscriptions'
import { OpenNeedCard } from '../../components/OpenNeedCard'

/** A need's detail with the form an organization member claims it with (揭榜). */
export default function ClaimNeedPage() {
  const needId = useRouter().params.needId ?? ''
  const context = useCloudQuery(
    useCallback(async () => {
      const [need, me] = await Promise.all([
        call('claims', 'need', { needId }),
        call('account', 'me'),
      ])
      if (!need.ok) return need
      if (!me.ok) return me
      const organization = me.data.roles.find((role) => role.kind === 'org_member')
      return { ok: true as const, data: { need: need.data, organization } }
    }, [needId]),
  )
  const [quantity, setQuantity] = useState('')
  const [plan, setPlan] = useState('')
  const [error, setError] = useState<string>()
  const [submitting, setSubmitting] = useState(false)

  const submit = async (organizationId: string) => {
    setSubmitting(true)
    await askToNotify(['reviewResult'])
    const result = await call('claims', 'claim', {
      needId,
      organizationId,
      quantity: Number(quantity),
      plan,
    })
    setSubmitting(false)
    if (!result.ok) return setError(result.error.message)
    await Taro.showToast({ title: '已提交，等待社区审核', icon: 'success' })
    await Taro.redirectTo({ url: ROUTES.myClaims })
  }

  return (
    <View className='project-form'>
      <QueryState query={context}>
        {({ need, organization }) => (
          <>
            <OpenNeedCard need={need} />
            {organization ? (
              <>
                <CellGroup title='揭榜认领'>
                  <Cell title='认领组织' extra={organization.label} />
                  <Cell>
                    <Input
                      type='number'
                      value={quantity}
                      onChange={setQuantity}
                      placeholder={`认领数量（${need.unit}，最多 ${need.quantity - need.committed}）`}
                    />
                  </Cell>
                  <Cell>
                    <TextArea
                      value={plan}
                      onChange={setPlan}
                      placeholder='服务方案：怎么做、谁来做、何时完成（至少 5 个字）'
                      maxLength={500}
                      showCount
                    />
                  </Cell>
                </CellGroup>
                {error && <Text className='project-form__error'>{error}</Text>}
                <View className='project-form__actions'>
                  <Button
                    block
                    type='primary'
                    loading={submitting}
                    onClick={() => void submit(organization.scopeId)}
                  >
                    提交揭榜
                  </Button>
                </View>
              </>
            ) : (
              <Text className='list-summary'>社会组织、志愿服务组织和政府部门的成员可以揭榜</Text>
            )}
          </>
        )}
      </QueryState>
    </View>
  )
}
