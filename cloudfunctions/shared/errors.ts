/** Stable error codes with their default Chinese messages. Clients may branch on the code. */
export const ERROR_MESSAGES = {
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限进行此操作',
  INVALID_INPUT: '填写的内容有误',
  NOT_FOUND: '要找的内容不存在或已删除',
  UNKNOWN_ACTION: '不支持的操作',
  CONFLICT: '操作冲突，请刷新后重试',
  NETWORK: '网络异常，请稍后重试',
  INTERNAL: '服务暂时不可用，请稍后重试',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

/** An expected failure: its code and message reach the user as they are. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
  ) {
    super(message)
    this.name = 'AppError'
  }
}
