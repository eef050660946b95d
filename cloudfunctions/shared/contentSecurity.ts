import { cloud } from './cloud'
import { AppError } from './errors'
import { openApiErrorCode, type OpenApiName } from './openApi'

export const OPEN_API: OpenApiName = 'security.msgSecCheck'

/** msgSecCheck's scenes: 1 资料 (a profile or a listing), 2 评论, 3 论坛, 4 社交日志. */
const SCENES = { profile: 1, comment: 2, forum: 3, journal: 4 } as const

/**
 * Checks text a user is about to publish with WeChat's content security (version 2, as the user:
 * the openid must have used the mini-program in the last two hours, so it runs inside their own
 * request). Each field is checked on its own, so a refusal names the field. Nothing is published
 * while the check cannot run.
 */
export async function requireSafeText(
  openid: string,
  scene: keyof typeof SCENES,
  fields: Record<string, string | undefined>,
): Promise<void> {
  const verdicts = await Promise.all(
    Object.entries(fields).map(async ([label, content]) => {
      if (!content?.trim()) return undefined
      try {
        const answer = (await cloud.openapi.security.msgSecCheck({
          version: 2,
          openid,
          scene: SCENES[scene],
          content,
        })) as { result?: { suggest?: string } }
        return answer.result?.suggest === 'risky' ? label : undefined
      } catch (error) {
        console.error('security.msgSecCheck failed', openApiErrorCode(error) ?? error)
        throw new AppError('CONFLICT', '内容安全检查暂时不可用，请稍后再试')
      }
    }),
  )
  const refused = verdicts.find(Boolean)
  if (refused) {
    throw new AppError('INVALID_INPUT', `${refused}含有不宜发布的内容，请修改后再提交`)
  }
}
