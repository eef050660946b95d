import type { Community, District, Street } from '../cloudfunctions/features/directory/domain'
import type { CommunityNeed, ResourceOffering } from '../cloudfunctions/features/lists/domain'
import type { PersonalNeed } from '../cloudfunctions/features/needs/domain'
import { gradeExpiryOf, type Organization } from '../cloudfunctions/features/organizations/domain'
import { grantableOf, seededGrantOf } from '../cloudfunctions/features/people/domain'
import { scopeOfRole } from '../cloudfunctions/shared/roles'
import { slotsOf, type StallEvent } from '../cloudfunctions/features/stalls/domain'
import { emptyLedger } from '../cloudfunctions/shared/capacity/ledger'
import type { UserRecord } from '../cloudfunctions/shared/caller'
import { addDays, chinaDateOf } from '../cloudfunctions/shared/time'
import type { LocalDatabase } from './database'
import { demoAgreements } from './demoAgreements'
import { demoDistrictRecords } from './demoDistrict'
import { COUNCIL_ACCOUNTS, demoCouncils } from './demoCouncils'
import { XINGANGSHANLU, XINGANGSHANLU_WORKER, mediationDemoRecords } from './demoMediation'
import {
  LINPING,
  QIAOSI,
  QIAOSI_CENTER,
  QIAOSI_COMMUNITIES,
  qiaosiCharity,
  qiaosiOrganizations,
  qiaosiTeams,
  qiaosiTrainings,
} from './demoQiaosi'
import { REPAIR_ITEMS } from './demoStalls'
import { demoVolunteerData } from './demoVolunteers'

// The pilot of DOMAIN.md: 即墨区, 5 streets and 13 communities. Streets and communities named in the
// source reports are marked `named`; the others complete the pilot with illustrative names.
const DISTRICT: District = { _id: 'jimo', name: '即墨区' }

const STREETS: (Street & { named: boolean })[] = [
  { _id: 'tongji', districtId: 'jimo', name: '通济街道', pilot: true, named: true },
  { _id: 'chaohai', districtId: 'jimo', name: '潮海街道', pilot: true, named: true },
  { _id: 'beian', districtId: 'jimo', name: '北安街道', pilot: true, named: true },
  { _id: 'huanxiu', districtId: 'jimo', name: '环秀街道', pilot: true, named: false },
  { _id: 'longshan', districtId: 'jimo', name: '龙山街道', pilot: true, named: false },
]

const COMMUNITY_ROWS: [id: string, streetId: string, name: string, named: boolean][] = [
  ['xianshan', 'tongji', '岘山社区', true],
  ['jifa-yangguangcheng', 'tongji', '即发阳光城社区', true],
  ['shuohuiyuan', 'tongji', '硕辉苑社区', true],
  ['dahua', 'chaohai', '大华社区', true],
  ['gucheng', 'chaohai', '古城社区', true],
  ['chaohai-huayuan', 'chaohai', '潮海花园社区', false],
  ['xinhui', 'beian', '新惠社区', true],
  ['beian-zhongxin', 'beian', '北安中心社区', false],
  ['huanxiuhu', 'huanxiu', '环秀湖社区', false],
  ['wenfeng', 'huanxiu', '文峰社区', false],
  ['heshanlu', 'huanxiu', '鹤山路社区', false],
  ['longshan', 'longshan', '龙山社区', false],
  ['guanshan', 'longshan', '观山社区', false],
]

// Around 即墨's old town (36.39 N, 120.45 E), spread so distances between communities are a few km.
const COMMUNITIES: Community[] = COMMUNITY_ROWS.map(([_id, streetId, name], index) => ({
  _id,
  districtId: 'jimo',
  streetId,
  name,
  pilot: true,
  location: { lat: 36.36 + (index % 4) * 0.015, lng: 120.42 + Math.floor(index / 4) * 0.02 },
}))

