import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import {
  VOLUNTEER_KINDS,
  VOLUNTEER_SKILLS,
  VOLUNTEER_STATUSES,
} from '../../../../../cloudfunctions/features/volunteers/domain'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { call } from '../../../../services/cloud'
import '../../components/volunteers.scss'

/** A community's volunteer registrations for its worker: verify or reject, and reveal contacts. */
export default function VolunteerReviewPage() {
  const communityId = useRouter().params.communityId ?? ''
  const volunteers = useCloudQuery(
    useCallback(() => call('volunteers', 'listCommunity', { communityId }), [communityId]),
  )
  const [revealed, setRevealed] = useState<Record<string, string>>({})
  const [error, setError] = useState<string>()

  const review = async (volunteerId: string, decision: 'verified' | 'rejected') => {
    const result = await call('volunteers', 'review', {
      volunteerId,
      decision,
      ...(decision === 'rejected' ? { reason: '信息不完整，请核实后重新登记' } : {}),
    })
    if (!result.ok) return setError(result.error.message)
    setError(undefined)
    await volunteers.reload()
  }

  const reveal = async (volunteerId: string) => {
    const result = await call('volunteers', 'revealContact', { volunteerId })
    if (!result.ok) return setError(result.error.message)
    setRevealed((shown) => ({
      ...shown,
      [volunteerId]: `${result.data.realName} ${result.data.phone}`,
    }))
  }

  return (
    <View className='volunteers'>
      {error && <Text className='volunteers__error'>{error}</Text>}
      <QueryState
        query={volunteers}
        isEmpty={(list) => list.length === 0}
        emptyText='暂无志愿者登记'
      >
        {(list) => (
          <CellGroup title='志愿者登记'>
            {list.map((volunteer) => (
              <Cell
                key={volunteer.id}
                title={revealed[volunteer.id] ?? `${volunteer.realName} ${volunteer.phone}`}
                description={`${VOLUNTEER_KINDS[volunteer.kind]} · ${volunteer.skills.map((skill) => VOLUNTEER_SKILLS[skill]).join('、')} · ${VOLUNTEER_STATUSES[volunteer.status]}`}
                extra={
                  <View className='volunteers__choices'>
                    {!revealed[volunteer.id] && (
                      <Button size='small' onClick={() => void reveal(volunteer.id)}>
                        查看联系方式
                      </Button>
                    )}
                    {volunteer.status === 'pending' && (
                      <>
                        <Button
                          size='small'
                          type='primary'
                          onClick={() => void review(volunteer.id, 'verified')}
                        >
                          通过
                        </Button>
                        <Button size='small' onClick={() => void review(volunteer.id, 'rejected')}>
                          不通过
                        </Button>
                      </>
                    )}
                  </View>
                }
              />
            ))}
          </CellGroup>
        )}
      </QueryState>
    </View>
  )
}
