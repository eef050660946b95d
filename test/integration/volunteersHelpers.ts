import type { LocalCloud } from '../../localcloud/server'
import { callAs, signIn } from './localCloudClient'
import { chinaClockIn, createResidents } from './stallsHelpers'

/** Tomorrow's date in China, so a shift can be published and its times entered by staff. */
export const TOMORROW = chinaClockIn(24 * 60).date

/** A verified volunteer record straight in the database, for each resident made by createResidents. */
export async function createVerifiedVolunteers(
  cloud: LocalCloud,
  dataDir: string,
  count: number,
  prefix: string,
): Promise<string[]> {
  const tokens = await createResidents(cloud, dataDir, count, prefix)
  const now = new Date()
  const volunteers = Array.from({ length: count }, (_, index) => ({
    _id: `${prefix}-${index}`,
    displayName: `居民${index}`,
    kind: 'resident',
    districtId: 'jimo',
    streetId: 'chaohai',
    communityId: 'dahua',
    skills: ['hospital_guide'],
    availability: { weekdays: [1, 2, 3, 4, 5, 6, 7], times: ['morning'] },
    realName: `志愿者${index}`,
    phone: '13900000000',
    consentAt: now,
    status: 'verified',
    checkInCode: `Q${String(index).padStart(5, '0')}`,
    teamIds: [],
    createdAt: now,
    updatedAt: now,
  }))
  cloud.database.insertMany('volunteers', volunteers)
  return tokens
}

export const wangRegistration = {
  kind: 'party_member',
  communityId: 'dahua',
  skills: ['hospital_guide', 'first_aid'],
  availability: { weekdays: [6, 7], times: ['morning'] },
  realName: '王秀英',
  phone: '13812345678',
  consent: true,
} as const

/** 王阿姨 registers in 大华社区 and its worker verifies her; answers her token and check-in code. */
export async function verifiedWang(cloud: LocalCloud): Promise<{ token: string; code: string }> {
  const token = await signIn(cloud, 'demo-resident-wang')
  const registered = await callAs(cloud, token, 'volunteers', 'register', wangRegistration)
  if (!registered.ok) throw new Error(registered.error.message)
  const worker = await signIn(cloud, 'demo-worker-dahua')
  const reviewed = await callAs(cloud, worker, 'volunteers', 'review', {
    volunteerId: 'demo-resident-wang',
    decision: 'verified',
  })
  if (!reviewed.ok) throw new Error(reviewed.error.message)
  return { token, code: registered.data.checkInCode ?? '' }
}

/** 蚂蚁力量's member publishes a shift in 大华社区 tomorrow 09:00–11:00; answers its id and code. */
export async function publishGuideShift(
  cloud: LocalCloud,
  overrides: Record<string, unknown> = {},
): Promise<{ shiftId: string; shiftCode: string }> {
  const member = await signIn(cloud, 'demo-org-mayi')
  const published = await callAs(cloud, member, 'shifts', 'publish', {
    organizer: { kind: 'org', id: 'mayi' },
    communityId: 'dahua',
    title: '医院导诊',
    description: '在区人民医院门诊大厅引导患者挂号、就诊',
    date: TOMORROW,
    start: '09:00',
    end: '11:00',
    place: '即墨区人民医院门诊大厅',
    capacity: 3,
    requiredSkills: ['hospital_guide'],
    ...overrides,
  })
  if (!published.ok) throw new Error(published.error.message)
  return { shiftId: published.data.id, shiftCode: published.data.checkInCode ?? '' }
}

/** 王阿姨, verified, asks to join 蚂蚁力量's team and its admin approves; answers her token. */
export async function wangInMayiTeam(cloud: LocalCloud): Promise<{ token: string; code: string }> {
  const wang = await verifiedWang(cloud)
  const admin = await signIn(cloud, 'demo-org-mayi')
  const team = await callAs(cloud, admin, 'volunteers', 'createTeam', {
    orgId: 'mayi',
    name: '医院导诊服务队',
  })
  if (!team.ok) throw new Error(team.error.message)
  await callAs(cloud, wang.token, 'volunteers', 'joinTeam', { teamId: team.data.id })
  const approved = await callAs(cloud, admin, 'volunteers', 'reviewTeamRequest', {
    teamId: team.data.id,
    userId: 'demo-resident-wang',
    decision: 'approved',
  })
  if (!approved.ok) throw new Error(approved.error.message)
  return wang
}
