import type { ComponentType } from 'react'

/** A 2D drawing surface sized to its box, in device pixels. */
export interface ChartSurface {
  context: unknown
  width: number
  height: number
  pixelRatio: number
}

/**
 * A canvas filling its box that hands its 2D context to `onSurface` once laid out: on weapp the
 * Canvas 2D component (queried as a node), on H5 a plain canvas element.
 */
export declare const ChartCanvas: ComponentType<{
  id: string
  className: string
  onSurface: (surface: ChartSurface) => void
}>
