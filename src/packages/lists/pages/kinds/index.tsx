import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import {
  SERVICE_DOMAINS,
  type ServiceDomain,
} from '../../../../../cloudfunctions/shared/categories'
import { MEASURES, type Measure } from '../../../../../cloudfunctions/shared/serviceKinds'
import { SingleChoice } from '../../../../components/ChoiceButtons'
import { QueryState } from '../../../../components/QueryState'
import { call } from '../../../../services/cloud'
import { useServiceKinds } from '../../hooks/useServiceKinds'
import '../../components/lists.scss'
import { Field } from '../../../../components/Field'

/** A district admin sees the service kinds both lists pick from and adds the district's own. */
export default function ServiceKindsPage() {
  const districtId = useRouter().params.districtId ?? ''
  const { kinds } = useServiceKinds()
  const [label, setLabel] = useState('')
  const [domain, setDomain] = useState<ServiceDomain>()
  const [measure, setMeasure] = useState<Measure>('sessions')
  const [keywords, setKeywords] = useState('')
  const [error, setError] = useState<string>()
  const [submitting, setSubmitting] = useState(false)

  const submit = async () => {
    if (!domain) return setError('请选择服务领域')
    setSubmitting(true)
    const result = await call('lists', 'addKind', {
      districtId,
      label,
      domain,
      measure,
      keywords: keywords.split(/[，,\s]+/).filter(Boolean),
    })
    setSubmitting(false)
    if (!result.ok) return setError(result.error.message)
    setError(undefined)
    setLabel('')
    setKeywords('')
    await Taro.showToast({ title: '已增加', icon: 'success' })
    await kinds.reload()
  }

  return (
    <View className='lists-form'>
      <CellGroup title='服务类型（双清单共用）'>
        <QueryState query={kinds}>
          {(list) => (
            <>
              {list.map((kind) => (
                <Cell
                  key={kind.id}
                  title={kind.label}
                  description={`${SERVICE_DOMAINS[kind.domain]} · 按${MEASURES[kind.measure]}计${kind.custom ? ' · 本区增加' : ''}`}
                />
              ))}
            </>
          )}
        </QueryState>
      </CellGroup>
      <CellGroup title='增加服务类型'>
        <Cell>
          <Input value={label} onChange={setLabel} placeholder='名称，如：助餐服务' />
        </Cell>
        <Field label='服务领域'>
          <SingleChoice labels={SERVICE_DOMAINS} value={domain} onChange={setDomain} />
        </Field>
        <Field label='计量方式'>
          <SingleChoice labels={MEASURES} value={measure} onChange={setMeasure} />
        </Field>
        <Cell>
          <Input
            value={keywords}
            onChange={setKeywords}
            placeholder='关键词（选填，逗号分隔），如：助餐，送餐'
          />
        </Cell>
      </CellGroup>
      {error && <Text className='lists-form__error'>{error}</Text>}
      <View className='lists-form__actions'>
        <Button block type='primary' loading={submitting} onClick={() => void submit()}>
          增加服务类型
        </Button>
      </View>
    </View>
  )
}
