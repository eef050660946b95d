import ExcelJS from 'exceljs'
import { download } from './files'
import { callAs, signIn, useTestCloud } from './localCloudClient'

describe('desk function over HTTP', () => {
  const env = useTestCloud('all')

  it('exports a street’s tables as an xlsx whose cells match the desk, in China time', async () => {
    const token = await signIn(env.cloud, 'demo-district-admin')
    const desk = await callAs(env.cloud, token, 'desk', 'overview', {
      scope: 'street',
      id: 'tongji',
    })
    if (!desk.ok) throw new Error(desk.error.message)
    const exported = await callAs(env.cloud, token, 'desk', 'exportTables', {
      scope: 'street',
      id: 'tongji',
    })
    if (!exported.ok) throw new Error(exported.error.message)
    expect(exported.data.fileName).toMatch(/^通济街道-数据服务台-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    const bytes = await download(exported.data.url)
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer,
    )
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '概况',
      '各社区',
      '需求漏斗',
      '资源清单',
      '共建项目',
      '月度趋势',
    ])
    const communities = workbook.getWorksheet('各社区')!
    expect(communities.getRow(1).getCell(2).value).toBe(`数据时间（北京时间）${desk.data.takenAt}`)
    const rows = desk.data.children.map((child) => [
      child.name,
      child.headline.needsPublished,
      child.headline.projects,
      child.headline.peopleServed,
    ])
    const read = desk.data.children.map((_, index) => {
      const row = communities.getRow(index + 3)
      return [1, 2, 3, 4].map((cell) => row.getCell(cell).value)
    })
    expect(read).toEqual(rows)
    const trends = workbook.getWorksheet('月度趋势')!
    expect(trends.rowCount).toBe(2 + desk.data.trends.length)
  })

  it('refuses other streets to a street admin, and the desk to anyone else, in Chinese', async () => {
    const street = await signIn(env.cloud, 'demo-street-chaohai')
    expect(await callAs(env.cloud, street, 'desk', 'overview', {})).toMatchObject({
      ok: true,
      data: { scope: 'street', id: 'chaohai', name: '潮海街道' },
    })
    expect(
      await callAs(env.cloud, street, 'desk', 'exportTables', {
        scope: 'community',
        id: 'xianshan',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '您不是通济街道的管理员，无法查看' },
    })
    const worker = await signIn(env.cloud, 'demo-worker-dahua')
    expect(await callAs(env.cloud, worker, 'desk', 'overview', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '数据服务台仅供街道和区级管理员使用' },
    })
    expect(await callAs(env.cloud, undefined, 'desk', 'todos', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })
})