// Providers named in DOMAIN.md's source reports: the three resource lists' members.
const ORGANIZATIONS: Organization[] = [
  org(
    'moshang',
    '即墨区品牌商会·墨商成长驿站',
    'social_org',
    '可为共建社区提供容纳 120 人的培训、沙龙场地',
    0,
  ),
  org(
    'xiangtai',
    '即墨区祥泰残疾人综合服务中心',
    'social_org',
    '助残康复、残疾人就业帮扶',
    1,
    '4A',
  ),
  org(
    'guoli',
    '即墨区国立社会工作服务中心',
    'social_org',
    '专业社工服务、个案帮扶与社区营造',
    2,
    '5A',
  ),
  org('jixie-shanghui', '即墨区机械制造业商会', 'social_org', '企业志愿服务、技能培训', 3),
  org('mayi', '蚂蚁力量儿童义工团', 'volunteer_org', '助学名额、重大活动保障、生态环保志愿服务', 4),
  org(
    'lituixiu',
    '区离退休干部服务中心',
    'gov_dept',
    '手机摄影培训、中老年人健身项目培训及交流展演',
    5,
  ),
  org('zonggonghui', '区总工会', 'gov_dept', '新就业群体（快递员、外卖骑手）关爱服务', 6),
  org('fulian', '区妇联', 'gov_dept', '妇女儿童权益保障、家庭教育指导', 7),
]

const SEED_TIME = new Date('2026-11-20T09:00:00+08:00')

/** The accounts local sign-in offers, one or more per role. */
export const DEMO_ACCOUNTS: (UserRecord & { title: string })[] = [
  user('demo-resident-wang', '王阿姨', '居民 · 大华社区', 'dahua', [
    { kind: 'resident', communityId: 'dahua' },
  ]),
  user(
    'demo-resident-li',
    '李师傅',
    '居民 · 即发阳光城社区（志愿者登记待审核）',
    'jifa-yangguangcheng',
    [
      { kind: 'resident', communityId: 'jifa-yangguangcheng' },
      { kind: 'volunteer', communityId: 'jifa-yangguangcheng' },
    ],
  ),
  user('demo-volunteer-chen', '陈同学', '大学生志愿者 · 新惠社区', 'xinhui', [
    { kind: 'resident', communityId: 'xinhui' },
    { kind: 'volunteer', communityId: 'xinhui' },
  ]),
  user('demo-worker-dahua', '张社工', '社区工作者 · 大华社区', 'dahua', [
    { kind: 'community_worker', communityId: 'dahua' },
  ]),
  user('demo-worker-xianshan', '刘社工', '社区工作者 · 岘山社区', 'xianshan', [
    { kind: 'community_worker', communityId: 'xianshan' },
  ]),
  user('demo-org-mayi', '赵队长', '志愿服务组织管理员 · 蚂蚁力量儿童义工团', undefined, [
    { kind: 'org_member', orgId: 'mayi', admin: true },
  ]),
  user('demo-org-moshang', '孙会长', '社会组织 · 墨商成长驿站', undefined, [
    { kind: 'org_member', orgId: 'moshang' },
  ]),
  user('demo-org-lituixiu', '周主任', '政府部门 · 区离退休干部服务中心', undefined, [
    { kind: 'org_member', orgId: 'lituixiu' },
  ]),
  user('demo-street-chaohai', '潮海街道管理员', '街道管理员 · 潮海街道', undefined, [
    { kind: 'street_admin', streetId: 'chaohai' },
  ]),
  user('demo-district-admin', '区委社会工作部', '区级管理员 · 即墨区', undefined, [
    { kind: 'district_admin', districtId: 'jimo' },
  ]),
  user(
    XINGANGSHANLU_WORKER,
    '林社工',
    '社区工作者 · 新港山路社区（邻里解忧团）',
    XINGANGSHANLU._id,
    [{ kind: 'community_worker', communityId: XINGANGSHANLU._id }],
  ),
  user('demo-street-qiaosi', '乔司街道管理员', '街道管理员 · 乔司街道（临平区）', undefined, [
    { kind: 'street_admin', streetId: 'qiaosi' },
  ]),
  user('demo-org-qiaosi-center', '何主任', '社会组织管理员 · 乔司社会组织服务中心', undefined, [
    { kind: 'org_member', orgId: QIAOSI_CENTER, admin: true },
  ]),
  user('demo-newcomer-wu', '吴敏', '新用户 · 尚无角色（可接受邀请）', undefined, []),
  user('demo-newcomer-zheng', '郑磊', '新用户 · 尚无角色（可接受邀请）', undefined, []),
  ...COUNCIL_ACCOUNTS,
]

