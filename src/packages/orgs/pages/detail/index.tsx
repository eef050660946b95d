import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import {
  GRADE_STATUSES,
  INCUBATION_STAGES,
  REGISTRATION_KINDS,
} from '../../../../../cloudfunctions/features/organizations/domain'
import { formatHours } from '../../../../../cloudfunctions/features/volunteers/domain'
import { ORGANIZATION_KINDS } from '../../../../../cloudfunctions/shared/categories'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** An organization's registry record, its grade's validity, and what it did in the product. */
export default function OrganizationDetailPage() {
  const orgId = useRouter().params.orgId ?? ''
  const detail = useCloudQuery(
    useCallback(() => call('organizations', 'detail', { orgId }), [orgId]),
  )
  return (
    <View className='page'>
      <QueryState query={detail}>
        {(org) => (
          <>
            <View className='page__card'>
              <Text className='page__title'>{org.name}</Text>
              <Text className='page__line'>{org.description}</Text>
            </View>
            <CellGroup title='登记信息'>
              <Cell
                title='类型'
                extra={[ORGANIZATION_KINDS[org.kind], org.streetName].filter(Boolean).join(' · ')}
              />
              <Cell
                title='登记/备案'
                extra={org.registration ? REGISTRATION_KINDS[org.registration] : '未登记'}
              />
              {org.creditCode && <Cell title='统一社会信用代码' extra={org.creditCode} />}
              {org.registeredOn && <Cell title='登记日期' extra={org.registeredOn} />}
              <Cell
                title='评估等级'
                description={
                  org.gradeExpiresOn
                    ? `${org.gradeAwardedOn} 评定，有效期至 ${org.gradeExpiresOn}${org.gradeCertNo ? ` · ${org.gradeCertNo}` : ''}`
                    : undefined
                }
                extra={
                  org.grade ? (
                    <Text className={org.gradeStatus === 'expired' ? 'page__warn' : 'page__ok'}>
                      {org.grade} {GRADE_STATUSES[org.gradeStatus ?? 'valid']}
                    </Text>
                  ) : (
                    '未评估'
                  )
                }
              />
              {org.incubation && (
                <Cell title='孵化阶段' extra={INCUBATION_STAGES[org.incubation]} />
              )}
              {org.contact && (
                <Cell title='联系人' extra={`${org.contact.name} ${org.contact.phone}`} />
              )}
              {org.services.length > 0 && (
                <Cell title='服务项目' description={org.services.join('、')} />
              )}
            </CellGroup>
            <CellGroup title='服务成效（由平台记录自动统计）'>
              <Cell
                title='共建项目'
                extra={`${org.portfolio.projects} 个（进行中 ${org.portfolio.activeProjects}）`}
              />
              <Cell
                title='领题揭榜'
                extra={`${org.portfolio.claims} 次（通过 ${org.portfolio.approvedClaims}）`}
              />
              <Cell title='服务人次' extra={`${org.portfolio.peopleServed} 人次`} />
              <Cell
                title='志愿服务时长'
                extra={`${formatHours(org.portfolio.volunteerMinutes)} 小时`}
              />
              <Cell title='主办培训' extra={`${org.portfolio.trainingsHosted} 场`} />
              <Cell
                title='评价'
                extra={
                  org.portfolio.averageRating === null
                    ? '暂无评价'
                    : `${org.portfolio.averageRating} 分（${org.portfolio.ratings} 条）`
                }
              />
            </CellGroup>
            <CellGroup title='管理'>
              {org.canEdit && (
                <Cell title='维护登记信息' clickable onClick={go(ROUTES.orgEdit(org.id))} />
              )}
              {org.canManagePeople && (
                <Cell
                  title='成员与管理员'
                  description='邀请、移除成员'
                  clickable
                  onClick={go(ROUTES.roleScope('org', org.id))}
                />
              )}
              {(org.canEdit || org.canManagePeople) && (
                <>
                  <Cell title='发布培训' clickable onClick={go(ROUTES.publishTraining(org.id))} />
                  <Cell title='培训统计' clickable onClick={go(ROUTES.trainingReport(org.id))} />
                </>
              )}
            </CellGroup>
          </>
        )}
      </QueryState>
    </View>
  )
}
