import { View } from '@tarojs/components'
import { useCallback } from 'react'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { call } from '../../../../services/cloud'
import { ProjectSummary } from '../../components/ProjectSummary'
import { RateRow } from '../../components/RateRow'
import '../../components/cards.scss'

/** The co-build projects serving a resident's own needs, each rated with one tap. */
export default function ServedProjectsPage() {
  const served = useCloudQuery(useCallback(() => call('projects', 'served', {}), []))
  return (
    <View className='project-form'>
      <QueryState
        query={served}
        isEmpty={(rows) => rows.length === 0}
        emptyText='您的需求还没有转为共建项目'
      >
        {(rows) =>
          rows.map(({ project, myRating, canRate }) => (
            <View key={project.id}>
              <ProjectSummary project={project} />
              {(canRate || myRating) && (
                <RateRow projectId={project.id} myRating={myRating} onRated={served.reload} />
              )}
            </View>
          ))
        }
      </QueryState>
    </View>
  )
}
