import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { ZodTypeAny } from 'zod'
import type { Community, District, Street } from '../../cloudfunctions/features/directory/domain'
import type { Organization } from '../../cloudfunctions/features/organizations/domain'
import type { Caller } from '../../cloudfunctions/shared/caller'
import { invokeAction, type Service } from '../../cloudfunctions/shared/handler'
import type { Role } from '../../cloudfunctions/shared/roles'
import { LocalDatabase } from '../../localcloud/database'
import { installLocalCloud } from '../../localcloud/runtime'

// A small world built by each service test: one district, two streets, three communities, two
// organizations and the people acting in them. Services are called in-process, without HTTP, on
// the local cloud's embedded database through the real wx-server-sdk.

export const DISTRICT: District = { _id: 'd1', name: '测试区' }
export const STREETS: Street[] = [
  { _id: 's1', districtId: 'd1', name: '东街道', pilot: true },
  { _id: 's2', districtId: 'd1', name: '西街道', pilot: true },
]
export const COMMUNITIES: Community[] = [
  { _id: 'c1', districtId: 'd1', streetId: 's1', name: '东一社区', pilot: true },
  { _id: 'c2', districtId: 'd1', streetId: 's1', name: '东二社区', pilot: true },
  { _id: 'c3', districtId: 'd1', streetId: 's2', name: '西一社区', pilot: true },
]
export const ORGANIZATIONS: Organization[] = [
  {
    _id: 'o1',
    districtId: 'd1',
    name: '红帆志愿队',
    kind: 'volunteer_org',
    description: '志愿服务',
  },
  {
    _id: 'o2',
    districtId: 'd1',
    name: '青松社工站',
    kind: 'social_org',
    description: '专业社工',
    grade: '4A',
  },
]

export interface World {
  readonly db: LocalDatabase
  /**
   * A user with these roles, stored as the platform would have registered them; a user stored
   * already is answered as stored now (the edge resolves the caller afresh on every call).
   */
  person(id: string, roles: Role[], displayName?: string): Caller
  /** Runs an action as the caller, with the input validated as the function's edge does. */
  call<
    I extends Record<string, ZodTypeAny>,
    O extends Record<keyof I, unknown>,
    A extends keyof I & string,
  >(
    service: Service<I, O>,
    action: A,
    payload: unknown,
    caller: Caller | undefined,
  ): Promise<O[A]>
}

/**
 * Opens a fresh embedded database with the local cloud on it before each test, prepared by
 * `prepare`, and removes it after; answers the current test's database.
 */
export function useLocalDatabase(prepare: (db: LocalDatabase) => void): () => LocalDatabase {
  let db: LocalDatabase | undefined
  let dir = ''
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'gongjian-service-'))
    db = await LocalDatabase.open(dir)
    installLocalCloud(db)
    prepare(db)
  })
  afterEach(async () => {
    db?.close()
    await rm(dir, { recursive: true, force: true })
  })
  return () => {
    if (!db) throw new Error('the database is opened before each test')
    return db
  }
}

/** Opens a fresh embedded database before each test and builds the world in it. */
export function useWorld(): World {
  const current = useLocalDatabase((db) => {
    db.insertMany('districts', [DISTRICT])
    db.insertMany('streets', STREETS)
    db.insertMany('communities', COMMUNITIES)
    db.insertMany('organizations', ORGANIZATIONS)
  })
  return {
    get db() {
      return current()
    },
    person(id, roles, displayName = id) {
      const stored = current().findOne<Caller>('users', { _id: id })
      if (stored) return stored
      const user: Caller = { _id: id, displayName, roles, createdAt: new Date() }
      current().insertMany('users', [user])
      return user
    },
    call: (service, action, payload, caller) => invokeAction(service, action, payload, caller),
  }
}

/** Rejects with the AppError code and message an action answers with. */
export async function refusal(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string }> {
  try {
    await promise
  } catch (error) {
    const { code, message } = error as { code: string; message: string }
    return { code, message }
  }
  throw new Error('expected the action to be refused')
}
