import { Canvas } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import type { ChartSurface } from './ChartCanvas'

export function ChartCanvas(props: {
  id: string
  className: string
  onSurface: (surface: ChartSurface) => void
}) {
  const { id, onSurface } = props
  useEffect(() => {
    // After this render reaches the page's tree, so the query finds the canvas.
    Taro.nextTick(() =>
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((found: { node?: HTMLCanvasElement; width: number; height: number }[] | null) => {
          const box = found?.[0]
          if (!box?.node) return
          const pixelRatio = Taro.getSystemInfoSync().pixelRatio
          box.node.width = box.width * pixelRatio
          box.node.height = box.height * pixelRatio
          onSurface({
            context: box.node.getContext('2d'),
            width: box.node.width,
            height: box.node.height,
            pixelRatio,
          })
        }),
    )
  }, [id, onSurface])
  return <Canvas type='2d' id={id} className={props.className} />
}
