import { AppError } from '../../shared/errors'
import type { Organization } from './domain'
import { findOrganization } from './repository'

export async function requireOrganization(id: string): Promise<Organization> {
  const organization = await findOrganization(id)
  if (!organization) throw new AppError('NOT_FOUND', '该组织不存在')
  return organization
}
