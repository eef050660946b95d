import type { NeedClaim } from '../domain/types'
import { AppError } from '../errors'
import {
  COLLECTIONS,
  collection,
  command,
  findAll,
  requireById,
  insertOne,
  updateWhere,
} from './collections'

export async function insertClaim(claim: Omit<NeedClaim, '_id'>): Promise<NeedClaim> {
  return { ...claim, _id: await insertOne(COLLECTIONS.claims, claim) }
}

export async function requireClaim(id: string): Promise<NeedClaim> {
  return requireById<NeedClaim>(COLLECTIONS.claims, id, '该揭榜申请不存在')
}

export async function listClaims(filter: {
  organizationIds?: string[]
  communityIds?: string[]
  needIds?: string[]
  status?: NeedClaim['status']
}): Promise<NeedClaim[]> {
  const _ = command()
  return findAll<NeedClaim>(
    collection(COLLECTIONS.claims)
      .where({
        ...(filter.organizationIds ? { organizationId: _.in(filter.organizationIds) } : {}),
        ...(filter.communityIds ? { communityId: _.in(filter.communityIds) } : {}),
        ...(filter.needIds ? { needId: _.in(filter.needIds) } : {}),
        ...(filter.status ? { status: filter.status } : {}),
      })
      .orderBy('createdAt', 'desc'),
  )
}

/**
 * Moves a claim from one status to the next only if it is still in the expected one, so two
 * workers deciding the same claim at once cannot both succeed.
 */
export async function transitionClaim(
  id: string,
  from: NeedClaim['status'],
  changes: Partial<Omit<NeedClaim, '_id'>>,
): Promise<void> {
  const updated = await updateWhere(
    collection(COLLECTIONS.claims).where({ _id: id, status: from }),
    { ...changes, updatedAt: new Date() },
  )
  if (updated !== 1) throw new AppError('CONFLICT', '该揭榜申请已被处理，请刷新')
}
