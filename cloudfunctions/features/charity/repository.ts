import {
  COLLECTIONS,
  command,
  findById,
  insertIfAbsent,
  insertOne,
  sumWhere,
  type Transaction,
} from '../../shared/db'
import { readAll, readFirst } from '../../shared/paging'
import type { CharityPool, Donation, Donor, StockItem, StockMove } from './domain'

const RECENT = 20

export function findPool(streetId: string): Promise<CharityPool | undefined> {
  return findById<CharityPool>(COLLECTIONS.charityPools, streetId)
}

export function savePoolIn(tx: Transaction, pool: CharityPool) {
  return tx.set(COLLECTIONS.charityPools, pool)
}

export async function insertDonor(donor: Omit<Donor, '_id'>): Promise<Donor> {
  return { ...donor, _id: await insertOne(COLLECTIONS.charityDonors, donor) }
}

export function findDonor(id: string): Promise<Donor | undefined> {
  return findById<Donor>(COLLECTIONS.charityDonors, id)
}

export function listDonors(streetId: string): Promise<Donor[]> {
  return readAll<Donor>(COLLECTIONS.charityDonors, { streetId }, [
    ['name', 'asc'],
    ['_id', 'asc'],
  ])
}

export function listStock(streetId: string): Promise<StockItem[]> {
  return readAll<StockItem>(COLLECTIONS.charityStock, { streetId }, [
    ['name', 'asc'],
    ['_id', 'asc'],
  ])
}

export function findStockItem(id: string): Promise<StockItem | undefined> {
  return findById<StockItem>(COLLECTIONS.charityStock, id)
}

export function readStockItemIn(tx: Transaction, id: string) {
  return tx.get<StockItem>(COLLECTIONS.charityStock, id)
}

export function saveStockItemIn(tx: Transaction, item: StockItem) {
  return tx.set(COLLECTIONS.charityStock, item)
}

/** Stores a donation that moves no stock (cash, services, sale proceeds). */
export function insertDonation(donation: Donation): Promise<boolean> {
  return insertIfAbsent(COLLECTIONS.charityDonations, donation)
}

export function saveDonationIn(tx: Transaction, donation: Donation) {
  return tx.set(COLLECTIONS.charityDonations, donation)
}

export function saveMoveIn(tx: Transaction, move: StockMove) {
  return tx.set(COLLECTIONS.charityMoves, move)
}

/** What the item's ledger lines add up to, for the 账物相符 check. */
export function sumMovesOf(itemId: string): Promise<number> {
  return sumWhere(COLLECTIONS.charityMoves, { itemId }, 'quantity')
}

export function listMovesOfItem(itemId: string): Promise<StockMove[]> {
  return readAll<StockMove>(COLLECTIONS.charityMoves, { itemId }, [
    ['at', 'asc'],
    ['_id', 'asc'],
  ])
}

export function listRecentDonations(streetId: string): Promise<Donation[]> {
  return readFirst<Donation>(
    COLLECTIONS.charityDonations,
    { streetId },
    [
      ['quarter', 'desc'],
      ['receivedOn', 'desc'],
      ['_id', 'asc'],
    ],
    RECENT,
  )
}

export function listRecentMoves(streetId: string): Promise<StockMove[]> {
  return readFirst<StockMove>(
    COLLECTIONS.charityMoves,
    { streetId },
    [
      ['quarter', 'desc'],
      ['date', 'desc'],
      ['_id', 'asc'],
    ],
    RECENT,
  )
}

export function listDonationsOfQuarter(streetId: string, quarter: string): Promise<Donation[]> {
  return readAll<Donation>(COLLECTIONS.charityDonations, { streetId, quarter }, [
    ['receivedOn', 'asc'],
    ['_id', 'asc'],
  ])
}

export function listMovesOfQuarter(streetId: string, quarter: string): Promise<StockMove[]> {
  return readAll<StockMove>(COLLECTIONS.charityMoves, { streetId, quarter }, [
    ['date', 'asc'],
    ['at', 'asc'],
    ['_id', 'asc'],
  ])
}

/** The item's balance carried into a date: its lines dated before it. */
export function sumMovesBefore(itemId: string, date: string): Promise<number> {
  return sumWhere(COLLECTIONS.charityMoves, { itemId, date: command().lt(date) }, 'quantity')
}
