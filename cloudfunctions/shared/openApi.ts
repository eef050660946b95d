/**
 * The open APIs (云调用) the functions call, each through its own module here (subscribeMessage.ts,
 * wxacode.ts, contentSecurity.ts), which names it in `OPEN_API`. A function may call one only when
 * its config.json lists it under permissions.openapi; otherwise WeChat refuses the call (-604101).
 */
export type OpenApiName = 'subscribeMessage.send' | 'wxacode.getUnlimited' | 'security.msgSecCheck'

/** The errCode of an open API's failure, as WeChat reports it; undefined for any other error. */
export function openApiErrorCode(error: unknown): number | undefined {
  const code = (error as { errCode?: unknown } | undefined)?.errCode
  return typeof code === 'number' ? code : undefined
}
