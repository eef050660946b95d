import { chinaDateOf } from '../cloudfunctions/shared/time'

/** The China calendar month (YYYY-MM) this many months from now (negative: ago). */
export function monthFromNow(months: number): string {
  const [year, month] = chinaDateOf(new Date()).split('-').map(Number)
  const index = year * 12 + (month - 1) + months
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}
