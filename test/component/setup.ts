// What Taro's H5 build defines at compile time (H5WebpackPlugin's DefinePlugin), for the same
// components running under Jest.
Object.assign(process.env, {
  TARO_ENV: 'h5',
  TARO_PLATFORM: 'web',
  FRAMEWORK: 'react',
  SUPPORT_TARO_POLYFILL: 'disabled',
  SUPPORT_DINGTALK_NAVIGATE: 'disabled',
})
Object.assign(globalThis, { DEPRECATED_ADAPTER_COMPONENT: false })
