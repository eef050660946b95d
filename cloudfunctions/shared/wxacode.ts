import { cloud } from './cloud'
import { MINIPROGRAM_VERSION } from './messageTemplates'
import type { OpenApiName } from './openApi'

export const OPEN_API: OpenApiName = 'wxacode.getUnlimited'

/** Which version of the mini-program a scanned code opens, by the version wechat.json names. */
const ENV_VERSIONS = { formal: 'release', trial: 'trial', developer: 'develop' } as const

export interface CodeImage {
  buffer: Buffer
  contentType: string
}

/**
 * A mini-program code (小程序码) that opens `page` (no leading /, no query) with `scene` when it is
 * scanned. Unlimited in number and permanent; the caller keeps the image rather than asking again.
 */
export async function unlimitedCode(scene: string, page: string): Promise<CodeImage> {
  const result = (await cloud.openapi.wxacode.getUnlimited({
    scene,
    page,
    // Pages of a version not yet released may be opened too (trial and development builds).
    checkPath: false,
    envVersion: ENV_VERSIONS[MINIPROGRAM_VERSION],
    width: 430,
  })) as { buffer: Buffer | Uint8Array; contentType?: string }
  return { buffer: Buffer.from(result.buffer), contentType: result.contentType ?? 'image/jpeg' }
}
