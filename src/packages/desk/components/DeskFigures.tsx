import { Text, View } from '@tarojs/components'
import { useMemo } from 'react'
import type { DeskOverviewView } from '../../../../cloudfunctions/features/api'
import { Chart } from './Chart'
import { Table } from './Table'

const Card = ({ label, value }: { label: string; value: string | number }) => (
  <View className='desk-card'>
    <Text className='desk-card__value'>{value}</Text>
    <Text className='desk-card__label'>{label}</Text>
  </View>
)

const Section = ({ title }: { title: string }) => <Text className='desk__section'>{title}</Text>

/** A node's figures: headline cards, then each table with its chart. */
export function DeskFigures({ view }: { view: DeskOverviewView }) {
  const { figures, headline, trends } = view
  const funnel = useMemo(
    () => [
      {
        name: '需求',
        data: figures.funnel.map((stage) => ({
          name: stage.label,
          value: stage.count,
          labelText: `${stage.label} ${stage.count}`,
        })),
      },
    ],
    [figures],
  )
  const projects = useMemo(
    () => ({
      categories: figures.projects.map((row) => row.label),
      series: figures.projectStages.map((stage) => ({
        name: stage.label,
        data: figures.projects.map((row) => row.stages[stage.stage]),
      })),
    }),
    [figures],
  )
  const trend = useMemo(
    () => ({
      categories: trends.map((point) => point.month.slice(2).replace('-', '/')),
      series: [
        { name: '新发布需求', data: trends.map((point) => point.needsPublished) },
        { name: '新立项目', data: trends.map((point) => point.projectsStarted) },
        { name: '服务人次', data: trends.map((point) => point.peopleServed) },
      ],
    }),
    [trends],
  )
  const served = useMemo(
    () => ({
      categories: trend.categories,
      series: [
        {
          name: '共建项目',
          data: trends.map((point) => point.peopleServed - point.stallVisits),
        },
        { name: '服务集市到场', data: trends.map((point) => point.stallVisits) },
      ],
    }),
    [trends, trend.categories],
  )
  return (
    <>
      <View className='desk-cards'>
        <Card label='发布需求' value={headline.needsPublished} />
        <Card label='共建项目' value={headline.projects} />
        <Card label='服务人次' value={headline.peopleServed} />
        <Card label='登记志愿者' value={headline.volunteersRegistered} />
        <Card label='志愿时长（小时）' value={headline.hours} />
        <Card label='调解案件' value={figures.mediation.cases} />
      </View>

      <Section title='需求漏斗' />
      <Chart id='desk-funnel' title='需求漏斗图' type='funnel' series={funnel} />
      <Table
        head={['阶段', '需求（项）']}
        rows={figures.funnel.map((stage) => ({
          key: stage.stage,
          cells: [stage.label, stage.count],
        }))}
      />

      <Section title='共建项目（按类别与阶段）' />
      {figures.projects.length > 0 && (
        <Chart
          id='desk-projects'
          title='共建项目柱状图'
          type='column'
          stacked
          categories={projects.categories}
          series={projects.series}
        />
      )}
      <Table
        head={['类别', ...figures.projectStages.map((stage) => stage.label), '合计']}
        rows={figures.projects.map((row) => ({
          key: row.domain,
          cells: [
            row.label,
            row.stages.starting,
            row.stages.underWay,
            row.stages.closed,
            row.total,
          ],
        }))}
      />

      <Section title='月度趋势' />
      <Chart
        id='desk-trends'
        title='月度趋势折线图'
        type='line'
        categories={trend.categories}
        series={trend.series}
      />
      <Table
        head={['月份', '新需求', '新项目', '服务人次', '志愿时长']}
        rows={trends.map((point) => ({
          key: point.month,
          cells: [
            point.month,
            point.needsPublished,
            point.projectsStarted,
            point.peopleServed,
            point.hours,
          ],
        }))}
      />

      <Section title='服务人次（按月）' />
      <Chart
        id='desk-served'
        title='每月服务人次柱状图：共建项目与服务集市到场'
        type='column'
        stacked
        categories={served.categories}
        series={served.series}
      />
      <Table
        head={['月份', '共建项目', '集市到场', '合计']}
        rows={trends.map((point) => ({
          key: point.month,
          cells: [
            point.month,
            point.peopleServed - point.stallVisits,
            point.stallVisits,
            point.peopleServed,
          ],
        }))}
      />

      <Section title='资源清单（按提供方）' />
      <Table
        head={['提供方', '家数', '资源（项）']}
        rows={figures.resources.map((row) => ({
          key: row.kind,
          cells: [row.label, row.providers, row.offerings],
        }))}
      />

      <Section title='服务与志愿' />
      <Table
        head={['指标', '数值']}
        rows={[
          ['服务人次（合计）', figures.peopleServed.total],
          ['其中共建项目', figures.peopleServed.inProjects],
          ['其中服务集市到场', figures.peopleServed.atStalls],
          ['登记志愿者', figures.volunteers.registered],
          ['认证志愿者', figures.volunteers.verified],
          ['近 30 天活跃志愿者', figures.volunteers.active],
          ['志愿服务时长（小时）', figures.volunteers.hours],
          ['调解案件 / 调解成功', `${figures.mediation.cases} / ${figures.mediation.succeeded}`],
          ['慈善捐赠（笔 / 元）', `${figures.donations.count} / ${figures.donations.yuan}`],
          [
            '待受理 / 已受理居民需求',
            `${figures.personalNeeds.open} / ${figures.personalNeeds.accepted}`,
          ],
        ].map(([label, value]) => ({ key: String(label), cells: [label, value] }))}
      />
    </>
  )
}
