import { z } from 'zod'
import { keysOf } from '../../shared/categories'
import type { Endpoints } from '../../shared/endpoints'
import { calendarDate, oneOf, recordId, text, wholeNumber } from '../../shared/validation'
import {
  DONATION_KINDS,
  DONOR_KINDS,
  isQuarter,
  type DonationKind,
  type DonorKind,
  type MoveKind,
} from './domain'

const yuan = (label: string) =>
  z
    .string({ invalid_type_error: `${label}格式不正确` })
    .trim()
    .regex(/^\d{1,8}(\.\d{1,2})?$/, `${label}格式不正确，例如 1280 或 1280.50`)
    .refine((value) => Number(value) > 0, `${label}须大于 0`)

const quantity = (label: string) => wholeNumber(label, { min: 1, max: 100_000 })

const receiptNo = z
  .string({ invalid_type_error: '收据编号格式不正确' })
  .trim()
  .regex(/^[A-Za-z0-9-]{4,30}$/, '收据编号为 4–30 位字母、数字或短横线')

export const charityInputs = {
  pool: z.object({ streetId: recordId('街道') }).strict(),
  savePool: z
    .object({
      streetId: recordId('街道'),
      name: text('资源库名称', { max: 40 }),
      storeName: text('爱心超市名称', { max: 30 }),
      operatorOrgId: recordId('运营组织').optional(),
      partner: z
        .object({
          charityName: text('合作慈善组织', { max: 40 }),
          projectName: text('募捐项目', { max: 40 }),
          url: z
            .string({ required_error: '请填写募捐项目链接', invalid_type_error: '链接格式不正确' })
            .trim()
            .url('链接格式不正确')
            .regex(/^https:\/\//, '链接须以 https:// 开头'),
        })
        .strict(),
    })
    .strict(),
  addDonor: z
    .object({
      streetId: recordId('街道'),
      name: text('捐赠方名称', { max: 40 }),
      kind: oneOf('捐赠方类型', keysOf(DONOR_KINDS)),
      anonymous: z.boolean({ invalid_type_error: '匿名选项无效' }).default(false),
    })
    .strict(),
  recordDonation: z
    .object({
      streetId: recordId('街道'),
      donorId: recordId('捐赠方'),
      kind: oneOf('捐赠类型', keysOf(DONATION_KINDS)),
      receivedOn: calendarDate,
      amount: yuan('金额').optional(),
      receiptNo: receiptNo.optional(),
      itemId: recordId('物资').optional(),
      newItem: z
        .object({ name: text('物资名称', { max: 20 }), unit: text('单位', { max: 4 }) })
        .strict()
        .optional(),
      quantity: quantity('数量').optional(),
      value: yuan('估值').optional(),
      serviceDescription: text('服务内容', { max: 100 }).optional(),
      itemsSold: quantity('售出件数').optional(),
      note: text('备注', { max: 100 }).optional(),
    })
    .strict()
    .superRefine((input, context) => {
      const problem = (message: string) => context.addIssue({ code: 'custom', message })
      const money = input.kind === 'cash' || input.kind === 'sale_proceeds'
      if (money && !input.amount) problem('请填写金额')
      // Cash is never collected here: it is recorded only with the receipt the charity issued.
      else if (money && !input.receiptNo) problem('请填写收据编号：善款须凭收据登记')
      else if (input.kind === 'goods' && !input.itemId && !input.newItem) problem('请选择物资')
      else if (input.kind === 'goods' && !input.quantity) problem('请填写数量')
      else if (input.kind === 'service' && !input.serviceDescription) problem('请填写服务内容')
    }),
  distribute: z
    .object({
      streetId: recordId('街道'),
      itemId: recordId('物资'),
      quantity: quantity('数量'),
      recipientName: text('领取人', { min: 2, max: 20 }),
      recipientNote: text('说明', { max: 50 }).optional(),
      date: calendarDate,
    })
    .strict(),
  stocktake: z
    .object({
      streetId: recordId('街道'),
      itemId: recordId('物资'),
      counted: wholeNumber('实盘数量', { min: 0, max: 1_000_000 }),
      note: text('说明', { max: 50 }).optional(),
    })
    .strict(),
  ledger: z.object({ streetId: recordId('街道'), itemId: recordId('物资') }).strict(),
  /** The quarter's public notice (公示); anyone may read it. */
  notice: z
    .object({
      streetId: recordId('街道'),
      quarter: z
        .string({ invalid_type_error: '季度格式不正确' })
        .refine(isQuarter, '季度格式不正确，例如 2026-Q4')
        .optional(),
    })
    .strict(),
}

export interface StockItemView {
  id: string
  name: string
  unit: string
  balance: number
  /** 账物相符: the balance equals the sum of the item's ledger lines. */
  reconciled: boolean
  lastStocktake?: { on: string; book: number; counted: number }
}

export interface DonorView {
  id: string
  name: string
  kind: DonorKind
  anonymous: boolean
}

export interface DonationView {
  id: string
  receivedOn: string
  donorLabel: string
  kind: DonationKind
  /** e.g. 善款 1,280.00 元（收据 QS2026-031） · 大米 50 袋 */
  summary: string
}

export interface MoveView {
  id: string
  date: string
  itemName: string
  unit: string
  kind: MoveKind
  quantity: number
  balanceAfter: number
  /** The recipient, masked; or the donor of an intake; or the reason of an adjustment. */
  note: string
}

export interface PoolView {
  streetId: string
  streetName: string
  name: string
  storeName: string
  operatorOrgName?: string
  partner: { charityName: string; projectName: string; url: string }
  donors: DonorView[]
  stock: StockItemView[]
  donations: DonationView[]
  moves: MoveView[]
  canManage: boolean
}

export interface NoticeView {
  streetName: string
  poolName: string
  storeName: string
  quarter: string
  quarterLabel: string
  period: { from: string; to: string }
  partner: { charityName: string; projectName: string; url: string }
  totals: {
    donations: number
    cashFen: number
    saleProceedsFen: number
    goodsDonations: number
    services: number
    distributions: number
  }
  goods: {
    itemName: string
    unit: string
    received: number
    distributed: number
    adjusted: number
    balanceAtEnd: number
  }[]
  donations: DonationView[]
  distributions: MoveView[]
  previousQuarter: string
  nextQuarter?: string
}

export type CharityApi = Endpoints<
  typeof charityInputs,
  {
    pool: PoolView
    savePool: PoolView
    addDonor: DonorView
    recordDonation: DonationView
    distribute: MoveView
    stocktake: StockItemView
    ledger: { item: StockItemView; moves: MoveView[] }
    notice: NoticeView
  }
>
