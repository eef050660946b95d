import ExcelJS from 'exceljs'
import { expectVisible, onTop, screenshot, tap, useAppSession } from './browser'

describe('H5 app in Chromium: the district desk', () => {
  const app = useAppSession()

  it('drills district → 通济街道 → 岘山社区, draws the charts and exports the tables', async () => {
    const { page, cloud } = app
    await app.signInAs('区委社会工作部')
    await page.goto(`${cloud.url}/#/pages/home/index`)
    await expectVisible(page, '待办')
    await expectVisible(page, '超期未揭榜的需求')
    await tap(page, '数据服务台')
    await expectVisible(page, '数据服务台', { title: true })
    await expectVisible(page, '各街道')
    await tap(page, '通济街道')
    await expectVisible(page, '各社区')
    await tap(page, '岘山社区')
    await expectVisible(page, '即墨区 ›')
    await expectVisible(page, '通济街道 ›')
    await expectVisible(page, '需求漏斗')

    // The funnel's canvas on the page on top has been drawn on: some of its pixels are not white.
    const funnel = onTop(page).locator('canvas#desk-funnel')
    await funnel.waitFor({ state: 'visible' })
    await page.waitForFunction(
      (canvas) => {
        const element = canvas as HTMLCanvasElement
        const { data } = element.getContext('2d')!.getImageData(0, 0, element.width, element.height)
        let inked = 0
        for (let index = 0; index < data.length; index += 4) {
          if (data[index] < 200 || data[index + 1] < 200 || data[index + 2] < 200) inked += 1
        }
        return inked > 500
      },
      await funnel.elementHandle(),
    )
    await screenshot(page, 'e2e-desk-community.png')

    const [download] = await Promise.all([page.waitForEvent('download'), tap(page, '导出 Excel')])
    expect(download.suggestedFilename()).toMatch(/^岘山社区-数据服务台-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(await download.path())
    const summary = workbook.getWorksheet('概况')!
    expect(summary.getRow(1).getCell(1).value).toBe('岘山社区 · 概况')
    expect(String(summary.getRow(1).getCell(2).value)).toMatch(
      /^数据时间（北京时间）\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    )
    expect(summary.getRow(3).getCell(1).value).toBe('发布需求（项）')
    expect(typeof summary.getRow(3).getCell(2).value).toBe('number')
  })

  it('opens a street admin’s to-do where it is done, and their street’s desk', async () => {
    const { page, cloud } = app
    await app.signInAs('潮海街道管理员')
    await page.goto(`${cloud.url}/#/pages/home/index`)
    await expectVisible(page, '待办')
    await tap(page, '超期未揭榜的需求')
    await expectVisible(page, '待揭榜超期', { title: true })
    await expectVisible(page, '老年人智能手机培训')
    // The home page afresh: a hash change back to a tab page while another page is still sliding
    // in leaves both tab pages shaded in Taro's H5 router.
    await page.goto(`${cloud.url}/#/pages/home/index`)
    await page.reload()
    await expectVisible(page, '待办')
    await tap(page, '数据服务台')
    await expectVisible(page, '各社区')
    await expectVisible(page, '大华社区')
    await expectVisible(page, '潮海街道')
  })
})
