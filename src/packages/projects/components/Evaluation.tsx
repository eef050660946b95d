import { Text, View } from '@tarojs/components'
import type { ProjectView } from '../../../../cloudfunctions/features/api'

/** A project's effect evaluation: targets set at its start against what was measured at close. */
export function Evaluation({ project }: { project: ProjectView }) {
  const { targets, evaluation, residents } = project
  const measured = evaluation?.measured
  if (!targets && !evaluation && !residents) return null
  const value = (amount: number | undefined, unit: string) =>
    amount === undefined ? '—' : `${amount}${unit}`
  const row = (label: string, target?: number, actual?: number, unit = '') => (
    <Text className='list-summary'>
      {`${label}：目标 ${value(target, unit)} · 实际 ${value(actual, unit)}`}
    </Text>
  )
  return (
    <View>
      <Text className='list-summary'>效果评估</Text>
      {row('服务人次', targets?.peopleServed, measured?.peopleServed)}
      {row('服务场次', targets?.sessions, measured?.sessions)}
      {row('服务时长', targets?.hours, measured?.hours, ' 小时')}
      {row('满意度', targets?.satisfaction, evaluation?.score, ' 分')}
      {(evaluation?.residents ?? residents) && (
        <Text className='list-summary'>
          居民评价 {(evaluation?.residents ?? residents)!.mean} 分（
          {(evaluation?.residents ?? residents)!.count} 人）
        </Text>
      )}
      {evaluation && (
        <Text className='list-summary'>
          结项评估：社区评分 {evaluation.satisfaction}/5 · 目标：{evaluation.target} · 完成：
          {evaluation.achieved}
        </Text>
      )}
    </View>
  )
}
