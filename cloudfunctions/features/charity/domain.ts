// 慈善资源库: a ledger and a public notice, never a payment channel. Cash is only recorded, with
// the receipt the partner charity issued; people who want to give money are sent to that
// charity's own project. Goods go through the 爱心超市's stock, whose balance is the sum of its
// moves and can never go below zero.

export const DONOR_KINDS = {
  government: '政府部门',
  company: '企业',
  foundation: '基金会',
  organization: '社会组织',
  university: '高校',
  individual: '个人',
} as const
export type DonorKind = keyof typeof DONOR_KINDS

export const DONATION_KINDS = {
  cash: '善款',
  goods: '物资',
  service: '服务',
  sale_proceeds: '义卖所得',
} as const
export type DonationKind = keyof typeof DONATION_KINDS

export const MOVE_KINDS = { in: '入库', out: '发放', adjust: '盘点调整' } as const
export type MoveKind = keyof typeof MOVE_KINDS

/** A street's charity resource pool and its 爱心超市 (_id = the street's id). */
export interface CharityPool {
  _id: string
  districtId: string
  streetId: string
  name: string
  storeName: string
  /** The organization that runs it (its members record donations and moves). */
  operatorOrgId?: string
  /** Where money is given: the partner charity's own fundraising project. */
  partner: { charityName: string; projectName: string; url: string }
  createdAt: Date
}

export interface Donor {
  _id: string
  streetId: string
  districtId: string
  name: string
  kind: DonorKind
  /** Shown as 爱心人士 in the public notice. */
  anonymous: boolean
  createdAt: Date
}

export interface Donation {
  _id: string
  streetId: string
  districtId: string
  donorId: string
  donorName: string
  donorKind: DonorKind
  anonymous: boolean
  kind: DonationKind
  /** YYYY-MM-DD, China time; `quarter` follows from it. */
  receivedOn: string
  quarter: string
  /** Cash and sale proceeds, in fen (分), with the receipt that proves them. */
  amountFen?: number
  receiptNo?: string
  /** Goods: what came into the store. */
  itemId?: string
  itemName?: string
  quantity?: number
  unit?: string
  valueFen?: number
  /** Services given in kind. */
  serviceDescription?: string
  /** Sale proceeds: how many handmade items were sold. */
  itemsSold?: number
  note?: string
  recordedBy: string
  createdAt: Date
}

/** A kind of goods in the 爱心超市 and its balance: always the sum of its moves, never negative. */
export interface StockItem {
  _id: string
  streetId: string
  name: string
  unit: string
  balance: number
  lastStocktake?: { on: string; book: number; counted: number; by: string }
  updatedAt: Date
}

/** A line of the stock ledger; the balance after it is kept, so the ledger reads as a 台账. */
export interface StockMove {
  _id: string
  streetId: string
  itemId: string
  itemName: string
  unit: string
  kind: MoveKind
  /** Signed: + in, − out, ± adjustment. */
  quantity: number
  balanceAfter: number
  date: string
  quarter: string
  at: Date
  donationId?: string
  /** Intake: who gave it, as the notice thanks them (爱心人士 for an anonymous donor). */
  source?: string
  /** Distributions: to whom (a name shown masked in the notice) and a note. */
  recipient?: { name: string; note?: string }
  reason?: string
  recordedBy: string
}

/** 2026-11-28 → 2026-Q4 */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`
}

export function isQuarter(value: string): boolean {
  return /^\d{4}-Q[1-4]$/.test(value)
}

/** The first and last dates of a quarter. */
export function quarterRange(quarter: string): { from: string; to: string } {
  const year = Number(quarter.slice(0, 4))
  const index = Number(quarter.slice(6)) - 1
  const month = (n: number) => String(n).padStart(2, '0')
  const lastDay = new Date(Date.UTC(year, index * 3 + 3, 0)).getUTCDate()
  return {
    from: `${year}-${month(index * 3 + 1)}-01`,
    to: `${year}-${month(index * 3 + 3)}-${lastDay}`,
  }
}

/** The quarter before (−1) or after (+1). */
export function shiftQuarter(quarter: string, by: -1 | 1): string {
  const count = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1 + by
  return `${Math.floor(count / 4)}-Q${(count % 4) + 1}`
}

/** 2026-Q4 → 2026年第四季度 */
export function quarterLabel(quarter: string): string {
  return `${quarter.slice(0, 4)}年第${'一二三四'[Number(quarter.slice(6)) - 1]}季度`
}

/** 128000 → 1,280.00 */
export function formatYuan(fen: number): string {
  const yuan = Math.floor(Math.abs(fen) / 100)
  const cents = String(Math.abs(fen) % 100).padStart(2, '0')
  return `${fen < 0 ? '-' : ''}${yuan.toLocaleString('en-US')}.${cents}`
}

/** "1280.5" (元, at most two decimals) → 128050 分; exact, no floating point. */
export function fenOf(yuan: string): number {
  const [whole, fraction = ''] = yuan.split('.')
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
}

/** Why the stock cannot give out `quantity` (undefined: it can). */
export function shortageOf(item: Pick<StockItem, 'balance' | 'unit'>, quantity: number) {
  return item.balance < quantity ? `库存不足：现有 ${item.balance} ${item.unit}` : undefined
}