const PERSONAL_NEEDS: Omit<PersonalNeed, '_id'>[] = [
  need(
    'demo-resident-wang',
    '王阿姨',
    'dahua',
    'help',
    'elderly_care',
    '家里老伴行动不便，想请志愿者每周陪同去社区卫生站做一次康复理疗。',
  ),
  need(
    'demo-resident-wang',
    '王阿姨',
    'dahua',
    'report',
    'environment',
    '3 号楼楼道堆放杂物很久了，存在消防隐患，希望社区协调清理。',
  ),
  need(
    'demo-resident-li',
    '李师傅',
    'jifa-yangguangcheng',
    'help',
    'child_care',
    '暑假孩子没人看管，希望社区开办公益托管班。',
  ),
]

/** Loads the demo data into an empty database; a database that has data is left alone. */
export function seedDemoData(db: LocalDatabase, { history = false } = {}): boolean {
  if (db.count('districts') > 0) return false
  const qiaosiOrgs = qiaosiOrganizations()
  const stallEvent = demoStallEvent(new Date())
  const volunteering = demoVolunteerData(new Date())
  const training = qiaosiTrainings(new Date(), qiaosiOrgs)
  const charity = qiaosiCharity(new Date())
  const district = new Map(
    history ? demoDistrictRecords(new Date(), COMMUNITIES, ORGANIZATIONS) : [],
  )
  const more = (collection: string) => district.get(collection) ?? []
  const pilotStreets = STREETS.map(({ named: _named, ...street }) => street)
  const councils = demoCouncils(pilotStreets, COMMUNITIES)
  // One write: a first start cut short leaves no half-seeded database behind, and is quicker.
  db.insertAll([
    ['districts', [DISTRICT, LINPING]],
    ['streets', [...STREETS.map(({ named: _named, ...street }) => street), QIAOSI]],
    ['communities', [...COMMUNITIES, ...QIAOSI_COMMUNITIES]],
    [
      'organizations',
      [...ORGANIZATIONS.map(withRegistryRecord), ...qiaosiOrgs, ...more('organizations')],
    ],
    [
      'users',
      [...DEMO_ACCOUNTS.map(({ title: _title, ...account }) => account), ...councils.users],
    ],
    [
      'personal_needs',
      PERSONAL_NEEDS.map((item, index) => ({ ...item, _id: `seed-need-${index + 1}` })),
    ],
    ['stall_events', [stallEvent, ...more('stall_events')]],
    ['stall_slots', [...slotsOf(stallEvent), ...more('stall_slots')]],
    ['stall_bookings', more('stall_bookings')],
    [
      'community_needs',
      [...PUBLISHED_NEEDS, ...LIST_NEEDS, ...councils.communityNeeds, ...more('community_needs')],
    ],
    [
      'resource_offerings',
      [...RESOURCE_OFFERINGS, ...councils.resourceOfferings, ...more('resource_offerings')],
    ],
    ['volunteers', [...volunteering.volunteers, ...more('volunteers')]],
    ['volunteer_shifts', volunteering.shifts],
    ['volunteer_signups', volunteering.signups],
    ['volunteer_hours', [...volunteering.hours, ...more('volunteer_hours')]],
    ['role_grants', seededGrants()],
    ['trainings', training.trainings],
    ['training_signups', training.signups],
    ['volunteer_teams', qiaosiTeams(SEED_TIME)],
    ['charity_pools', [charity.pool, ...more('charity_pools')]],
    ['charity_donors', [...charity.donors, ...more('charity_donors')]],
    ['charity_donations', [...charity.donations, ...more('charity_donations')]],
    ['charity_stock', charity.stock],
    ['charity_moves', charity.moves],
    ...mediationDemoRecords(new Date()),
    ['mediation_cases', more('mediation_cases')],
    ['mediation_assignments', more('mediation_assignments')],
    ['agreements', demoAgreements(DISTRICT, STREETS)],
    ['claims', [...councils.claims, ...more('claims')]],
    ['match_proposals', councils.matchProposals],
    ['projects', [...councils.projects, ...more('projects')]],
    ['project_progress', [...councils.projectProgress, ...more('project_progress')]],
    ['daily_figures', more('daily_figures')],
    ['councils', councils.councils],
    ['council_meetings', councils.councilMeetings],
  ])
  return true
}

