import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { Evaluation } from '../../components/Evaluation'
import { ProjectSummary } from '../../components/ProjectSummary'
import '../../components/cards.scss'

/** An organization's evaluation report: its rating (which matching weighs) and each project's. */
export default function OrganizationReportPage() {
  const organizationId = useRouter().params.organizationId ?? ''
  const report = useCloudQuery(
    useCallback(() => call('projects', 'organizationReport', { organizationId }), [organizationId]),
  )
  return (
    <View className='project-form'>
      <QueryState query={report}>
        {(view) => (
          <>
            <Text className='list-summary'>
              {view.organizationName}：
              {view.rating === undefined ? '尚无结项评估' : `综合评分 ${view.rating} 分`}（已评估{' '}
              {view.evaluatedCount} 个项目，进行中 {view.activeCount} 个）
            </Text>
            {view.projects.map((project) => (
              <View key={project.id}>
                <ProjectSummary
                  project={project}
                  onTap={() => void Taro.navigateTo({ url: ROUTES.projectDetail(project.id) })}
                />
                <Evaluation project={project} />
              </View>
            ))}
          </>
        )}
      </QueryState>
    </View>
  )
}
