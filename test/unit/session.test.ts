import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { isLoopback } from '../../localcloud/server'
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

  it('a revoked session is refused before it expires, also after a restart; others stay', async () => {
    const signer = await SessionSigner.open(dataDir)
    const revoked = signer.issue('demo-resident-wang').token
    const other = signer.issue('demo-resident-wang').token
    expect(signer.revoke(revoked)).toBe(true)
    expect(signer.verify(revoked)).toBeUndefined()
    expect(signer.verify(other)).toBe('demo-resident-wang')
    const reopened = await SessionSigner.open(dataDir)
    expect(reopened.verify(revoked)).toBeUndefined()
    expect(reopened.verify(other)).toBe('demo-resident-wang')
    expect(reopened.revoke('not-a-token')).toBe(false)
  })
})

describe('the demo sign-in', () => {
  it('is offered to this machine only: loopback addresses, IPv4, IPv6 and IPv4-mapped', () => {
    for (const address of ['127.0.0.1', '127.8.0.3', '::1', '::ffff:127.0.0.1']) {
      expect({ address, loopback: isLoopback(address) }).toEqual({ address, loopback: true })
    }
    for (const address of ['192.168.1.20', '::ffff:10.0.0.5', 'fe80::1', '1127.0.0.1', undefined]) {
      expect({ address, loopback: isLoopback(address) }).toEqual({ address, loopback: false })
    }
  })
})
