import * as cloud from 'wx-server-sdk'

// Initialised once per function instance. The SDK's typings predate DYNAMIC_CURRENT_ENV (a symbol
// meaning "the environment this function is deployed in"). A missing document reads as null
// rather than throwing, so lookups answer "not found" the same way in and out of transactions.
cloud.init({
  env: cloud.DYNAMIC_CURRENT_ENV as unknown as string,
  throwOnNotFound: false,
} as Parameters<typeof cloud.init>[0])

export { cloud }
