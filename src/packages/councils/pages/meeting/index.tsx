import { Button, Cell, CellGroup, Input, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type { CouncilMeetingView, Result } from '../../../../../cloudfunctions/features/api'
import { OUTCOME_LABELS, VOTE_LABELS } from '../../../../../cloudfunctions/features/councils/domain'
import { MultiChoice } from '../../../../components/ChoiceButtons'
import { QueryState } from '../../../../components/QueryState'
import { useAction } from '../../../../hooks/useAction'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import '../../components/Councils.scss'

/** A quarter's council meeting: agenda, attendance, items and votes, then the minutes. */
export default function CouncilMeetingPage() {
  const meetingId = useRouter().params.meetingId ?? ''
  const meeting = useCloudQuery(
    useCallback(() => call('councils', 'meeting', { meetingId }), [meetingId]),
  )
  const { error, run } = useAction()
  const act = async (pending: Promise<Result<CouncilMeetingView>>) => {
    if (await run(pending)) await meeting.reload()
  }
  return (
    <View className='councils-page'>
      <QueryState query={meeting}>
        {(view) => (
          <>
            <Text className='council-card__title'>
              {view.streetName} {view.quarter} 共建议事会
            </Text>
            <Tag type={view.status === 'open' ? 'success' : 'default'} plain>
              {view.status === 'open' ? '进行中' : '已结束'}
            </Tag>
            <Text className='council-meta'>
              {view.heldOn} · 应到 {view.members.length} 人，实到 {view.presentCount} 人
              {view.quorum ? '（已达法定人数）' : '（未达法定人数）'}
            </Text>
            {error && <Text className='council-error'>{error}</Text>}
            {view.canManage ? (
              <Attendance view={view} act={act} />
            ) : (
              <CellGroup title='出席'>
                {view.members.map((member) => (
                  <Cell
                    key={member.userId}
                    title={member.name}
                    description={member.seatLabel}
                    extra={member.present ? '出席' : '缺席'}
                  />
                ))}
              </CellGroup>
            )}
            <Agenda view={view} act={act} />
            <Text className='council-section'>议题与表决</Text>
            {view.items.length === 0 && <Text className='council-meta'>暂无议题</Text>}
            {view.items.map((item) => (
              <View key={item.id} className='council-card'>
                <Text className='council-card__title'>{item.title}</Text>
                <Text className='council-meta'>
                  同意 {item.tally.for} · 反对 {item.tally.against} · 弃权 {item.tally.abstain}
                  {item.outcome ? ` · ${OUTCOME_LABELS[item.outcome]}` : ''}
                </Text>
                {item.voters.length > 0 && (
                  <Text className='council-meta'>
                    {item.voters
                      .map((vote) => `${vote.name}${VOTE_LABELS[vote.choice]}`)
                      .join('、')}
                  </Text>
                )}
                {item.myVote && (
                  <Text className='council-meta'>我的表决：{VOTE_LABELS[item.myVote]}</Text>
                )}
                {item.unfulfilled && <Text className='council-error'>{item.unfulfilled}</Text>}
                {item.projectId && (
                  <Button
                    size='small'
                    onClick={() =>
                      void Taro.navigateTo({ url: ROUTES.projectDetail(item.projectId!) })
                    }
                  >
                    查看共建项目
                  </Button>
                )}
                {item.canVote && (
                  <View className='council-votes'>
                    {(['for', 'against', 'abstain'] as const).map((choice) => (
                      <Button
                        key={choice}
                        size='small'
                        type={choice === 'for' ? 'primary' : 'default'}
                        onClick={() =>
                          void act(
                            call('councils', 'vote', {
                              meetingId: view.id,
                              itemId: item.id,
                              choice,
                            }),
                          )
                        }
                      >
                        {VOTE_LABELS[choice]}
                      </Button>
                    ))}
                  </View>
                )}
              </View>
            ))}
            {view.canManage && <MotionForm meetingId={view.id} act={act} />}
            {view.canManage && (
              <View className='council-actions'>
                <Button
                  type='primary'
                  block
                  onClick={() => void act(call('councils', 'close', { meetingId: view.id }))}
                >
                  结束会议并发布纪要
                </Button>
              </View>
            )}
            {view.minutes && (
              <>
                <Text className='council-section'>会议纪要</Text>
                <Text className='council-meta' style={{ whiteSpace: 'pre-wrap' }}>
                  {view.minutes}
                </Text>
              </>
            )}
          </>
        )}
      </QueryState>
    </View>
  )
}

interface PartProps {
  view: CouncilMeetingView
  act: (pending: Promise<Result<CouncilMeetingView>>) => Promise<void>
}

function Attendance({ view, act }: PartProps) {
  const [present, setPresent] = useState(
    view.members.filter((member) => member.present).map((member) => member.userId),
  )
  const labels = Object.fromEntries(
    view.members.map((member) => [member.userId, `${member.name}（${member.seatLabel}）`]),
  )
  return (
    <CellGroup title='出席登记'>
      <MultiChoice labels={labels} value={present} onChange={setPresent} />
      <Button
        block
        onClick={() => void act(call('councils', 'attend', { meetingId: view.id, present }))}
      >
        登记出席
      </Button>
    </CellGroup>
  )
}

/**
 * What the product put before the meeting. The street's admin picks a need and a resource (or a
 * matching proposal) and puts the allocation to the vote.
 */
function Agenda({ view, act }: PartProps) {
  const [needId, setNeedId] = useState<string>()
  const [offeringId, setOfferingId] = useState<string>()
  const [quantity, setQuantity] = useState('')
  const { agenda, canManage } = view
  const allocate = (need: string, offering: string, units: number) =>
    act(
      call('councils', 'addItem', {
        meetingId: view.id,
        kind: 'allocation',
        needId: need,
        offeringId: offering,
        quantity: units,
      }),
    )
  const rowClass = (chosen: boolean) => `council-row${chosen ? ' council-row--chosen' : ''}`
  return (
    <>
      <Text className='council-section'>议程（系统生成）</Text>
      <Text className='council-meta'>待满足的需求（{agenda.openNeeds.length}）</Text>
      {agenda.openNeeds.map((need) => (
        <Cell
          key={need.needId}
          className={rowClass(need.needId === needId)}
          title={`${need.communityName}「${need.title}」`}
          description={`尚缺 ${need.remaining} ${need.unit}`}
          extra={need.needId === needId ? '已选' : undefined}
          clickable={canManage}
          onClick={() => canManage && setNeedId(need.needId)}
        />
      ))}
      <Text className='council-meta'>超期未认领（{agenda.overdueNeeds.length}）</Text>
      {agenda.overdueNeeds.map((need) => (
        <Text key={need.needId} className='council-row'>
          {need.communityName}「{need.title}」已等待 {need.daysWaiting} 天
        </Text>
      ))}
      <Text className='council-meta'>闲置资源（{agenda.unusedResources.length}）</Text>
      {agenda.unusedResources.map((resource) => (
        <Cell
          key={resource.offeringId}
          className={rowClass(resource.offeringId === offeringId)}
          title={resource.title}
          description={`${resource.organizationName} · 本期剩余 ${resource.remaining} ${resource.unit}`}
          extra={resource.offeringId === offeringId ? '已选' : undefined}
          clickable={canManage}
          onClick={() => canManage && setOfferingId(resource.offeringId)}
        />
      ))}
      <Text className='council-meta'>停滞项目（{agenda.stalledProjects.length}）</Text>
      {agenda.stalledProjects.map((project) => (
        <Text key={project.projectId} className='council-row'>
          {project.communityName}「{project.title}」（{project.organizationName}）两个月无进展
        </Text>
      ))}
      <Text className='council-meta'>本季度匹配方案（{agenda.proposals.length}）</Text>
      {agenda.proposals.map((proposal) => (
        <View key={proposal.proposalId} className='council-row'>
          <Text>
            {proposal.organizationName}「{proposal.offeringTitle}」→ {proposal.communityName}「
            {proposal.needTitle}」{proposal.quantity} {proposal.unit}
          </Text>
          {canManage && (
            <Button
              size='small'
              onClick={() => void allocate(proposal.needId, proposal.offeringId, proposal.quantity)}
            >
              按方案列入表决
            </Button>
          )}
        </View>
      ))}
      {canManage && (
        <CellGroup title='资源分配议题：先点选需求和资源'>
          <Cell>
            <Input type='number' value={quantity} onChange={setQuantity} placeholder='分配数量' />
          </Cell>
          <Button
            block
            disabled={!needId || !offeringId}
            onClick={() => void allocate(needId ?? '', offeringId ?? '', Number(quantity))}
          >
            列入表决
          </Button>
        </CellGroup>
      )}
    </>
  )
}

function MotionForm({ meetingId, act }: { meetingId: string } & Pick<PartProps, 'act'>) {
  const [title, setTitle] = useState('')
  return (
    <CellGroup title='其他议题'>
      <Cell>
        <Input value={title} onChange={setTitle} placeholder='议题，如：下季度开展联合培训' />
      </Cell>
      <Button
        block
        onClick={() => void act(call('councils', 'addItem', { meetingId, kind: 'motion', title }))}
      >
        提出议题
      </Button>
    </CellGroup>
  )
}
