import { useEffect, useRef, useState } from 'react'
import type { ChartSurface } from './ChartCanvas'

export function ChartCanvas(props: {
  id: string
  className: string
  onSurface: (surface: ChartSurface) => void
}) {
  const ref = useRef<HTMLCanvasElement>(null)
  const [tries, setTries] = useState(0)
  const { onSurface } = props
  useEffect(() => {
    const canvas = ref.current
    if (!canvas) return
    const box = canvas.getBoundingClientRect()
    // A page still sliding in may not be laid out yet: try again on the next frame.
    if (box.width === 0 && tries < 120) {
      const frame = requestAnimationFrame(() => setTries((tries) => tries + 1))
      return () => cancelAnimationFrame(frame)
    }
    if (box.width === 0) return
    const pixelRatio = window.devicePixelRatio || 1
    canvas.width = Math.round(box.width * pixelRatio)
    canvas.height = Math.round(box.height * pixelRatio)
    onSurface({
      context: canvas.getContext('2d'),
      width: canvas.width,
      height: canvas.height,
      pixelRatio,
    })
  }, [onSurface, tries])
  return <canvas ref={ref} id={props.id} className={props.className} />
}
