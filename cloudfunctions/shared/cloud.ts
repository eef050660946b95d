import * as cloud from 'wx-server-sdk'

// Initialised once per function instance. The SDK's typings predate DYNAMIC_CURRENT_ENV (a symbol
// meaning "the environment this function is deployed in").
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export { cloud }
