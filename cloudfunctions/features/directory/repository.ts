import { COLLECTIONS, findById } from '../../shared/db'
import { readAll } from '../../shared/paging'
import type { Community, DistrictTree, Street } from './domain'

export function findCommunity(id: string): Promise<Community | undefined> {
  return findById<Community>(COLLECTIONS.communities, id)
}

export function findStreet(id: string): Promise<Street | undefined> {
  return findById<Street>(COLLECTIONS.streets, id)
}

/** The whole hierarchy; a district has at most ~10 streets and ~110 communities. */
export async function loadDistrictTree(): Promise<DistrictTree> {
  const [districts, streets, communities] = await Promise.all([
    readAll<DistrictTree['districts'][number]>(COLLECTIONS.districts, {}, [['_id', 'asc']]),
    readAll<Street>(COLLECTIONS.streets, {}, [['_id', 'asc']]),
    readAll<Community>(COLLECTIONS.communities, {}, [['_id', 'asc']]),
  ])
  return { districts, streets, communities }
}
