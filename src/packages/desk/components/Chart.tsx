import UCharts from '@qiun/ucharts'
import { View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { ChartCanvas, type ChartSurface } from './ChartCanvas'

/** The desk's palette: the app's red first, then colours told apart by colour-blind readers too. */
const COLORS = ['#d4380d', '#1890ff', '#52c41a', '#faad14', '#722ed1', '#13c2c2', '#8c8c8c']

export interface ChartProps {
  id: string
  /** What the chart shows, read by screen readers and shown when it is drawn. */
  title: string
  type: 'column' | 'line' | 'funnel'
  categories?: string[]
  series: {
    name: string
    data: number[] | { name: string; value: number; labelText?: string }[]
  }[]
  stacked?: boolean
}

/**
 * One uCharts chart on a canvas (Canvas 2D on weapp, a canvas element on H5). The page always
 * shows the same figures as text beside it; the chart is for reading them at a glance.
 */
export function Chart({ id, title, type, categories, series, stacked }: ChartProps) {
  const [drawn, setDrawn] = useState(false)
  const draw = useCallback(
    ({ context, width, height, pixelRatio }: ChartSurface) => {
      new UCharts({
        type,
        context,
        width,
        height,
        pixelRatio,
        canvas2d: true,
        animation: false,
        background: '#FFFFFF',
        fontSize: 12,
        color: COLORS,
        padding: [12, 12, 4, 4],
        categories,
        // A column's zero is left unlabelled: in a stack it would print over the segment below.
        series:
          type === 'column'
            ? series.map((item) => ({
                ...item,
                formatter: (value: number) => (value ? String(value) : ''),
              }))
            : series,
        legend: { show: type !== 'funnel', position: 'bottom' },
        xAxis: { disableGrid: true, fontSize: 11, rotateLabel: (categories?.length ?? 0) > 6 },
        yAxis: { gridType: 'dash', data: [{ min: 0 }] },
        extra: {
          column: { type: stacked ? 'stack' : 'group', width: 18 },
          line: { type: 'straight', width: 2 },
          funnel: { activeOpacity: 0.3, border: true, linearType: 'none', labelAlign: 'left' },
        },
      })
      setDrawn(true)
    },
    [type, categories, series, stacked],
  )
  return (
    <View className='desk-chart' aria-label={title} data-drawn={drawn ? 'yes' : 'no'}>
      <ChartCanvas id={id} className='desk-chart__canvas' onSurface={draw} />
    </View>
  )
}
