import { Button, Cell, CellGroup, Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import {
  DISPUTE_TYPES,
  PARTY_SIDES,
  RISK_LEVELS,
  type DisputeType,
  type PartySide,
  type RiskLevel,
} from '../../../../../cloudfunctions/features/mediation/domain'
import { SingleChoice } from '../../../../components/ChoiceButtons'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import '../../components/Mediation.scss'

const TRANSFER_SOURCES = {
  worker: '社区受理',
  police: '公安机关移交',
  court: '人民法院委托',
  government: '政府部门移交',
} as const
type TransferSource = keyof typeof TRANSFER_SOURCES

interface PartyDraft {
  side: PartySide
  name: string
  phone: string
}

/** A worker accepts a dispute as a mediation case: from a resident's report, or directly. */
export default function OpenMediationPage() {
  const { communityId = '', needId } = useRouter().params
  const [source, setSource] = useState<TransferSource>('worker')
  const [reference, setReference] = useState('')
  const [disputeType, setDisputeType] = useState<DisputeType>()
  const [riskLevel, setRiskLevel] = useState<RiskLevel>('yellow')
  const [facts, setFacts] = useState('')
  const [parties, setParties] = useState<PartyDraft[]>([
    { side: 'applicant', name: '', phone: '' },
    { side: 'respondent', name: '', phone: '' },
  ])
  const [error, setError] = useState<string>()
  const [submitting, setSubmitting] = useState(false)

  // From a resident's report: the resident is the applicant and their words start the facts.
  useEffect(() => {
    if (!needId) return
    void call('needs', 'detail', { needId }).then((result) => {
      if (!result.ok) return setError(result.error.message)
      setFacts(result.data.description)
      setParties((current) =>
        current.map((party, index) =>
          index === 0 ? { ...party, name: result.data.residentName } : party,
        ),
      )
    })
  }, [needId])

  const setParty = (index: number, change: Partial<PartyDraft>) =>
    setParties((current) =>
      current.map((party, at) => (at === index ? { ...party, ...change } : party)),
    )

  const submit = async () => {
    if (!disputeType) return setError('请选择纠纷类型')
    setSubmitting(true)
    const result = await call('mediation', 'open', {
      communityId,
      source: needId
        ? { kind: 'resident_need', needId }
        : source === 'worker'
          ? { kind: 'worker' }
          : { kind: source, reference },
      disputeType,
      riskLevel,
      facts,
      parties: parties.map((party) => ({
        side: party.side,
        name: party.name,
        ...(party.phone.trim() ? { phone: party.phone.trim() } : {}),
      })),
    })
    setSubmitting(false)
    if (!result.ok) return setError(result.error.message)
    await Taro.redirectTo({ url: ROUTES.mediationCase(result.data.id) })
  }

  return (
    <View className='mediation-page'>
      <Text className='mediation-free'>人民调解免费，不收取任何费用。</Text>
      {needId ? (
        <Text className='mediation-meta'>来源：居民报事</Text>
      ) : (
        <CellGroup title='案件来源'>
          <Cell>
            <SingleChoice labels={TRANSFER_SOURCES} value={source} onChange={setSource} />
          </Cell>
          {source !== 'worker' && (
            <Cell>
              <Input
                value={reference}
                onChange={setReference}
                placeholder='移交单位及文号，如：薛家岛派出所 2026-118'
                maxLength={100}
              />
            </Cell>
          )}
        </CellGroup>
      )}
      <CellGroup title='纠纷类型'>
        <Cell>
          <SingleChoice labels={DISPUTE_TYPES} value={disputeType} onChange={setDisputeType} />
        </Cell>
      </CellGroup>
      <CellGroup title='风险等级（红色将立即上报街道）'>
        <Cell>
          <SingleChoice labels={RISK_LEVELS} value={riskLevel} onChange={setRiskLevel} />
        </Cell>
      </CellGroup>
      <CellGroup title='纠纷事实'>
        <Cell>
          <TextArea
            value={facts}
            onChange={setFacts}
            placeholder='纠纷的起因、经过和双方诉求（至少 10 个字）'
            maxLength={1000}
            showCount
          />
        </Cell>
      </CellGroup>
      <CellGroup title='当事人'>
        {parties.map((party, index) => (
          <Cell key={index}>
            <View>
              <SingleChoice
                labels={PARTY_SIDES}
                value={party.side}
                onChange={(side) => setParty(index, { side })}
              />
              <Input
                value={party.name}
                onChange={(name) => setParty(index, { name })}
                placeholder={`当事人 ${index + 1} 姓名`}
                maxLength={20}
              />
              <Input
                type='tel'
                value={party.phone}
                onChange={(phone) => setParty(index, { phone })}
                placeholder='联系电话（选填）'
                maxLength={11}
              />
            </View>
          </Cell>
        ))}
        <Cell
          title='添加当事人'
          clickable
          onClick={() => setParties([...parties, { side: 'respondent', name: '', phone: '' }])}
        />
      </CellGroup>
      {error && <Text className='mediation-error'>{error}</Text>}
      <View className='mediation-actions'>
        <Button type='primary' block loading={submitting} onClick={() => void submit()}>
          受理为调解案件
        </Button>
      </View>
    </View>
  )
}