/** The staff and organization roles of the demo accounts, as if granted in the product. */
function seededGrants() {
  const places = [...COMMUNITIES, ...QIAOSI_COMMUNITIES, ...ORGANIZATIONS, ...qiaosiOrganizations()]
  return DEMO_ACCOUNTS.flatMap((account) =>
    account.roles.flatMap((role) => {
      if (!grantableOf(role)) return []
      const scopeId = scopeOfRole(role)
      const place = places.find((candidate) => candidate._id === scopeId)
      const streetId = role.kind === 'street_admin' ? scopeId : place?.streetId
      const districtId = place?.districtId ?? (scopeId === QIAOSI._id ? LINPING._id : DISTRICT._id)
      return [
        seededGrantOf(
          account._id,
          role,
          { districtId, ...(streetId ? { streetId } : {}) },
          SEED_TIME,
        ),
      ]
    }),
  )
}

/** The pilot's graded organizations with their registration, award dates and credit codes. */
function withRegistryRecord(organization: Organization): Organization {
  const registry: Record<string, Partial<Organization>> = {
    xiangtai: {
      registration: 'registered',
      gradeAwardedOn: '2023-06-30',
      services: ['助残康复', '就业帮扶'],
    },
    guoli: {
      registration: 'registered',
      gradeAwardedOn: '2021-12-20',
      services: ['个案帮扶', '社区营造'],
    },
    moshang: { registration: 'registered', services: ['培训沙龙场地'] },
    'jixie-shanghui': { registration: 'registered', services: ['企业志愿服务', '技能培训'] },
    mayi: { registration: 'registered', services: ['助学名额', '重大活动保障', '生态环保'] },
  }
  const record = registry[organization._id]
  if (!record) return organization
  return {
    ...organization,
    ...record,
    ...(record.gradeAwardedOn ? { gradeExpiresOn: gradeExpiryOf(record.gradeAwardedOn) } : {}),
  }
}

function user(
  _id: string,
  displayName: string,
  title: string,
  homeCommunityId: string | undefined,
  roles: UserRecord['roles'],
): UserRecord & { title: string } {
  return {
    _id,
    displayName,
    title,
    roles,
    createdAt: SEED_TIME,
    ...(homeCommunityId ? { homeCommunityId } : {}),
  }
}

function need(
  residentId: string,
  residentName: string,
  communityId: string,
  kind: PersonalNeed['kind'],
  category: PersonalNeed['category'],
  description: string,
): Omit<PersonalNeed, '_id'> {
  const community = COMMUNITIES.find((item) => item._id === communityId)!
  return {
    residentId,
    residentName,
    districtId: community.districtId,
    streetId: community.streetId,
    communityId,
    kind,
    category,
    description,
    status: 'open',
    waitingSince: SEED_TIME,
    createdAt: SEED_TIME,
    updatedAt: SEED_TIME,
  }
}

function org(
  _id: string,
  name: string,
  kind: Organization['kind'],
  description: string,
  index: number,
  grade?: Organization['grade'],
): Organization {
  return {
    _id,
    districtId: 'jimo',
    name,
    kind,
    description,
    location: { lat: 36.37 + (index % 3) * 0.012, lng: 120.43 + Math.floor(index / 3) * 0.018 },
    ...(grade ? { grade } : {}),
  }
}

