import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { ProjectView } from '../../../../cloudfunctions/features/api'
import { SERVICE_DOMAINS } from '../../../../cloudfunctions/shared/categories'
import { PROJECT_LIST_LABELS } from './labels'
import '../../../components/NeedCard.scss'

/** A project's list, title, status and who does it where; `children` adds to the meta line. */
export function ProjectSummary({
  project,
  onTap,
  children,
}: {
  project: ProjectView
  onTap?: () => void
  children?: ReactNode
}) {
  return (
    <View className='need-card' onClick={onTap}>
      <View className='need-card__header'>
        <Tag type='primary'>{PROJECT_LIST_LABELS[project.list]}</Tag>
        <Text className='need-card__category'>{project.title}</Text>
        <Tag type={project.status === 'active' ? 'warning' : 'success'} plain>
          {project.status === 'active' ? '进行中' : '已结项'}
        </Tag>
      </View>
      <View className='need-card__meta'>
        <Text>{project.communityName}</Text>
        <Text>{project.organizationName}</Text>
        <Text>{SERVICE_DOMAINS[project.domain]}</Text>
        {children}
      </View>
    </View>
  )
}
