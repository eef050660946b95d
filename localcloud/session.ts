import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import path from 'node:path'

const SESSION_DAYS = 7

/** Signed sessions for local sign-in; the secret lives in the data folder so sessions survive a restart. */
export class SessionSigner {
  private constructor(private readonly secret: Buffer) {}

  static async open(dataDir: string): Promise<SessionSigner> {
    const file = path.join(dataDir, 'session-secret')
    await mkdir(dataDir, { recursive: true })
    const secret = await readFile(file).catch(async () => {
      const created = randomBytes(32)
      await writeFile(file, created, { mode: 0o600 })
      return created
    })
    return new SessionSigner(secret)
  }

  issue(openid: string, now = Date.now()): { token: string; expiresAt: string } {
    const expires = now + SESSION_DAYS * 24 * 3600 * 1000
    const body = Buffer.from(JSON.stringify({ sub: openid, exp: expires })).toString('base64url')
    return { token: `${body}.${this.sign(body)}`, expiresAt: new Date(expires).toISOString() }
  }

  /** The openid the token was issued to, or undefined if it is forged, malformed or expired. */
  verify(token: string, now = Date.now()): string | undefined {
    const [body, signature, extra] = token.split('.')
    if (!body || !signature || extra !== undefined) return undefined
    const expected = Buffer.from(this.sign(body))
    const given = Buffer.from(signature)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined
    try {
      const { sub, exp } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
      return typeof sub === 'string' && typeof exp === 'number' && exp > now ? sub : undefined
    } catch {
      return undefined
    }
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url')
  }
}