// The launch event's stalls (DOMAIN.md): haircuts, vision tests, first-aid training, and the
// volunteer repair service's 12 items; held on the Saturday after the data is first seeded.
function demoStallEvent(now: Date): StallEvent {
  const today = chinaDateOf(now)
  const weekday = new Date(`${today}T12:00:00+08:00`).getUTCDay()
  const items: Omit<StallEvent['items'][number], 'id'>[] = [
    { name: '公益理发', startTime: '09:00', endTime: '11:00', slotMinutes: 15, capacityPerSlot: 2 },
    { name: '视力检测', startTime: '09:00', endTime: '11:00', slotMinutes: 20, capacityPerSlot: 3 },
    {
      name: '应急救护培训',
      startTime: '09:30',
      endTime: '11:30',
      slotMinutes: 60,
      capacityPerSlot: 30,
    },
    ...REPAIR_ITEMS.map((name) => ({
      name,
      startTime: '09:00',
      endTime: '11:00',
      slotMinutes: 30,
      capacityPerSlot: 3,
    })),
  ]
  return {
    _id: 'demo-stall-launch',
    seriesId: 'demo-stall-launch',
    title: '共建服务集市·公益服务日',
    place: '大华社区党群服务中心广场',
    districtId: 'jimo',
    streetId: COMMUNITIES.find((community) => community._id === 'dahua')!.streetId,
    communityId: 'dahua',
    organizerId: 'demo-worker-dahua',
    organizerName: '张社工',
    date: addDays(today, (6 - weekday + 7) % 7 || 7),
    items: items.map((item, index) => ({ id: `item${index + 1}`, ...item })),
    status: 'published',
    createdAt: SEED_TIME,
  }
}

/** Published lines of the pilot communities' need lists, one left unclaimed for over a month. */
const PUBLISHED_NEEDS: CommunityNeed[] = [
  publishedNeed('seed-cneed-1', 'dahua', '大华社区', {
    list: 'basic',
    domain: 'public_safety',
    focusGroups: [],
    title: '卫生死角清理',
    description: '老旧小区楼道和绿化带的卫生死角需要集中清理。',
    quantity: 6,
    unit: '次',
    splittable: true,
  }),
  publishedNeed('seed-cneed-2', 'dahua', '大华社区', {
    list: 'special',
    domain: 'service_supply',
    focusGroups: ['children'],
    title: '暑期公益托管班',
    description: '双职工家庭的孩子暑期无人看管，需要开办公益托管班。',
    quantity: 1,
    unit: '项',
    splittable: false,
  }),
  publishedNeed(
    'seed-cneed-3',
    'gucheng',
    '古城社区',
    {
      list: 'basic',
      domain: 'civic_culture',
      focusGroups: ['elderly'],
      title: '老年人智能手机培训',
      description: '社区老人不会用手机挂号、缴费，需要志愿者上门或集中培训。',
      quantity: 4,
      unit: '场',
      splittable: true,
    },
    new Date('2026-10-08T09:00:00+08:00'),
  ),
]

function publishedNeed(
  _id: string,
  communityId: string,
  communityName: string,
  {
    quantity,
    ...line
  }: Pick<
    CommunityNeed,
    'list' | 'domain' | 'focusGroups' | 'title' | 'description' | 'unit' | 'splittable'
  > & { quantity: number },
  createdAt = SEED_TIME,
): CommunityNeed {
  return {
    _id,
    districtId: 'jimo',
    streetId: 'chaohai',
    communityId,
    communityName,
    ...line,
    capacity: emptyLedger(quantity),
    window: { from: '2026-11-01', to: '2027-06-30' },
    priority: 'medium',
    status: 'open',
    promotedFrom: [],
    createdBy: 'demo-worker-dahua',
    createdAt,
    updatedAt: createdAt,
  }
}

/** More lines of the need lists, with the quantities of DOMAIN.md, for matching demos. */
const LIST_NEEDS: CommunityNeed[] = [
  {
    ...publishedNeed('seed-cneed-4', 'dahua', '大华社区', {
      list: 'basic',
      domain: 'service_supply',
      focusGroups: ['children'],
      title: '困难家庭儿童助学名额',
      description: '社区低保、单亲家庭的孩子需要助学帮扶名额。',
      quantity: 3,
      unit: '个',
      splittable: true,
    }),
    priority: 'high',
  },
  publishedNeed('seed-cneed-5', 'dahua', '大华社区', {
    list: 'special',
    domain: 'public_safety',
    focusGroups: [],
    title: '重阳节游园活动安全保障',
    description: '重阳节社区游园活动人员多，需要志愿者维持秩序、保障安全。',
    quantity: 2,
    unit: '次',
    splittable: true,
  }),
  {
    ...publishedNeed('seed-cneed-6', 'xianshan', '岘山社区', {
      list: 'basic',
      domain: 'service_supply',
      focusGroups: ['elderly'],
      title: '高龄老人便民理发',
      description: '行动不便的高龄老人需要上门或在社区集中理发。',
      quantity: 8,
      unit: '次',
      splittable: true,
    }),
    streetId: 'tongji',
    createdBy: 'demo-worker-xianshan',
  },
  {
    ...publishedNeed('seed-cneed-7', 'xianshan', '岘山社区', {
      list: 'special',
      domain: 'civic_culture',
      focusGroups: [],
      title: '邻里节活动场地',
      description: '社区邻里节需要一处能容纳 80 人的室内场地。',
      quantity: 80,
      unit: '人',
      splittable: false,
    }),
    streetId: 'tongji',
    priority: 'low',
    createdBy: 'demo-worker-xianshan',
  },
]

