import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type { MediationTeamView, Result } from '../../../../../cloudfunctions/features/api'
import { QueryState } from '../../../../components/QueryState'
import { useAction } from '../../../../hooks/useAction'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { call } from '../../../../services/cloud'
import '../../components/Mediation.scss'

/** The community's mediation team (e.g. 邻里解忧团): its members, and who may join. */
export default function MediationTeamPage() {
  const communityId = useRouter().params.communityId ?? ''
  const team = useCloudQuery(
    useCallback(() => call('mediation', 'team', { communityId }), [communityId]),
  )
  const { error, run } = useAction()
  const [title, setTitle] = useState('调解员')
  const change = async (pending: Promise<Result<MediationTeamView>>) => {
    if (await run(pending)) await team.reload()
  }
  return (
    <View className='mediation-page'>
      <QueryState query={team}>
        {(view) => (
          <>
            <Text className='mediation-section'>
              {view.name}（{view.members.length} 人）
            </Text>
            <CellGroup>
              {view.members.length === 0 && <Cell title='还没有成员' />}
              {view.members.map((member) => (
                <Cell
                  key={member.id}
                  title={member.name}
                  description={member.title}
                  extra={
                    view.canManage ? (
                      <Button
                        size='small'
                        onClick={() =>
                          void change(
                            call('mediation', 'removeMediator', { communityId, userId: member.id }),
                          )
                        }
                      >
                        移出
                      </Button>
                    ) : undefined
                  }
                />
              ))}
            </CellGroup>
            {error && <Text className='mediation-error'>{error}</Text>}
            {view.canManage && (
              <>
                <Text className='mediation-section'>
                  添加成员（本社区已认证志愿者、社区工作者）
                </Text>
                <Cell>
                  <Input
                    value={title}
                    onChange={setTitle}
                    placeholder='称谓，如：明白人、法律顾问'
                    maxLength={20}
                  />
                </Cell>
                <CellGroup>
                  {view.candidates.length === 0 && <Cell title='没有可添加的人员' />}
                  {view.candidates.map((candidate) => (
                    <Cell
                      key={candidate.id}
                      title={candidate.name}
                      description={candidate.kind}
                      extra={
                        <Button
                          size='small'
                          type='primary'
                          onClick={() =>
                            void change(
                              call('mediation', 'addMediator', {
                                communityId,
                                userId: candidate.id,
                                title,
                              }),
                            )
                          }
                        >
                          加入
                        </Button>
                      }
                    />
                  ))}
                </CellGroup>
              </>
            )}
          </>
        )}
      </QueryState>
    </View>
  )
}
