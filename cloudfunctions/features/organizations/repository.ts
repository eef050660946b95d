import { COLLECTIONS, findById, findByIds } from '../../shared/db'
import { readAll } from '../../shared/paging'
import type { Organization } from './domain'

export function findOrganization(id: string): Promise<Organization | undefined> {
  return findById<Organization>(COLLECTIONS.organizations, id)
}

export function findOrganizations(ids: string[]): Promise<Organization[]> {
  return findByIds<Organization>(COLLECTIONS.organizations, ids)
}

/** Every organization of the district; a district has tens to a few hundred. */
export function listOrganizations(): Promise<Organization[]> {
  return readAll<Organization>(COLLECTIONS.organizations, {}, [['_id', 'asc']])
}