/** The three resource lists, with the capacities of DOMAIN.md. */
const RESOURCE_OFFERINGS: ResourceOffering[] = [
  offering('seed-offer-1', 'moshang', '即墨区品牌商会·墨商成长驿站', 'social_org', {
    domains: ['civic_culture', 'self_governance'],
    focusGroups: [],
    title: '培训、沙龙场地',
    description: '可容纳 120 人的培训、沙龙场地，免费提供给共建社区。',
    capacity: 120,
    unit: '人',
    period: 'once',
    serviceArea: { districtWide: true, streetIds: [], communityIds: [] },
  }),
  offering('seed-offer-2', 'mayi', '蚂蚁力量儿童义工团', 'volunteer_org', {
    domains: ['service_supply'],
    focusGroups: ['children'],
    title: '助学名额',
    description: '每年为困难家庭儿童提供助学名额。',
    capacity: 6,
    unit: '个',
    period: 'year',
    serviceArea: { districtWide: true, streetIds: [], communityIds: [] },
  }),
  offering('seed-offer-3', 'mayi', '蚂蚁力量儿童义工团', 'volunteer_org', {
    domains: ['public_safety'],
    focusGroups: [],
    title: '重大活动保障',
    description: '每年不少于 10 次重大活动的志愿服务保障。',
    capacity: 10,
    unit: '次',
    period: 'year',
    serviceArea: { districtWide: true, streetIds: [], communityIds: [] },
  }),
  offering('seed-offer-4', 'mayi', '蚂蚁力量儿童义工团', 'volunteer_org', {
    domains: ['public_safety', 'civic_culture'],
    focusGroups: [],
    title: '生态环保·卫生死角清理',
    description: '组织志愿者清理小区卫生死角。',
    capacity: 6,
    unit: '次',
    period: 'month',
    serviceArea: { districtWide: false, streetIds: ['chaohai'], communityIds: [] },
  }),
  offering('seed-offer-5', 'lituixiu', '区离退休干部服务中心', 'gov_dept', {
    domains: ['civic_culture'],
    focusGroups: ['elderly'],
    title: '手机摄影、智能手机培训',
    description: '离退休干部志愿者为社区老人开设手机摄影和智能手机使用培训。',
    capacity: 6,
    unit: '场',
    period: 'year',
    serviceArea: { districtWide: true, streetIds: [], communityIds: [] },
  }),
  offering('seed-offer-6', 'guoli', '即墨区国立社会工作服务中心', 'social_org', {
    domains: ['service_supply'],
    focusGroups: ['elderly'],
    title: '便民理发',
    description: '社工带领理发志愿者每月进社区为老人理发。',
    capacity: 20,
    unit: '次',
    period: 'month',
    serviceArea: { districtWide: false, streetIds: ['tongji'], communityIds: [] },
  }),
]

function offering(
  _id: string,
  organizationId: string,
  organizationName: string,
  organizationKind: ResourceOffering['organizationKind'],
  {
    capacity,
    ...line
  }: Pick<
    ResourceOffering,
    'domains' | 'focusGroups' | 'title' | 'description' | 'unit' | 'period' | 'serviceArea'
  > & { capacity: number },
): ResourceOffering {
  return {
    _id,
    districtId: 'jimo',
    organizationId,
    organizationName,
    organizationKind,
    ...line,
    capacity: emptyLedger(capacity),
    availability: { from: '2026-11-01', to: '2027-12-31' },
    status: 'active',
    createdBy: 'seed',
    createdAt: SEED_TIME,
    updatedAt: SEED_TIME,
  }
}
