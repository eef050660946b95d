import type { Result } from '../../cloudfunctions/shared/result'

/**
 * Carries one action to a cloud function. Each target has its own file: transport.weapp.ts calls
 * WeChat's cloud, transport.h5.ts calls the local cloud over HTTP. Taro picks the file by target.
 */
export declare function invokeFunction(
  name: string,
  event: { action: string; payload: unknown },
): Promise<Result<unknown>>
