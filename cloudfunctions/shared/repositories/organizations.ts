import type { Organization } from '../domain/types'
import { AppError } from '../errors'
import { COLLECTIONS, MAX_PAGE, collection, command, findById, findMany } from './collections'

export async function findOrganization(id: string): Promise<Organization | undefined> {
  return findById<Organization>(COLLECTIONS.organizations, id)
}

export async function requireOrganization(id: string): Promise<Organization> {
  const organization = await findOrganization(id)
  if (!organization) throw new AppError('NOT_FOUND', '该组织不存在')
  return organization
}

/** Organizations by id (or all of the district's); a district has tens, not thousands. */
export async function listOrganizations(ids?: string[]): Promise<Organization[]> {
  const filter = ids ? { _id: command().in(ids) } : {}
  return findMany<Organization>(
    collection(COLLECTIONS.organizations).where(filter).orderBy('name', 'asc').limit(MAX_PAGE),
  )
}
