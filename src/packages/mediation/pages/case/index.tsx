import { Button, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useCallback, useState } from 'react'
import {
  CASE_STATUSES,
  DISPUTE_TYPES,
  OUTCOMES,
  PARTY_SIDES,
  PERFORMANCE,
  RISK_LEVELS,
} from '../../../../../cloudfunctions/features/mediation/domain'
import { QueryState } from '../../../../components/QueryState'
import { useAction } from '../../../../hooks/useAction'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { call } from '../../../../services/cloud'
import { openFile } from '../../../../services/files'
import {
  AgreementForm,
  AssignForm,
  CloseForm,
  FollowUpForm,
  SessionForm,
} from '../../components/CaseForms'
import '../../components/Mediation.scss'

const at = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm')

/** One mediation case: what happened so far, and the next step for its mediators and workers. */
export default function MediationCasePage() {
  const caseId = useRouter().params.caseId ?? ''
  const detail = useCloudQuery(useCallback(() => call('mediation', 'detail', { caseId }), [caseId]))
  const { error, run } = useAction()
  const [phones, setPhones] = useState<Record<number, string>>({})
  const downloadAgreement = async () => {
    const file = await run(call('mediation', 'agreementDocument', { caseId }))
    if (file) await openFile(file, 'pdf')
  }
  const reveal = async (partyIndex: number) => {
    const revealed = await run(call('mediation', 'revealParty', { caseId, partyIndex }))
    if (revealed) setPhones({ ...phones, [partyIndex]: revealed.phone })
  }
  return (
    <View className='mediation-page'>
      <QueryState query={detail}>
        {(item) => (
          <>
            <View className='case-card__header'>
              <Text className={`case-risk case-risk--${item.riskLevel}`}>
                {RISK_LEVELS[item.riskLevel]}
              </Text>
              <Text className='case-card__type'>{DISPUTE_TYPES[item.disputeType]}</Text>
              <Tag type={item.status === 'closed' ? 'default' : 'success'} plain>
                {item.outcome ? OUTCOMES[item.outcome] : CASE_STATUSES[item.status]}
              </Tag>
            </View>
            <Text className='mediation-meta'>
              案号 {item.caseNo} · {item.communityName} · {item.sourceLabel}
            </Text>
            <Text className='mediation-meta'>
              {item.acceptedByName} 于 {at(item.createdAt)} 受理，应于{' '}
              {dayjs(item.dueAt).format('YYYY-MM-DD')} 前调结
            </Text>
            {item.overdue && <Text className='mediation-error'>已超过一个月调解期限</Text>}
            {item.escalatedAt && (
              <Text className='mediation-error'>已于 {at(item.escalatedAt)} 上报街道</Text>
            )}
            <Text className='mediation-free'>人民调解免费，不收取任何费用。</Text>

            <Text className='mediation-section'>纠纷事实</Text>
            <Text className='mediation-text'>{item.facts}</Text>

            <Text className='mediation-section'>当事人</Text>
            {item.parties.map((party, index) => (
              <View key={index} className='mediation-figure'>
                <Text>
                  {PARTY_SIDES[party.side]}：{party.name}
                </Text>
                {phones[index] ? (
                  <Text onClick={() => void Taro.makePhoneCall({ phoneNumber: phones[index] })}>
                    拨打 {phones[index]}
                  </Text>
                ) : party.phone && item.can.revealParty ? (
                  <Text onClick={() => void reveal(index)}>{party.phone} 查看号码</Text>
                ) : (
                  <Text>{party.phone ?? ''}</Text>
                )}
              </View>
            ))}
            {error && <Text className='mediation-error'>{error}</Text>}

            <Text className='mediation-section'>调解员</Text>
            <Text className='mediation-text'>
              {item.mediatorNames.length ? item.mediatorNames.join('、') : '待指派'}
            </Text>

            {item.sessions.length > 0 && <Text className='mediation-section'>调解记录</Text>}
            {item.sessions.map((session) => (
              <View key={session.id} className='case-card'>
                <Text className='mediation-meta'>
                  {at(session.at)} · {session.place} · 记录人 {session.byName}
                </Text>
                <Text className='mediation-meta'>参加：{session.attendees.join('、')}</Text>
                <Text className='mediation-text'>{session.record}</Text>
              </View>
            ))}

            {item.agreement && (
              <>
                <Text className='mediation-section'>调解协议</Text>
                <View className='case-card'>
                  <Text className='mediation-text'>{item.agreement.terms}</Text>
                  <Text className='mediation-meta'>
                    履行：{item.agreement.performance.how}，地点 {item.agreement.performance.where}
                    ，期限 {item.agreement.performance.by}
                  </Text>
                  <Text className='mediation-meta'>
                    {item.agreement.signatories.join('、')} 于 {item.agreement.signedOn} 签订
                  </Text>
                </View>
                {item.can.readAgreement && (
                  <Button type='default' block onClick={() => void downloadAgreement()}>
                    下载调解协议书（PDF）
                  </Button>
                )}
              </>
            )}

            {item.followUps.length > 0 && <Text className='mediation-section'>回访</Text>}
            {item.followUps.map((followUp) => (
              <View key={followUp.id} className='case-card'>
                <Text className='mediation-meta'>
                  {at(followUp.at)} · {followUp.byName} · {PERFORMANCE[followUp.performance]}
                </Text>
                <Text className='mediation-text'>{followUp.note}</Text>
              </View>
            ))}

            {item.closed && (
              <>
                <Text className='mediation-section'>结案</Text>
                <Text className='mediation-text'>
                  {OUTCOMES[item.closed.result]}：{item.closed.summary}
                </Text>
                {item.closed.referral && (
                  <Text className='mediation-meta'>已引导至：{item.closed.referral}</Text>
                )}
                <Text className='mediation-meta'>
                  {item.closed.byName} 于 {at(item.closed.at)} 结案
                </Text>
              </>
            )}

            <View className='mediation-actions'>
              {item.can.assign && <AssignForm item={item} onDone={detail.reload} />}
              {item.can.recordSession && <SessionForm item={item} onDone={detail.reload} />}
              {item.can.recordAgreement && <AgreementForm item={item} onDone={detail.reload} />}
              {item.can.recordFollowUp && <FollowUpForm item={item} onDone={detail.reload} />}
              {(item.can.closeSuccess || item.can.closeFailed) && (
                <CloseForm key={item.status} item={item} onDone={detail.reload} />
              )}
            </View>
          </>
        )}
      </QueryState>
    </View>
  )
}
