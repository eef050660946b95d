import type { ResourceOffering } from '../domain/types'
import { releaseUnits, reserveUnits } from './capacity'
import {
  COLLECTIONS,
  collection,
  command,
  findPage,
  findAll,
  requireById,
  insertOne,
  updateWhere,
} from './collections'
import { LIST_PAGE_SIZE } from './communityNeeds'

export async function insertOffering(
  offering: Omit<ResourceOffering, '_id'>,
): Promise<ResourceOffering> {
  return { ...offering, _id: await insertOne(COLLECTIONS.resourceOfferings, offering) }
}

export async function requireOffering(id: string): Promise<ResourceOffering> {
  return requireById<ResourceOffering>(COLLECTIONS.resourceOfferings, id, '该资源不存在')
}

/** Applies an edit; a new capacity only if it still covers the units already committed. */
export async function updateOffering(
  id: string,
  changes: Partial<ResourceOffering>,
): Promise<boolean> {
  const _ = command()
  const condition =
    changes.capacity === undefined ? { _id: id } : { _id: id, committed: _.lte(changes.capacity) }
  const updated = await updateWhere(collection(COLLECTIONS.resourceOfferings).where(condition), {
    ...changes,
    updatedAt: new Date(),
  })
  return updated === 1
}

export async function listOfferings(organizationId: string | undefined, page: number) {
  const query = collection(COLLECTIONS.resourceOfferings).where(
    organizationId ? { organizationId } : {},
  )
  return findPage<ResourceOffering>(query, page, LIST_PAGE_SIZE)
}

/** Active offerings with capacity left; a district has hundreds to a few thousand. */
export async function activeOfferingsWithCapacity(): Promise<ResourceOffering[]> {
  const query = collection(COLLECTIONS.resourceOfferings).where({ status: 'active' })
  const rows = await findAll<ResourceOffering>(query.orderBy('_id', 'asc'))
  return rows.filter((row) => row.committed < row.capacity)
}

export async function reserveOfferingUnits(
  offering: ResourceOffering,
  units: number,
): Promise<boolean> {
  return reserveUnits(COLLECTIONS.resourceOfferings, offering._id, units, offering.capacity, {
    capacity: offering.capacity,
    status: 'active',
  })
}

export async function releaseOfferingUnits(offeringId: string, units: number): Promise<void> {
  await releaseUnits(COLLECTIONS.resourceOfferings, offeringId, units)
}
