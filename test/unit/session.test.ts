import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { SessionSigner } from '../../localcloud/session'

describe('local sessions', () => {
  let dataDir: string
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'gongjian-session-'))
  })
  afterEach(() => rm(dataDir, { recursive: true, force: true }))

  it('verifies its own tokens, also after a restart, until they expire', async () => {
    const now = Date.UTC(2026, 10, 23)
    const { token } = (await SessionSigner.open(dataDir)).issue('demo-resident-wang', now)
    const reopened = await SessionSigner.open(dataDir)
    expect(reopened.verify(token, now + 1000)).toBe('demo-resident-wang')
    expect(reopened.verify(token, now + 8 * 24 * 3600 * 1000)).toBeUndefined()
  })

  it('rejects tokens signed elsewhere or changed', async () => {
    const signer = await SessionSigner.open(dataDir)
    const otherDir = await mkdtemp(path.join(os.tmpdir(), 'gongjian-session-'))
    const foreign = (await SessionSigner.open(otherDir)).issue('demo-district-admin').token
    await rm(otherDir, { recursive: true, force: true })
    expect(signer.verify(foreign)).toBeUndefined()
    const { token } = signer.issue('demo-resident-wang')
    expect(signer.verify(`${token}x`)).toBeUndefined()
    expect(signer.verify('not-a-token')).toBeUndefined()
    expect(signer.verify(`${token}.extra`)).toBeUndefined()
  })
})
