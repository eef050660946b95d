import type { DeskOverviewView } from './contract'
import { PROJECT_STAGES } from './domain'

const SCOPE_LABELS = { district: '区', street: '街道', community: '社区' } as const

/**
 * Every table of a desk node as one Excel workbook, a sheet per table, headed by the node and the
 * China time its figures were taken. exceljs is loaded here, on first export, so the desk's other
 * actions do not pay for it at a cold start.
 */
export async function deskWorkbook(
  view: DeskOverviewView,
): Promise<{ fileName: string; content: Buffer }> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  const sheet = (name: string, header: string[], rows: (string | number)[][]) => {
    const worksheet = workbook.addWorksheet(name)
    worksheet.addRow([`${view.name} · ${name}`, `数据时间（北京时间）${view.takenAt}`])
    worksheet.addRow(header)
    for (const row of rows) worksheet.addRow(row)
    worksheet.columns.forEach((column) => (column.width = 14))
  }
  const { figures } = view
  sheet(
    '概况',
    ['指标', '数值'],
    [
      ['发布需求（项）', view.headline.needsPublished],
      ['共建项目（个）', view.headline.projects],
      ['服务人次', figures.peopleServed.total],
      ['其中项目服务人次', figures.peopleServed.inProjects],
      ['其中服务集市到场人次', figures.peopleServed.atStalls],
      ['登记志愿者（人）', figures.volunteers.registered],
      ['认证志愿者（人）', figures.volunteers.verified],
      ['近 30 天活跃志愿者（人）', figures.volunteers.active],
      ['志愿服务时长（小时）', figures.volunteers.hours],
      ['调解案件（件）', figures.mediation.cases],
      ['调解成功（件）', figures.mediation.succeeded],
      ['慈善捐赠（笔）', figures.donations.count],
      ['慈善捐赠（元）', figures.donations.yuan],
      ['待受理居民需求（件）', figures.personalNeeds.open],
    ],
  )
  if (view.children.length > 0) {
    sheet(
      `各${SCOPE_LABELS[view.children[0].scope]}`,
      ['名称', '发布需求', '共建项目', '服务人次', '登记志愿者', '志愿时长（小时）'],
      view.children.map((child) => [
        child.name,
        child.headline.needsPublished,
        child.headline.projects,
        child.headline.peopleServed,
        child.headline.volunteersRegistered,
        child.headline.hours,
      ]),
    )
  }
  sheet(
    '需求漏斗',
    ['阶段', '需求（项）'],
    figures.funnel.map((row) => [row.label, row.count]),
  )
  sheet(
    '资源清单',
    ['提供方类别', '提供方（家）', '资源（项）'],
    figures.resources.map((row) => [row.label, row.providers, row.offerings]),
  )
  sheet(
    '共建项目',
    ['类别', ...Object.values(PROJECT_STAGES), '合计'],
    figures.projects.map((row) => [
      row.label,
      row.stages.starting,
      row.stages.underWay,
      row.stages.closed,
      row.total,
    ]),
  )
  sheet(
    '月度趋势',
    ['月份', '新发布需求', '新立项目', '服务人次', '志愿时长（小时）', '集市到场人次', '调解案件'],
    view.trends.map((point) => [
      point.month,
      point.needsPublished,
      point.projectsStarted,
      point.peopleServed,
      point.hours,
      point.stallVisits,
      point.mediationCases,
    ]),
  )
  return {
    fileName: `${view.name}-数据服务台-${view.takenAt.slice(0, 10)}.xlsx`,
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
  }
}
