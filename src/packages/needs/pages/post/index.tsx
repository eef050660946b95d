import { Button, Cell, CellGroup, Input, Radio, TextArea } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useMemo, useState } from 'react'
import type { CommunityView } from '../../../../../cloudfunctions/shared/contract'
import {
  PERSONAL_NEED_CATEGORIES,
  PERSONAL_NEED_KINDS,
  type PersonalNeedCategory,
  type PersonalNeedKind,
} from '../../../../../cloudfunctions/shared/domain/categories'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import './index.scss'

const KIND_OPTIONS = Object.entries(PERSONAL_NEED_KINDS).map(([value, label]) => ({ value, label }))
const CATEGORY_OPTIONS = Object.entries(PERSONAL_NEED_CATEGORIES).map(([value, label]) => ({
  value,
  label,
}))

export default function PostNeedPage() {
  const context = useCloudQuery(
    useCallback(async () => {
      const [me, tree] = await Promise.all([call('account', 'me'), call('directory', 'tree')])
      if (!me.ok) return me
      if (!tree.ok) return tree
      const communities = tree.data.streets.flatMap((street) =>
        street.communities.map((community) => ({ ...community, streetName: street.name })),
      )
      return { ok: true as const, data: { me: me.data, communities } }
    }, []),
  )
  return (
    <View className='post-need'>
      <QueryState query={context}>
        {({ me, communities }) => (
          <NeedForm communities={communities} homeCommunityId={me.homeCommunity?.id} />
        )}
      </QueryState>
    </View>
  )
}

function NeedForm({
  communities,
  homeCommunityId,
}: {
  communities: (CommunityView & { streetName: string })[]
  homeCommunityId?: string
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
    await Taro.showToast({ title: '已提交，社区会尽快受理', icon: 'success' })
    await Taro.redirectTo({ url: ROUTES.myNeeds })
  }

  return (
    <>
      <CellGroup title='类型'>
        <Cell>
          <Radio.Group
            direction='horizontal'
            value={kind}
            onChange={(value) => setKind(value as PersonalNeedKind)}
          >
            {KIND_OPTIONS.map((option) => (
              <Radio key={option.value} value={option.value} shape='button'>
                {option.label}
              </Radio>
            ))}
          </Radio.Group>
        </Cell>
      </CellGroup>
      <CellGroup title='需求类别'>
        <Cell>
          <Radio.Group
            className='post-need__categories'
            direction='horizontal'
            value={category}
            onChange={(value) => setCategory(value as PersonalNeedCategory)}
          >
            {CATEGORY_OPTIONS.map((option) => (
              <Radio key={option.value} value={option.value} shape='button'>
                {option.label}
              </Radio>
            ))}
          </Radio.Group>
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
      {error && <Text className='post-need__error'>{error}</Text>}
      <View className='post-need__actions'>
        <Button block type='primary' loading={submitting} onClick={() => void submit()}>
          提交需求
        </Button>
      </View>
    </>
  )
}
