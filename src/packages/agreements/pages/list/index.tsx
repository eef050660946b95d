import { Button, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  type AgreementKind,
} from '../../../../../cloudfunctions/features/agreements/domain'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import '../../components/Agreements.scss'

type Scope = 'district' | 'street' | 'community' | 'organization'

/** The kind of agreement each first party drafts: the district with streets, the others with organizations. */
const DRAFTS: Partial<Record<Scope, AgreementKind>> = {
  district: 'district_street',
  street: 'street_organization',
  community: 'community_organization',
}

/** The agreements of a district, a street, a community or an organization. */
export default function AgreementsPage() {
  const params = useRouter().params
  const scope = (params.scope ?? 'organization') as Scope
  const id = params.id ?? ''
  const agreements = useCloudQuery(
    useCallback(() => call('agreements', 'list', { scope, id }), [scope, id]),
  )
  const draftKind = DRAFTS[scope]
  return (
    <View className='agreements-page'>
      {draftKind && (
        <View className='agreement-actions'>
          <Button
            type='primary'
            block
            onClick={() => void Taro.navigateTo({ url: ROUTES.createAgreement(draftKind, id) })}
          >
            起草{AGREEMENT_KINDS[draftKind]}
          </Button>
        </View>
      )}
      <QueryState query={agreements} isEmpty={(page) => page.total === 0} emptyText='暂无共建协议'>
        {(page) =>
          page.items.map((agreement) => (
            <View
              key={agreement.id}
              className='agreement-card'
              onClick={() => void Taro.navigateTo({ url: ROUTES.agreement(agreement.id) })}
            >
              <Text className='agreement-card__title'>{agreement.title}</Text>
              <Tag type={agreement.status === 'in_force' ? 'success' : 'default'} plain>
                {AGREEMENT_STATUSES[agreement.status]}
              </Tag>
              <Text className='agreement-meta'>
                甲方 {agreement.firstParty.name} · 乙方 {agreement.secondParty.name}
              </Text>
              <Text className='agreement-meta'>
                期限 {agreement.term.from} 至 {agreement.term.to}
                {agreement.signedOn ? ` · ${agreement.signedOn} 签订` : ''}
              </Text>
            </View>
          ))
        }
      </QueryState>
    </View>
  )
}
