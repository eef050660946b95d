/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5'
    /** WeChat cloud environment id for the weapp build; empty means the current environment. */
    TARO_APP_CLOUD_ENV?: string
  }
}
