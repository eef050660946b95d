import type { Request } from 'playwright-core'
import { expectVisible, onTop, tap, useAppSession } from './browser'

const isAccountMe = (request: Request) =>
  request.url().endsWith('/api/functions/account') &&
  (request.postDataJSON() as { action?: string } | null)?.action === 'me'

describe('H5 first load: 服务大厅 asks who is signed in while the app’s code still loads', () => {
  const app = useAppSession()

  /**
   * Opens 服务大厅 in a fresh document, holding the app's code back until `account.me` has been
   * asked (or a few seconds have passed, when nothing asks it early). Between the request and the
   * code, `meanwhile` may act as the person would in another tab.
   */
  async function firstLoad(meanwhile: () => Promise<void> = async () => undefined) {
    const { page, cloud } = app
    const asked: { beforeCode: boolean }[] = []
    let codeReleased = false
    const record = (request: Request) => {
      if (isAccountMe(request)) asked.push({ beforeCode: !codeReleased })
    }
    page.on('request', record)
    const early = page
      .waitForRequest(isAccountMe, { timeout: 5000 })
      .then(meanwhile)
      .catch(() => undefined)
    await page.route('**/js/*.js', async (route) => {
      await early
      codeReleased = true
      await route.continue()
    })
    await page.goto(`${cloud.url}/?load=${Date.now()}#/pages/home/index`)
    return {
      asked,
      done: async () => {
        page.off('request', record)
        await page.unrouteAll({ behavior: 'wait' })
      },
    }
  }

  it('asks account.me once, before the app’s code has arrived, and greets the resident', async () => {
    await app.signInAs('王阿姨')
    const load = await firstLoad()
    await expectVisible(app.page, '您好，王阿姨')
    await load.done()
    expect(load.asked).toEqual([{ beforeCode: true }])
  })

  it('greets whoever is signed in when the account changed after the early request', async () => {
    const { page } = app
    await app.signInAs('王阿姨')
    const load = await firstLoad(async () => {
      // Another tab of the same app signs in as 李师傅 while this one still loads.
      const other = await page.context().newPage()
      await other.goto(`${app.cloud.url}/api/auth/demo-accounts`)
      await other.evaluate(async () => {
        const response = await fetch('/api/auth/sign-in', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ accountId: 'demo-resident-li' }),
        })
        const { data } = (await response.json()) as { data: { token: string } }
        localStorage.setItem('gongjian.session', JSON.stringify({ data: data.token }))
      })
      await other.close()
    })
    await expectVisible(page, '您好，李师傅')
    await load.done()
    expect(load.asked).toEqual([{ beforeCode: true }, { beforeCode: false }])
  })

  it('asks nothing early when signed out, and offers sign-in', async () => {
    const { page } = app
    await app.signInAs('王阿姨')
    await tap(page, '退出登录')
    await onTop(page).getByText('王阿姨', { exact: true }).waitFor()
    let asked = 0
    const count = (request: Request) => {
      if (isAccountMe(request)) asked += 1
    }
    page.on('request', count)
    await page.goto(`${app.cloud.url}/?load=${Date.now()}#/pages/home/index`)
    await expectVisible(page, '登录后即可发布需求、预约服务')
    page.off('request', count)
    // The home's own request, answered 请先登录; the page asked nothing before it.
    expect(asked).toBe(1)
  })

  it('drops a session the server refuses and offers sign-in', async () => {
    const { page } = app
    await app.signInAs('王阿姨')
    await page.evaluate(() =>
      localStorage.setItem('gongjian.session', JSON.stringify({ data: 'forged.session' })),
    )
    const load = await firstLoad()
    await expectVisible(page, '登录后即可发布需求、预约服务')
    await load.done()
    expect(load.asked).toEqual([{ beforeCode: true }])
    expect(await page.evaluate(() => localStorage.getItem('gongjian.session'))).toBeNull()
  })
})
