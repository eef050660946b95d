import type { MoveView } from '../../../cloudfunctions/features/api'
import { MOVE_KINDS } from '../../../cloudfunctions/features/charity/domain'

/** 元 from 分, with thousands separators: 1,130.00 */
export function yuanOf(fen: number): string {
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}

export function moveLine(move: MoveView): string {
  const sign = move.quantity > 0 ? '+' : ''
  return `${MOVE_KINDS[move.kind]} ${sign}${move.quantity} ${move.unit} · 结存 ${move.balanceAfter}`
}
