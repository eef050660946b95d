import { Button, Cell, CellGroup, Input, TextArea } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type {
  ActionInput,
  DistrictTreeView,
  OrganizationDetailView,
} from '../../../../../cloudfunctions/features/api'
import {
  GRADE_LEVELS,
  INCUBATION_STAGES,
  REGISTRATION_KINDS,
  type GradeLevel,
  type IncubationStage,
  type RegistrationKind,
} from '../../../../../cloudfunctions/features/organizations/domain'
import { ORGANIZATION_KINDS } from '../../../../../cloudfunctions/shared/categories'
import { SingleChoice } from '../../../../components/ChoiceButtons'
import { PickerCell } from '../../../../components/PickerCell'
import { QueryState } from '../../../../components/QueryState'
import { useAction } from '../../../../hooks/useAction'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { withAll } from '../../labels'

type Kind = keyof typeof ORGANIZATION_KINDS
const GRADES = withAll(
  Object.fromEntries(GRADE_LEVELS.map((level) => [level, level])) as Record<GradeLevel, string>,
)

/** Enter or correct an organization's registry record: registration, credit code, grade. */
export default function OrganizationEditPage() {
  const orgId = useRouter().params.orgId ?? ''
  const context = useCloudQuery(
    useCallback(async () => {
      const [tree, detail] = await Promise.all([
        call('directory', 'tree'),
        orgId ? call('organizations', 'detail', { orgId }) : Promise.resolve(undefined),
      ])
      if (!tree.ok) return tree
      if (detail && !detail.ok) return detail
      return { ok: true as const, data: { tree: tree.data, detail: detail?.data } }
    }, [orgId]),
  )
  return (
    <View className='page'>
      <QueryState query={context}>
        {({ tree, detail }) => <OrganizationForm tree={tree} detail={detail} />}
      </QueryState>
    </View>
  )
}

function OrganizationForm({
  tree,
  detail,
}: {
  tree: DistrictTreeView
  detail?: OrganizationDetailView
}) {
  const [name, setName] = useState(detail?.name ?? '')
  const [kind, setKind] = useState<Kind>(detail?.kind ?? 'social_org')
  const [streetId, setStreetId] = useState(detail?.streetId ?? '')
  const [registration, setRegistration] = useState<RegistrationKind>(
    detail?.registration ?? 'registered',
  )
  const [creditCode, setCreditCode] = useState(detail?.creditCode ?? '')
  const [registeredOn, setRegisteredOn] = useState(detail?.registeredOn ?? '')
  const [description, setDescription] = useState(detail?.description ?? '')
  const [grade, setGrade] = useState<GradeLevel | 'all'>(detail?.grade ?? 'all')
  const [awardedOn, setAwardedOn] = useState(detail?.gradeAwardedOn ?? '')
  const [certNo, setCertNo] = useState(detail?.gradeCertNo ?? '')
  const [incubation, setIncubation] = useState<IncubationStage | 'all'>(detail?.incubation ?? 'all')
  const [contactName, setContactName] = useState(detail?.contact?.name ?? '')
  // Editors see the phone in full, so the form starts from the stored one.
  const [contactPhone, setContactPhone] = useState(detail?.contact?.phone ?? '')
  const [services, setServices] = useState((detail?.services ?? []).join('，'))
  const { error, run } = useAction()

  const save = async () => {
    const input: ActionInput<'organizations', 'save'> = {
      ...(detail ? { orgId: detail.id } : {}),
      name,
      kind,
      ...(streetId ? { streetId } : {}),
      registration,
      ...(creditCode.trim() ? { creditCode } : {}),
      ...(registeredOn ? { registeredOn } : {}),
      description,
      ...(grade !== 'all'
        ? { grade: { level: grade, awardedOn, ...(certNo.trim() ? { certNo } : {}) } }
        : {}),
      ...(incubation !== 'all' ? { incubation } : {}),
      ...(contactName.trim() && contactPhone.trim()
        ? { contact: { name: contactName, phone: contactPhone } }
        : {}),
      services: services
        .split(/[，,、]/)
        .map((item) => item.trim())
        .filter(Boolean),
    }
    const saved = await run(call('organizations', 'save', input))
    if (!saved) return
    await Taro.showToast({ title: '已保存', icon: 'success' })
    await Taro.redirectTo({ url: ROUTES.orgDetail(saved.id) })
  }

  const streets = tree.streets
  return (
    <>
      <CellGroup title='基本信息'>
        <Cell>
          <Input value={name} onChange={setName} placeholder='组织名称' />
        </Cell>
        <Cell>
          <SingleChoice labels={ORGANIZATION_KINDS} value={kind} onChange={setKind} />
        </Cell>
        <Picker
          mode='selector'
          range={streets.map((street) => street.name)}
          onChange={(event) => setStreetId(streets[Number(event.detail.value)]?.id ?? '')}
        >
          <Cell
            title='所属街道'
            extra={streets.find((street) => street.id === streetId)?.name ?? '全区'}
            clickable
          />
        </Picker>
        <Cell>
          <TextArea
            value={description}
            onChange={setDescription}
            placeholder='简介'
            maxLength={200}
          />
        </Cell>
        <Cell>
          <Input value={services} onChange={setServices} placeholder='服务项目，用逗号分隔' />
        </Cell>
      </CellGroup>
      <CellGroup title='登记'>
        <Cell>
          <SingleChoice
            labels={REGISTRATION_KINDS}
            value={registration}
            onChange={setRegistration}
          />
        </Cell>
        <Cell>
          <Input
            value={creditCode}
            onChange={setCreditCode}
            placeholder='统一社会信用代码（18 位）'
            maxLength={18}
          />
        </Cell>
        <PickerCell mode='date' title='登记日期' value={registeredOn} onChange={setRegisteredOn} />
      </CellGroup>
      <CellGroup title='评估等级（五年有效）'>
        <Cell>
          <SingleChoice labels={{ ...GRADES, all: '未评估' }} value={grade} onChange={setGrade} />
        </Cell>
        {grade !== 'all' && (
          <>
            <PickerCell mode='date' title='评定日期' value={awardedOn} onChange={setAwardedOn} />
            <Cell>
              <Input value={certNo} onChange={setCertNo} placeholder='证书编号' />
            </Cell>
          </>
        )}
      </CellGroup>
      <CellGroup title='孵化与联系人'>
        <Cell>
          <SingleChoice
            labels={{ all: '非孵化组织', ...INCUBATION_STAGES }}
            value={incubation}
            onChange={setIncubation}
          />
        </Cell>
        <Cell>
          <Input value={contactName} onChange={setContactName} placeholder='联系人' />
        </Cell>
        <Cell>
          <Input
            value={contactPhone}
            onChange={setContactPhone}
            placeholder='联系电话'
            type='tel'
          />
        </Cell>
      </CellGroup>
      {error && <Text className='page__error'>{error}</Text>}
      <View className='page__actions'>
        <Button type='primary' block onClick={() => void save()}>
          保存
        </Button>
      </View>
    </>
  )
}
