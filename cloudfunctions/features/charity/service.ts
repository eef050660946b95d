import { recordAuditIn } from '../../shared/audit'
import type { Caller } from '../../shared/caller'
import { COLLECTIONS, transaction } from '../../shared/db'
import type { OutputsOf } from '../../shared/endpoints'
import { AppError } from '../../shared/errors'
import { defineService, publicAction } from '../../shared/handler'
import { newId } from '../../shared/ids'
import { isDistrictAdmin, isMemberOf } from '../../shared/roles'
import { chinaDateOf } from '../../shared/time'
import type { Street } from '../directory/domain'
import { requireStreet } from '../directory/service'
import { findOrganization } from '../organizations/repository'
import { requireOrganization } from '../organizations/service'
import { charityInputs, type CharityApi, type NoticeView } from './contract'
import {
  fenOf,
  quarterLabel,
  quarterOf,
  quarterRange,
  shiftQuarter,
  shortageOf,
  type CharityPool,
  type Donation,
  type StockItem,
  type StockMove,
} from './domain'
import {
  findDonor,
  findPool,
  findStockItem,
  insertDonation,
  insertDonor,
  listDonationsOfQuarter,
  listDonors,
  listMovesOfItem,
  listMovesOfQuarter,
  listRecentDonations,
  listRecentMoves,
  listStock,
  readStockItemIn,
  saveDonationIn,
  saveMoveIn,
  savePoolIn,
  saveStockItemIn,
  sumMovesBefore,
  sumMovesOf,
} from './repository'
import { donorLabelOf, toDonationView, toDonorView, toMoveView, toStockItemView } from './views'

