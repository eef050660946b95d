import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import { renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const SESSION_DAYS = 7
const SESSION_MS = SESSION_DAYS * 24 * 3600 * 1000

interface Claims {
  sub: string
  exp: number
  /** The session's id, so signing out can revoke it before it expires. */
  sid: string
}

/**
 * Signed sessions for local sign-in. The secret and the revoked sessions live in the data folder,
 * so sessions, and sign-outs, survive a restart.
 */
export class SessionSigner {
  private constructor(
    private readonly secret: Buffer,
    private readonly revokedFile: string,
    /** Revoked session ids and when they would have expired (they are forgotten after that). */
    private readonly revoked: Map<string, number>,
  ) {}

  static async open(dataDir: string): Promise<SessionSigner> {
    const file = path.join(dataDir, 'session-secret')
    await mkdir(dataDir, { recursive: true })
    const secret = await readFile(file).catch(async () => {
      const created = randomBytes(32)
      await writeFile(file, created, { mode: 0o600 })
      return created
    })
    const revokedFile = path.join(dataDir, 'revoked-sessions.json')
    const revoked = await readFile(revokedFile, 'utf8')
      .then((text) => new Map<string, number>(Object.entries(JSON.parse(text))))
      .catch(() => new Map<string, number>())
    return new SessionSigner(secret, revokedFile, revoked)
  }

  issue(openid: string, now = Date.now()): { token: string; expiresAt: string } {
    const claims: Claims = {
      sub: openid,
      exp: now + SESSION_MS,
      sid: randomBytes(12).toString('hex'),
    }
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
    return { token: `${body}.${this.sign(body)}`, expiresAt: new Date(claims.exp).toISOString() }
  }

  /** The openid the token was issued to, or undefined if forged, malformed, expired or revoked. */
  verify(token: string, now = Date.now()): string | undefined {
    const claims = this.claimsOf(token)
    if (!claims || claims.exp <= now || this.revoked.has(claims.sid)) return undefined
    return claims.sub
  }

  /**
   * Ends the session on the server: from now on it answers as signed out, before it expires.
   * Written to disk before answering, so a sign-out survives a crash.
   */
  revoke(token: string, now = Date.now()): boolean {
    const claims = this.claimsOf(token)
    if (!claims || claims.exp <= now) return false
    for (const [sid, exp] of this.revoked) if (exp <= now) this.revoked.delete(sid)
    this.revoked.set(claims.sid, claims.exp)
    // Written aside and renamed over: a crash never leaves half a list.
    const next = `${this.revokedFile}.next`
    writeFileSync(next, JSON.stringify(Object.fromEntries(this.revoked)), { mode: 0o600 })
    renameSync(next, this.revokedFile)
    return true
  }

  private claimsOf(token: string): Claims | undefined {
    const [body, signature, extra] = token.split('.')
    if (!body || !signature || extra !== undefined) return undefined
    const expected = Buffer.from(this.sign(body))
    const given = Buffer.from(signature)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined
    try {
      const { sub, exp, sid } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
      return typeof sub === 'string' && typeof exp === 'number' && typeof sid === 'string'
        ? { sub, exp, sid }
        : undefined
    } catch {
      return undefined
    }
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url')
  }
}
