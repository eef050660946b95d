import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { SERVICE_DOMAINS } from '../../../../../cloudfunctions/shared/categories'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { ProjectSummary } from '../../components/ProjectSummary'
import '../../../../components/NeedCard.scss'

/**
 * A community's, a street's or an organization's co-build projects with their counts by category
 * and list.
 */
export default function ProjectsListPage() {
  const { communityId, streetId, organizationId } = useRouter().params
  const projects = useCloudQuery(
    useCallback(
      () =>
        call(
          'projects',
          'list',
          communityId
            ? { communityId }
            : organizationId
              ? { organizationId }
              : { streetId: streetId ?? '' },
        ),
      [communityId, streetId, organizationId],
    ),
  )
  return (
    <View>
      <QueryState query={projects}>
        {({ items, counts, byCommunity }) => (
          <>
            <Text className='list-summary'>
              {counts.categories} 类 {counts.total} 个项目 · 共建项目 {counts.byList.co_build} ·
              特色项目 {counts.byList.special}
            </Text>
            <View className='need-card'>
              {Object.entries(counts.byDomain).map(([domain, count]) => (
                <Text key={domain} className='need-card__meta'>
                  {SERVICE_DOMAINS[domain as keyof typeof SERVICE_DOMAINS]}：{count} 个
                </Text>
              ))}
              {(streetId || organizationId) &&
                byCommunity.map((community) => (
                  <Text key={community.communityId} className='need-card__meta'>
                    {community.communityName}：{community.total} 个项目
                  </Text>
                ))}
            </View>
            {items.map((project) => (
              <ProjectSummary
                key={project.id}
                project={project}
                onTap={() => void Taro.navigateTo({ url: ROUTES.projectDetail(project.id) })}
              >
                <Text>进展 {project.progressCount} 条</Text>
              </ProjectSummary>
            ))}
          </>
        )}
      </QueryState>
    </View>
  )
}