export const charityService = defineService<typeof charityInputs, OutputsOf<CharityApi>>(
  charityInputs,
  {
    async pool({ streetId }, caller) {
      const { street, pool } = await requirePool(streetId)
      return poolViewOf(street, pool, caller)
    },

    async savePool({ streetId, operatorOrgId, ...fields }, caller) {
      const street = await requireStreet(streetId)
      if (!adminsStreet(caller, street)) {
        throw new AppError('FORBIDDEN', `只有${street.name}或区级管理员可以设置慈善资源库`)
      }
      if (operatorOrgId) await requireOrganization(operatorOrgId)
      await transaction(async (tx) => {
        const existing = await tx.get<CharityPool>(COLLECTIONS.charityPools, streetId)
        await savePoolIn(tx, {
          _id: streetId,
          districtId: street.districtId,
          streetId,
          ...fields,
          ...(operatorOrgId ? { operatorOrgId } : {}),
          createdAt: existing?.createdAt ?? new Date(),
        })
      })
      const { pool } = await requirePool(streetId)
      return poolViewOf(street, pool, caller)
    },

    async addDonor({ streetId, ...donor }, caller) {
      const { street } = await requireManagedPool(caller, streetId)
      return toDonorView(
        await insertDonor({
          ...donor,
          streetId,
          districtId: street.districtId,
          createdAt: new Date(),
        }),
      )
    },

    async recordDonation(input, caller) {
      const { street } = await requireManagedPool(caller, input.streetId)
      const donor = await findDonor(input.donorId)
      if (!donor || donor.streetId !== street._id) {
        throw new AppError('NOT_FOUND', '该捐赠方不存在')
      }
      if (input.receivedOn > chinaDateOf(new Date())) {
        throw new AppError('INVALID_INPUT', '接收日期不能晚于今天')
      }
      const existingItem =
        input.kind === 'goods' && input.itemId ? await requireItem(street, input.itemId) : undefined
      const donation: Donation = {
        _id: newId('don'),
        streetId: street._id,
        districtId: street.districtId,
        donorId: donor._id,
        donorName: donor.name,
        donorKind: donor.kind,
        anonymous: donor.anonymous,
        kind: input.kind,
        receivedOn: input.receivedOn,
        quarter: quarterOf(input.receivedOn),
        ...(input.amount && input.kind !== 'goods' && input.kind !== 'service'
          ? { amountFen: fenOf(input.amount), receiptNo: input.receiptNo }
          : {}),
        ...(input.kind === 'sale_proceeds' && input.itemsSold
          ? { itemsSold: input.itemsSold }
          : {}),
        ...(input.kind === 'service' ? { serviceDescription: input.serviceDescription } : {}),
        ...(input.note ? { note: input.note } : {}),
        recordedBy: caller._id,
        createdAt: new Date(),
      }
      if (input.kind !== 'goods') {
        await insertDonation(donation)
        return toDonationView(donation)
      }
      const quantity = input.quantity!
      const itemId = existingItem?._id ?? newId('item')
      // The donation, the stock's new balance and the ledger line are written together.
      const recorded = await transaction(async (tx) => {
        const now = new Date()
        const stored = existingItem ? await readStockItemIn(tx, itemId) : undefined
        const item: StockItem = stored ?? {
          _id: itemId,
          streetId: street._id,
          name: input.newItem!.name,
          unit: input.newItem!.unit,
          balance: 0,
          updatedAt: now,
        }
        const goods: Donation = {
          ...donation,
          itemId,
          itemName: item.name,
          quantity,
          unit: item.unit,
          ...(input.value ? { valueFen: fenOf(input.value) } : {}),
        }
        await saveDonationIn(tx, goods)
        await saveStockItemIn(tx, { ...item, balance: item.balance + quantity, updatedAt: now })
        await saveMoveIn(tx, {
          ...moveBase(item, input.receivedOn, caller, now),
          kind: 'in',
          quantity,
          balanceAfter: item.balance + quantity,
          donationId: goods._id,
          source: donorLabelOf(goods),
        })
        return goods
      })
      return toDonationView(recorded)
    },

    async distribute({ streetId, itemId, quantity, recipientName, recipientNote, date }, caller) {
      const { street } = await requireManagedPool(caller, streetId)
      await requireItem(street, itemId)
      if (date > chinaDateOf(new Date())) {
        throw new AppError('INVALID_INPUT', '发放日期不能晚于今天')
      }
      // Read and written in one transaction: two distributions at once never overdraw the stock.
      const move = await transaction(async (tx) => {
        const item = await readStockItemIn(tx, itemId)
        if (!item) throw new AppError('NOT_FOUND', '该物资不存在')
        const shortage = shortageOf(item, quantity)
        if (shortage) throw new AppError('CONFLICT', shortage)
        const now = new Date()
        const line: StockMove = {
          ...moveBase(item, date, caller, now),
          kind: 'out',
          quantity: -quantity,
          balanceAfter: item.balance - quantity,
          recipient: { name: recipientName, ...(recipientNote ? { note: recipientNote } : {}) },
        }
        await saveStockItemIn(tx, { ...item, balance: line.balanceAfter, updatedAt: now })
        await saveMoveIn(tx, line)
        return line
      })
      return toMoveView(move)
    },

    async stocktake({ streetId, itemId, counted, note }, caller) {
      const { street } = await requireManagedPool(caller, streetId)
      await requireItem(street, itemId)
      const today = chinaDateOf(new Date())
      await transaction(async (tx) => {
        const item = await readStockItemIn(tx, itemId)
        if (!item) throw new AppError('NOT_FOUND', '该物资不存在')
        const now = new Date()
        const stocktake = { on: today, book: item.balance, counted, by: caller._id }
        if (counted !== item.balance) {
          await saveMoveIn(tx, {
            ...moveBase(item, today, caller, now),
            kind: 'adjust',
            quantity: counted - item.balance,
            balanceAfter: counted,
            reason: note ? `盘点调整：${note}` : '盘点调整',
          })
        }
        await saveStockItemIn(tx, {
          ...item,
          balance: counted,
          lastStocktake: stocktake,
          updatedAt: now,
        })
        await recordAuditIn(tx, {
          actorId: caller._id,
          action: 'charity.stocktake',
          collection: COLLECTIONS.charityStock,
          targetId: itemId,
          detail: `${item.name}：账面 ${item.balance} ${item.unit}，实盘 ${counted} ${item.unit}`,
          districtId: street.districtId,
          streetId: street._id,
        })
      })
      const item = await requireItem(street, itemId)
      return toStockItemView(item, await sumMovesOf(itemId))
    },

    async ledger({ streetId, itemId }, caller) {
      const { street } = await requireManagedPool(caller, streetId)
      const item = await requireItem(street, itemId)
      const moves = await listMovesOfItem(itemId)
      return {
        item: toStockItemView(
          item,
          moves.reduce((sum, move) => sum + move.quantity, 0),
        ),
        moves: moves.map(toMoveView),
      }
    },

    // 公示: what came in and went out in a quarter, for anyone to read, signed in or not.
    notice: publicAction(async ({ streetId, quarter }: { streetId: string; quarter?: string }) => {
      const { street, pool } = await requirePool(streetId)
      return noticeOf(street, pool, quarter ?? quarterOf(chinaDateOf(new Date())))
    }),
  },
)

async function requirePool(streetId: string): Promise<{ street: Street; pool: CharityPool }> {
  const street = await requireStreet(streetId)
  const pool = await findPool(streetId)
  if (!pool) throw new AppError('NOT_FOUND', `${street.name}尚未建立慈善资源库`)
  return { street, pool }
}

