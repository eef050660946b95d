import { maskName } from '../../shared/privacy'
import type { DonationView, DonorView, MoveView, StockItemView } from './contract'
import {
  DONATION_KINDS,
  formatYuan,
  type Donation,
  type Donor,
  type StockItem,
  type StockMove,
} from './domain'

/** An anonymous donor is thanked as 爱心人士 in public. */
export function donorLabelOf(donation: Pick<Donation, 'anonymous' | 'donorName'>): string {
  return donation.anonymous ? '爱心人士' : donation.donorName
}

export function toDonorView(donor: Donor): DonorView {
  return { id: donor._id, name: donor.name, kind: donor.kind, anonymous: donor.anonymous }
}

function summaryOf(donation: Donation): string {
  const label = DONATION_KINDS[donation.kind]
  switch (donation.kind) {
    case 'cash':
      return `${label} ${formatYuan(donation.amountFen ?? 0)} 元（收据 ${donation.receiptNo}）`
    case 'sale_proceeds':
      return `${label} ${formatYuan(donation.amountFen ?? 0)} 元${
        donation.itemsSold ? `，售出 ${donation.itemsSold} 件` : ''
      }（收据 ${donation.receiptNo}）`
    case 'goods':
      return `${label}：${donation.itemName} ${donation.quantity} ${donation.unit}${
        donation.valueFen ? `（估值 ${formatYuan(donation.valueFen)} 元）` : ''
      }`
    case 'service':
      return `${label}：${donation.serviceDescription}`
  }
}

export function toDonationView(donation: Donation): DonationView {
  return {
    id: donation._id,
    receivedOn: donation.receivedOn,
    donorLabel: donorLabelOf(donation),
    kind: donation.kind,
    summary: summaryOf(donation),
  }
}

/** A ledger line; a recipient's name is masked wherever the line is shown. */
export function toMoveView(move: StockMove): MoveView {
  const note =
    move.kind === 'out'
      ? `${maskName(move.recipient?.name ?? '')}${move.recipient?.note ? `（${move.recipient.note}）` : ''}`
      : move.kind === 'in'
        ? (move.source ?? '捐赠入库')
        : (move.reason ?? '盘点调整')
  return {
    id: move._id,
    date: move.date,
    itemName: move.itemName,
    unit: move.unit,
    kind: move.kind,
    quantity: move.quantity,
    balanceAfter: move.balanceAfter,
    note,
  }
}

export function toStockItemView(item: StockItem, ledgerSum: number): StockItemView {
  return {
    id: item._id,
    name: item.name,
    unit: item.unit,
    balance: item.balance,
    reconciled: ledgerSum === item.balance,
    ...(item.lastStocktake
      ? {
          lastStocktake: {
            on: item.lastStocktake.on,
            book: item.lastStocktake.book,
            counted: item.lastStocktake.counted,
          },
        }
      : {}),
  }
}
