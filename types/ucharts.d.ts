// @qiun/ucharts ships no typings: the options the desk's charts use.
declare module '@qiun/ucharts' {
  interface UChartsOptions {
    type: 'column' | 'line' | 'funnel' | 'ring' | 'bar'
    context: unknown
    width: number
    height: number
    pixelRatio: number
    canvas2d?: boolean
    animation?: boolean
    background?: string
    fontSize?: number
    color?: string[]
    padding?: number[]
    categories?: string[]
    series: {
      name: string
      data: number[] | { name: string; value: number; labelText?: string }[]
    }[]
    legend?: { show?: boolean; position?: string; fontSize?: number }
    xAxis?: Record<string, unknown>
    yAxis?: Record<string, unknown>
    extra?: Record<string, unknown>
    dataLabel?: boolean
  }
  export default class UCharts {
    constructor(options: UChartsOptions)
  }
}
