import type { Community, District, Street } from '../domain/types'
import { AppError } from '../errors'
import {
  COLLECTIONS,
  collection,
  findAll,
  findById,
  requireById,
  type CollectionName,
} from './collections'

export async function findCommunity(id: string): Promise<Community | undefined> {
  return findById<Community>(COLLECTIONS.communities, id)
}

export async function requireCommunity(id: string): Promise<Community> {
  const community = await findCommunity(id)
  if (!community) throw new AppError('NOT_FOUND', '所选社区不存在')
  return community
}

/** The whole hierarchy of a district; a district has at most ~10 streets and ~110 communities. */
export async function loadDistrictTree(): Promise<{
  districts: District[]
  streets: Street[]
  communities: Community[]
}> {
  const [districts, streets, communities] = await Promise.all([
    readAll<District>(COLLECTIONS.districts),
    readAll<Street>(COLLECTIONS.streets),
    readAll<Community>(COLLECTIONS.communities),
  ])
  return { districts, streets, communities }
}

async function readAll<T>(name: CollectionName): Promise<T[]> {
  return findAll<T>(collection(name).where({}).orderBy('_id', 'asc'))
}

export async function requireStreet(id: string): Promise<Street> {
  return requireById<Street>(COLLECTIONS.streets, id, '所选街道不存在')
}