function adminsStreet(caller: Caller, street: Street): boolean {
  return (
    isDistrictAdmin(caller, street.districtId) ||
    caller.roles.some((role) => role.kind === 'street_admin' && role.streetId === street._id)
  )
}

/** The street's and district's admins, and the members of the organization that runs it. */
function managesPool(caller: Caller, street: Street, pool: CharityPool): boolean {
  return (
    adminsStreet(caller, street) ||
    (pool.operatorOrgId !== undefined && isMemberOf(caller, pool.operatorOrgId))
  )
}

async function requireManagedPool(caller: Caller, streetId: string) {
  const found = await requirePool(streetId)
  if (!managesPool(caller, found.street, found.pool)) {
    throw new AppError('FORBIDDEN', `只有${found.pool.name}的管理人员可以进行此操作`)
  }
  return found
}

async function requireItem(street: Street, itemId: string): Promise<StockItem> {
  const item = await findStockItem(itemId)
  if (!item || item.streetId !== street._id) throw new AppError('NOT_FOUND', '该物资不存在')
  return item
}

function moveBase(item: StockItem, date: string, caller: Caller, at: Date) {
  return {
    _id: newId('move'),
    streetId: item.streetId,
    itemId: item._id,
    itemName: item.name,
    unit: item.unit,
    date,
    quarter: quarterOf(date),
    at,
    recordedBy: caller._id,
  }
}

async function poolViewOf(street: Street, pool: CharityPool, caller: Caller) {
  const [donors, stock, donations, moves, operator] = await Promise.all([
    listDonors(street._id),
    listStock(street._id),
    listRecentDonations(street._id),
    listRecentMoves(street._id),
    pool.operatorOrgId ? findOrganization(pool.operatorOrgId) : Promise.resolve(undefined),
  ])
  const sums = await Promise.all(stock.map((item) => sumMovesOf(item._id)))
  return {
    streetId: street._id,
    streetName: street.name,
    name: pool.name,
    storeName: pool.storeName,
    ...(operator ? { operatorOrgName: operator.name } : {}),
    partner: pool.partner,
    donors: donors.map(toDonorView),
    stock: stock.map((item, index) => toStockItemView(item, sums[index])),
    donations: donations.map(toDonationView),
    moves: moves.map(toMoveView),
    canManage: managesPool(caller, street, pool),
  }
}

/**
 * The quarter's notice, every figure added up from the same records the ledger holds: donations
 * received in the quarter and stock lines dated in it.
 */
async function noticeOf(street: Street, pool: CharityPool, quarter: string): Promise<NoticeView> {
  const period = quarterRange(quarter)
  const [donations, moves] = await Promise.all([
    listDonationsOfQuarter(street._id, quarter),
    listMovesOfQuarter(street._id, quarter),
  ])
  const itemIds = [...new Set(moves.map((move) => move.itemId))]
  const opening = await Promise.all(itemIds.map((id) => sumMovesBefore(id, period.from)))
  const sumOf = (lines: StockMove[], kind: StockMove['kind']) =>
    lines.filter((line) => line.kind === kind).reduce((sum, line) => sum + line.quantity, 0)
  const amountOf = (kind: Donation['kind']) =>
    donations
      .filter((donation) => donation.kind === kind)
      .reduce((sum, donation) => sum + (donation.amountFen ?? 0), 0)
  const distributions = moves.filter((move) => move.kind === 'out')
  const current = quarterOf(chinaDateOf(new Date()))
  return {
    streetName: street.name,
    poolName: pool.name,
    storeName: pool.storeName,
    quarter,
    quarterLabel: quarterLabel(quarter),
    period,
    partner: pool.partner,
    totals: {
      donations: donations.length,
      cashFen: amountOf('cash'),
      saleProceedsFen: amountOf('sale_proceeds'),
      goodsDonations: donations.filter((donation) => donation.kind === 'goods').length,
      services: donations.filter((donation) => donation.kind === 'service').length,
      distributions: distributions.length,
    },
    goods: itemIds.map((itemId, index) => {
      const lines = moves.filter((move) => move.itemId === itemId)
      const received = sumOf(lines, 'in')
      const distributed = -sumOf(lines, 'out')
      const adjusted = sumOf(lines, 'adjust')
      return {
        itemName: lines[0].itemName,
        unit: lines[0].unit,
        received,
        distributed,
        adjusted,
        balanceAtEnd: opening[index] + received - distributed + adjusted,
      }
    }),
    donations: donations.map(toDonationView),
    distributions: distributions.map(toMoveView),
    previousQuarter: shiftQuarter(quarter, -1),
    ...(quarter < current ? { nextQuarter: shiftQuarter(quarter, 1) } : {}),
  }
}
