import { Button, Cell, CellGroup, Input, TextArea } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import type { CommunityView } from '../../../../cloudfunctions/features/api'
import {
  PERSONAL_NEED_CATEGORIES,
  PERSONAL_NEED_KINDS,
  type PersonalNeedCategory,
  type PersonalNeedKind,
} from '../../../../cloudfunctions/shared/categories'
import { SingleChoice } from '../../../components/ChoiceButtons'
import { call } from '../../../services/cloud'
import { askToNotify } from '../../../services/subscriptions'
import './NeedForm.scss'

/** The resident's form for a personal need (报事/求助); the cloud validates it again. */
export function NeedForm({
  communities,
  homeCommunityId,
  onPosted,
}: {
  communities: (CommunityView & { streetName: string })[]
  homeCommunityId?: string
  onPosted: () => Promise<void>
}) {
  const [kind, setKind] = useState<PersonalNeedKind>('help')
  const [category, setCategory] = useState<PersonalNeedCategory | undefined>()
  const [description, setDescription] = useState('')
  const [contactPhone, setContactPhone] = useState('')
  const [communityId, setCommunityId] = useState(homeCommunityId ?? '')
  const [error, setError] = useState<string>()
  const [submitting, setSubmitting] = useState(false)
  const communityLabels = useMemo(
    () => communities.map((community) => `${community.streetName} · ${community.name}`),
    [communities],
  )
  const communityIndex = communities.findIndex((community) => community.id === communityId)

  const submit = async () => {
    if (!category) return setError('请选择需求类别')
    if (!communityId) return setError('请选择所在社区')
    setSubmitting(true)
    await askToNotify(['progressUpdate'])
    const result = await call('needs', 'post', {
      kind,
      category,
      description,
      communityId,
      ...(contactPhone.trim() ? { contactPhone: contactPhone.trim() } : {}),
    })
    setSubmitting(false)
    if (!result.ok) return setError(result.error.message)
    setError(undefined)
    await onPosted()
  }

  return (
    <>
      <CellGroup title='类型'>
        <Cell>
          <SingleChoice labels={PERSONAL_NEED_KINDS} value={kind} onChange={setKind} />
        </Cell>
      </CellGroup>
      <CellGroup title='需求类别'>
        <Cell>
          <SingleChoice labels={PERSONAL_NEED_CATEGORIES} value={category} onChange={setCategory} />
        </Cell>
      </CellGroup>
      <CellGroup title='需求描述'>
        <Cell>
          <TextArea
            value={description}
            onChange={setDescription}
            placeholder='请描述您遇到的问题或需要的帮助（至少 5 个字）'
            maxLength={500}
            showCount
          />
        </Cell>
      </CellGroup>
      <CellGroup title='所在社区与联系方式'>
        <Picker
          mode='selector'
          range={communityLabels}
          value={Math.max(communityIndex, 0)}
          onChange={(event) => setCommunityId(communities[Number(event.detail.value)].id)}
        >
          <Cell
            title='所在社区'
            extra={communityIndex >= 0 ? communityLabels[communityIndex] : '请选择'}
            clickable
          />
        </Picker>
        <Cell>
          <Input
            type='tel'
            value={contactPhone}
            onChange={setContactPhone}
            placeholder='联系电话（选填，仅社区工作人员可见部分号码）'
            maxLength={11}
          />
        </Cell>
      </CellGroup>
      {error && <Text className='post-need-form__error'>{error}</Text>}
      <View className='post-need-form__actions'>
        <Button block type='primary' loading={submitting} onClick={() => void submit()}>
          提交需求
        </Button>
      </View>
    </>
  )
}
