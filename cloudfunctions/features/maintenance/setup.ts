import { z } from 'zod'
import hierarchyFile from '../../../deploy/hierarchy.json'
import { recordAudit } from '../../shared/audit'
import type { UserRecord } from '../../shared/caller'
import { COLLECTIONS, INDEXES, type CollectionName } from '../../shared/collections'
import { ensureCollection, saveDocument, transaction } from '../../shared/db'
import type { Role } from '../../shared/roles'
import { parseInput, recordId, text } from '../../shared/validation'
import type { Community, District, Street } from '../directory/domain'

const place = { id: recordId('编号'), name: text('名称', { max: 30 }) }
const role = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('community_worker'), communityId: recordId('社区') }).strict(),
  z.object({ kind: z.literal('street_admin'), streetId: recordId('街道') }).strict(),
  z.object({ kind: z.literal('district_admin'), districtId: recordId('区') }).strict(),
  z.object({ kind: z.literal('org_member'), orgId: recordId('组织') }).strict(),
])

/** deploy/hierarchy.json: the district → street → community hierarchy and the first staff. */
const hierarchySchema = z
  .object({
    districts: z.array(z.object(place).strict()).min(1, '至少需要一个区'),
    streets: z.array(
      z
        .object({ ...place, districtId: recordId('区'), pilot: z.boolean().default(false) })
        .strict(),
    ),
    communities: z.array(
      z
        .object({ ...place, streetId: recordId('街道'), pilot: z.boolean().default(false) })
        .strict(),
    ),
    staff: z.array(
      z
        .object({
          openid: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, '工作人员的 openid 无效'),
          displayName: text('姓名', { max: 20 }),
          roles: z.array(role).min(1, '请为工作人员指定角色'),
        })
        .strict(),
    ),
  })
  .strict()
  .superRefine((file, context) => {
    const ids = (items: { id: string }[]) => new Set(items.map((item) => item.id))
    const [districts, streets, communities] = [file.districts, file.streets, file.communities].map(
      ids,
    )
    const problem = (message: string) => context.addIssue({ code: 'custom', message })
    for (const street of file.streets) {
      if (!districts.has(street.districtId)) problem(`街道 ${street.name} 所属的区不存在`)
    }
    for (const community of file.communities) {
      if (!streets.has(community.streetId)) problem(`社区 ${community.name} 所属的街道不存在`)
    }
    for (const person of file.staff) {
      for (const held of person.roles) {
        const scope =
          held.kind === 'community_worker'
            ? communities.has(held.communityId)
            : held.kind === 'street_admin'
              ? streets.has(held.streetId)
              : held.kind === 'district_admin'
                ? districts.has(held.districtId)
                : true
        if (!scope) problem(`${person.displayName} 的角色所属范围不存在`)
      }
    }
  })

export interface SetupReport {
  /** Every collection of the manifest, created where it did not exist. */
  collections: number
  /** The indexes to create by hand in the console (the SDK cannot), as the manifest lists them. */
  indexes: { collection: CollectionName; fields: string }[]
  imported: { districts: number; streets: number; communities: number; staff: number }
}

/**
 * Prepares a fresh environment from the manifest and deploy/hierarchy.json: every collection, the
 * hierarchy and the first staff with their roles. Each write is by id and repeatable, so the setup
 * may run again after a change to the file (nothing is removed). The file is checked first: a
 * broken file changes nothing.
 */
export async function setUpEnvironment(file: unknown = hierarchyFile): Promise<SetupReport> {
  const hierarchy = parseInput(hierarchySchema, file)
  const names = Object.values(COLLECTIONS)
  for (const name of names) await ensureCollection(name)
  for (const { id, name } of hierarchy.districts) {
    await saveDocument<District>(COLLECTIONS.districts, { _id: id, name })
  }
  for (const { id, ...street } of hierarchy.streets) {
    await saveDocument<Street>(COLLECTIONS.streets, { _id: id, ...street })
  }
  const districtOf = new Map(hierarchy.streets.map((street) => [street.id, street.districtId]))
  for (const { id, ...community } of hierarchy.communities) {
    await saveDocument<Community>(COLLECTIONS.communities, {
      _id: id,
      districtId: districtOf.get(community.streetId)!,
      ...community,
    })
  }
  for (const person of hierarchy.staff) {
    await transaction(async (tx) => {
      const user = await tx.get<UserRecord>(COLLECTIONS.users, person.openid)
      const held = user?.roles ?? []
      const key = (item: Role) => JSON.stringify(item)
      const roles = [...held, ...person.roles.filter((item) => !held.map(key).includes(key(item)))]
      await tx.set<UserRecord>(COLLECTIONS.users, {
        _id: person.openid,
        displayName: user?.displayName ?? person.displayName,
        createdAt: user?.createdAt ?? new Date(),
        ...user,
        roles,
      })
    })
  }
  const imported = {
    districts: hierarchy.districts.length,
    streets: hierarchy.streets.length,
    communities: hierarchy.communities.length,
    staff: hierarchy.staff.length,
  }
  await recordAudit({
    actorId: 'system:setup',
    action: 'maintenance.setup',
    collection: COLLECTIONS.communities,
    targetId: hierarchy.districts.map((district) => district.id).join(','),
    detail: JSON.stringify(imported),
  })
  return {
    collections: names.length,
    indexes: names.flatMap((name) =>
      INDEXES[name].map((spec) => ({
        collection: name,
        fields: spec.fields
          .map(([field, direction]) => `${field} ${direction === 'asc' ? '升序' : '降序'}`)
          .join('，'),
      })),
    ),
    imported,
  }
}
