import { Button, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type { ResourceOfferingView } from '../../../../../cloudfunctions/features/api'
import { SERVICE_DOMAINS } from '../../../../../cloudfunctions/shared/categories'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { LineEditor, OFFERING_WORDS, editOffering } from '../../components/LineEditor'
import { PERIOD_LABELS } from '../../labels'
import { formatDate } from '../../../../services/dates'
import '../../components/lists.scss'

/** An organization's resource list, with the capacity still free on each line. */
export default function OfferingsPage() {
  const organizationId = useRouter().params.organizationId ?? ''
  const offerings = useCloudQuery(
    useCallback(() => call('lists', 'listOfferings', { organizationId }), [organizationId]),
  )
  const [editing, setEditing] = useState<string>()
  const resume = async (offering: ResourceOfferingView) => {
    const result = await call('lists', 'setOfferingStatus', {
      offeringId: offering.id,
      status: 'active',
    })
    if (!result.ok) await Taro.showToast({ title: result.error.message, icon: 'none' })
    await offerings.reload()
  }
  return (
    <View className='lists-page'>
      <View className='lists-page__actions'>
        <Button
          type='primary'
          size='small'
          onClick={() => void Taro.navigateTo({ url: ROUTES.publishOffering(organizationId) })}
        >
          发布资源
        </Button>
        <Button
          size='small'
          onClick={() =>
            void Taro.navigateTo({ url: ROUTES.organizationProposals(organizationId) })
          }
        >
          匹配方案
        </Button>
      </View>
      <QueryState query={offerings} isEmpty={(page) => page.total === 0} emptyText='还没有发布资源'>
        {(page) => (
          <>
            {page.items.map((offering) => (
              <View key={offering.id} className='line-card'>
                <Text className='line-card__title'>{offering.title}</Text>
                <Text className='line-card__meta'>
                  {offering.domains.map((domain) => SERVICE_DOMAINS[domain]).join('、')}
                </Text>
                <Text className='line-card__meta'>
                  {PERIOD_LABELS[offering.period]} {offering.capacity} {offering.unit}，
                  {offering.period === 'year' ? '今年' : offering.period === 'once' ? '' : '本季度'}
                  剩余 {offering.remaining} {offering.unit}
                </Text>
                <Text className='line-card__meta'>
                  {formatDate(offering.availability.from)} 至 {formatDate(offering.availability.to)}
                </Text>
                <View className='line-card__actions'>
                  <Tag type={offering.status === 'active' ? 'success' : 'default'} plain>
                    {offering.status === 'active' ? '提供中' : '已暂停'}
                  </Tag>
                  {offering.canEdit && offering.status === 'paused' && (
                    <Button size='small' onClick={() => void resume(offering)}>
                      恢复提供
                    </Button>
                  )}
                  {offering.canEdit && offering.status === 'active' && (
                    <Button
                      size='small'
                      onClick={() => setEditing(editing === offering.id ? undefined : offering.id)}
                    >
                      {editing === offering.id ? '收起' : '修改或暂停'}
                    </Button>
                  )}
                </View>
                {editing === offering.id && (
                  <LineEditor
                    line={{
                      ...offering,
                      quantity: offering.capacity,
                      window: offering.availability,
                    }}
                    words={OFFERING_WORDS}
                    {...editOffering(offering.id)}
                    onDone={async () => {
                      setEditing(undefined)
                      await offerings.reload()
                    }}
                  />
                )}
              </View>
            ))}
          </>
        )}
      </QueryState>
    </View>
  )
}
