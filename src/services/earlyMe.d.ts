import type { MeView, Result } from '../../cloudfunctions/features/api'

/**
 * The signed-in person's `account.me`, asked before 服务大厅's code has loaded. Each target has its
 * own file: earlyMe.h5.ts asks while the browser still loads the page; on WeChat (earlyMe.weapp.ts)
 * the pages are already on the phone, so there is nothing to overlap and nothing is asked early.
 */
export declare function startEarlyMe(): void

/** The early answer, once, if it was asked for the session still signed in; then undefined. */
export declare function takeEarlyMe(): Promise<Result<MeView>> | undefined
