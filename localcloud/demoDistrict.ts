import {
  emptyFigures,
  type CommunityFigures,
  type DailyFigures,
} from '../cloudfunctions/features/desk/domain'
import {
  quarterOf,
  type CharityPool,
  type Donation,
  type Donor,
} from '../cloudfunctions/features/charity/domain'
import type { Community } from '../cloudfunctions/features/directory/domain'
import type { MediationCase } from '../cloudfunctions/features/mediation/domain'
import type { CommunityNeed, ResourceOffering } from '../cloudfunctions/features/lists/domain'
import type { NeedClaim } from '../cloudfunctions/features/claims/domain'
import type { Organization } from '../cloudfunctions/features/organizations/domain'
import type { CoBuildProject, ProjectProgress } from '../cloudfunctions/features/projects/domain'
import type { StallBooking, StallEvent } from '../cloudfunctions/features/stalls/domain'
import type { HoursEntry, VolunteerRecord } from '../cloudfunctions/features/volunteers/domain'
import { emptyLedger } from '../cloudfunctions/shared/capacity/ledger'
import type { ServiceDomain } from '../cloudfunctions/shared/categories'
import { DAY_MS, chinaDateOf, chinaInstant } from '../cloudfunctions/shared/time'
import { SIGNED_ON } from './demoAgreements'
import { dahuaCaseHistory } from './demoMediation'
import { demoStallHistory } from './demoStalls'

// The pilot at the seeds' scale, for the street and district desk: the three resource lists'
// 48 providers (17 social organizations, 21 volunteer organizations, 10 departments), the co-build
// project list (33 projects) and the special project list (13, one per pilot community), with
// five months of their history: needs, claims, projects' monthly progress, volunteers' hours, the
// stalls' bookings and check-ins (demoStalls.ts), 大华社区's mediated disputes, 通济街道's charity
// gifts, and the desk's month-end snapshots counting them all. Providers the seeds name are in
// demoData.ts; the ones added here carry illustrative names.

const MORE_PROVIDERS: [Organization['kind'], string, ServiceDomain, string][] = [
  ['social_org', '即墨区阳光助老服务中心', 'service_supply', '居家养老探访'],
  ['social_org', '即墨区启航青少年服务中心', 'social_work', '青少年成长辅导'],
  ['social_org', '即墨区和美家庭服务中心', 'harmonious_management', '家庭关系调适'],
  ['social_org', '即墨区心语心理咨询服务中心', 'social_work', '心理健康讲座'],
  ['social_org', '即墨区益众公益服务中心', 'service_supply', '困难家庭帮扶'],
  ['social_org', '即墨区乐龄养老服务中心', 'service_supply', '老年助餐'],
  ['social_org', '即墨区同心社会工作服务社', 'social_work', '社区营造工作坊'],
  ['social_org', '即墨区善行公益发展中心', 'civic_culture', '公益市集'],
  ['social_org', '即墨区邻里互助服务中心', 'self_governance', '楼道议事会'],
  ['social_org', '即墨区康乐残障服务中心', 'service_supply', '康复训练'],
  ['social_org', '即墨区新市民服务中心', 'harmonious_management', '新就业群体驿站'],
  ['social_org', '即墨区书香阅读推广中心', 'civic_culture', '亲子阅读'],
  ['social_org', '即墨区绿源环保公益中心', 'public_safety', '垃圾分类指导'],
  ['volunteer_org', '即墨区青年志愿者协会', 'civic_culture', '文明实践活动'],
  ['volunteer_org', '即墨区巾帼志愿服务队', 'harmonious_management', '妇女儿童关爱'],
  ['volunteer_org', '即墨区老兵志愿服务队', 'public_safety', '治安巡逻'],
  ['volunteer_org', '即墨区蓝天救援队', 'public_safety', '应急救护培训'],
  ['volunteer_org', '即墨区义务理发志愿服务队', 'service_supply', '便民理发'],
  ['volunteer_org', '即墨区爱心家电维修队', 'service_supply', '家电义修'],
  ['volunteer_org', '即墨区大学生志愿服务联盟', 'service_supply', '暑期托管支教'],
  ['volunteer_org', '即墨区红马甲志愿服务队', 'self_governance', '小区环境整治'],
  ['volunteer_org', '即墨区夕阳红志愿服务队', 'civic_culture', '老年文艺展演'],
  ['volunteer_org', '即墨区交通文明志愿服务队', 'public_safety', '文明交通劝导'],
  ['volunteer_org', '即墨区文化志愿服务队', 'civic_culture', '非遗文化进社区'],
  ['volunteer_org', '即墨区法律援助志愿服务队', 'harmonious_management', '法律咨询'],
  ['volunteer_org', '即墨区医护志愿服务队', 'service_supply', '义诊与视力检测'],
  ['volunteer_org', '即墨区护河志愿服务队', 'public_safety', '河道巡护'],
  ['volunteer_org', '即墨区心理援助志愿服务队', 'social_work', '心理疏导'],
  ['volunteer_org', '即墨区小候鸟关爱志愿服务队', 'social_work', '留守儿童陪伴'],
  ['volunteer_org', '即墨区邻里守望志愿服务队', 'self_governance', '独居老人守望'],
  ['volunteer_org', '即墨区助残志愿服务队', 'service_supply', '助残出行'],
  ['volunteer_org', '即墨区平安志愿巡逻队', 'public_safety', '夜间平安巡逻'],
  ['volunteer_org', '即墨区读书会志愿服务队', 'civic_culture', '社区读书会'],
  ['gov_dept', '区民政局', 'service_supply', '社会救助政策宣讲'],
  ['gov_dept', '区卫生健康局', 'service_supply', '家庭医生签约服务'],
  ['gov_dept', '区司法局', 'harmonious_management', '人民调解员培训'],
  ['gov_dept', '区人力资源和社会保障局', 'social_work', '就业技能培训'],
  ['gov_dept', '区教育和体育局', 'civic_culture', '全民健身指导'],
  ['gov_dept', '区文化和旅游局', 'civic_culture', '文艺演出进社区'],
  ['gov_dept', '团区委', 'social_work', '青少年志愿服务'],
]

/** The co-build project list: 33 projects in 7 categories, each category in one service domain. */
const CO_BUILD_CATEGORIES: [category: string, domain: ServiceDomain, titles: string[]][] = [
  [
    '助老服务',
    'service_supply',
    ['老年助餐', '居家探访', '智能手机培训', '便民理发', '老年健身操', '适老化改造'],
  ],
  [
    '儿童关爱',
    'social_work',
    ['暑期公益托管班', '四点半课堂', '亲子阅读', '留守儿童陪伴', '儿童安全教育'],
  ],
  [
    '助学帮困',
    'service_supply',
    ['集体助学', '困难家庭帮扶', '爱心超市', '助残康复', '就业技能培训'],
  ],
  [
    '环境整治',
    'public_safety',
    ['卫生死角清理', '垃圾分类指导', '河道巡护', '楼道杂物清理', '绿地认养'],
  ],
  ['文明宣讲', 'civic_culture', ['雷锋宣讲', '非遗文化进社区', '文明交通劝导', '社区读书会']],
  ['邻里和谐', 'harmonious_management', ['纠纷调解', '法律咨询', '家庭关系调适', '新就业群体驿站']],
  ['自治共治', 'self_governance', ['楼道议事会', '小区环境整治', '独居老人守望', '居民公约']],
]

const CO_BUILD_COUNT = CO_BUILD_CATEGORIES.reduce((sum, [, , titles]) => sum + titles.length, 0)

const SPECIAL_CATEGORIES: [string, ServiceDomain][] = [
  ['特殊群体服务', 'service_supply'],
  ['个性化帮扶', 'social_work'],
  ['社区品牌项目', 'civic_culture'],
  ['心理关爱', 'social_work'],
  ['平安建设', 'public_safety'],
]

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'
const GIVEN = ['秀英', '建国', '丽华', '志强', '海燕', '晓明', '桂兰', '文博', '玉梅', '子涵']

/** Months of history before the current one. */
const HISTORY_MONTHS = 5

export function demoDistrictRecords(
  now: Date,
  communities: Community[],
  /** The providers the seeds name (demoData.ts), who carry some of the projects too. */
  namedProviders: { _id: string; name: string }[],
): [string, object[]][] {
  const month = (back: number) => {
    const [year, m] = chinaDateOf(now).slice(0, 7).split('-').map(Number)
    const offset = m - 1 - back
    const y = year + Math.floor(offset / 12)
    return `${y}-${String((((offset % 12) + 12) % 12) + 1).padStart(2, '0')}`
  }
  const dayIn = (back: number, day: number) =>
    back === 0
      ? new Date(
          Math.min(
            now.getTime() - DAY_MS,
            chinaInstant(`${month(0)}-${String(day).padStart(2, '0')}`, '10:00').getTime(),
          ),
        )
      : chinaInstant(`${month(back)}-${String(day).padStart(2, '0')}`, '10:00')

  const organizations: Organization[] = MORE_PROVIDERS.map(([kind, name, , service], index) => ({
    _id: `demo-provider-${index + 1}`,
    districtId: 'jimo',
    name,
    kind,
    description: service,
    services: [service],
    location: { lat: 36.35 + (index % 6) * 0.01, lng: 120.41 + Math.floor(index / 6) * 0.012 },
  }))
  const offerings: ResourceOffering[] = MORE_PROVIDERS.map(
    ([kind, name, domain, service], index) => ({
      _id: `demo-offer-${index + 1}`,
      districtId: 'jimo',
      organizationId: `demo-provider-${index + 1}`,
      organizationName: name,
      organizationKind: kind,
      domains: [domain],
      focusGroups: [],
      title: service,
      description: `${name}面向共建社区提供${service}服务。`,
      capacity: emptyLedger(4 + (index % 9)),
      unit: '次',
      period: 'year',
      serviceArea: { districtWide: true, streetIds: [], communityIds: [] },
      availability: { from: `${month(HISTORY_MONTHS)}-01`, to: '2027-12-31' },
      status: 'active',
      createdBy: 'seed',
      createdAt: dayIn(HISTORY_MONTHS, 5),
      updatedAt: dayIn(HISTORY_MONTHS, 5),
    }),
  )
  const providers = [
    ...namedProviders.map((provider) => ({ id: provider._id, name: provider.name })),
    ...organizations.map((provider) => ({ id: provider._id, name: provider.name })),
  ]

  const needs: CommunityNeed[] = []
  const claims: NeedClaim[] = []
  const projects: CoBuildProject[] = []
  const progress: ProjectProgress[] = []
  const planned = [
    ...CO_BUILD_CATEGORIES.flatMap(([category, domain, titles]) =>
      titles.map((title) => ({ list: 'co_build' as const, category, domain, title })),
    ),
    ...communities.slice(0, 13).map((community, index) => {
      const [category, domain] = SPECIAL_CATEGORIES[index % SPECIAL_CATEGORIES.length]
      return {
        list: 'special' as const,
        category,
        domain,
        title: `${community.name.replace('社区', '')}${category}`,
      }
    }),
  ]
  planned.forEach((plan, index) => {
    const community =
      plan.list === 'special' ? communities[index - CO_BUILD_COUNT] : communities[index % 13]
    const provider = providers[(index * 7) % providers.length]
    // Started between five months ago and this month; a few closed, a few just claimed.
    const startedBack = HISTORY_MONTHS - (index % (HISTORY_MONTHS + 1))
    const created = dayIn(startedBack, 3 + (index % 20))
    const needId = `demo-need-${index + 1}`
    const claimId = `demo-claim-${index + 1}`
    const projectId = `claim-${claimId}`
    const closed = index % 9 === 4 && startedBack >= 3
    const place = {
      districtId: 'jimo',
      streetId: community.streetId,
      communityId: community._id,
    }
    needs.push({
      _id: needId,
      ...place,
      communityName: community.name,
      list: plan.list === 'special' ? 'special' : 'basic',
      domain: plan.domain,
      focusGroups: [],
      title: plan.title,
      description: `${plan.category}：${community.name}${plan.title}。`,
      capacity: {
        ...emptyLedger(1),
        holders: [{ id: `claim:${claimId}`, units: 1 }],
        taken: 1,
      } as CommunityNeed['capacity'],
      unit: '项',
      splittable: false,
      window: { from: chinaDateOf(created), to: '2027-06-30' },
      priority: 'medium',
      status: 'served',
      promotedFrom: [],
      createdBy: 'seed',
      createdAt: new Date(created.getTime() - 7 * DAY_MS),
      updatedAt: created,
    })
    claims.push({
      _id: claimId,
      ...place,
      needId,
      needTitle: plan.title,
      organizationId: provider.id,
      organizationName: provider.name,
      quantity: 1,
      unit: '项',
      plan: `${provider.name}承接${plan.title}，按月开展服务并记录进展。`,
      status: 'approved',
      claimedBy: 'seed',
      decidedBy: 'seed',
      projectId,
      createdAt: created,
      updatedAt: created,
    })
    const months = Array.from({ length: startedBack + 1 }, (_, back) => startedBack - back)
      .filter((back) => back > 0 || !closed)
      .slice(0, closed ? 3 : undefined)
    for (const back of months) {
      progress.push({
        _id: `${projectId}-${month(back)}`,
        projectId,
        month: month(back),
        summary: `${plan.title}本月开展服务 ${2 + (index % 3)} 次。`,
        peopleServed: 12 + ((index * 13 + back * 7) % 40),
        photoFileIds: [],
        authorId: 'seed',
        authorName: provider.name,
        createdAt: dayIn(back, 25),
      })
    }
    projects.push({
      _id: projectId,
      ...place,
      communityName: community.name,
      source: { kind: 'claim', id: claimId },
      needId,
      organizationId: provider.id,
      organizationName: provider.name,
      list: plan.list,
      domain: plan.domain,
      title: plan.title,
      quantity: 1,
      unit: '项',
      status: closed ? 'closed' : 'active',
      progressCount: months.length,
      ...(closed
        ? {
            evaluation: {
              satisfaction: 5,
              target: `${plan.title}按计划完成`,
              achieved: '居民满意，目标达成',
              evaluatedBy: 'seed',
              evaluatedAt: dayIn(1, 20),
            },
          }
        : {}),
      createdAt: created,
      updatedAt: months.length > 0 ? dayIn(months[months.length - 1], 25) : created,
    })
  })

  // Volunteers of 双报到 in every community, with their months of hours.
  const volunteers: VolunteerRecord[] = []
  const hours: HoursEntry[] = []
  communities.slice(0, 13).forEach((community, c) => {
    const count = 6 + ((c * 5) % 9)
    for (let v = 0; v < count; v += 1) {
      const n = c * 20 + v
      const name = `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 3) % GIVEN.length]}`
      const registeredBack = HISTORY_MONTHS - (v % (HISTORY_MONTHS + 1))
      const registered = dayIn(registeredBack, 2 + (v % 25))
      const _id = `demo-vol-${community._id}-${v + 1}`
      volunteers.push({
        _id,
        displayName: name,
        kind: (['party_member', 'resident', 'student', 'merchant_owner'] as const)[v % 4],
        districtId: 'jimo',
        streetId: community.streetId,
        communityId: community._id,
        skills: [
          (['elderly_company', 'event_support', 'environmental', 'haircut'] as const)[v % 4],
        ],
        availability: { weekdays: [6, 7], times: ['morning'] },
        realName: name,
        phone: `1380532${String(n).padStart(4, '0')}`,
        consentAt: registered,
        status: v % 7 === 6 ? 'pending' : 'verified',
        checkInCode: `V${String(n).padStart(5, '0')}`,
        teamIds: [],
        createdAt: registered,
        updatedAt: registered,
      })
      if (v % 7 === 6) continue
      for (let back = registeredBack; back >= 0; back -= 1) {
        if ((v + back) % 3 === 0) continue
        const at = dayIn(back, 10 + (v % 15))
        hours.push({
          _id: `${_id}-${month(back)}`,
          volunteerId: _id,
          volunteerName: name,
          minutes: 60 * (2 + ((v + back) % 4)),
          source: 'admin',
          organizer: { kind: 'community', id: community._id, name: community.name },
          serviceDate: chinaDateOf(at),
          recordedBy: 'seed',
          reason: '纸质签到表录入',
          createdAt: at,
        })
      }
    }
  })

  // The launch day where the agreements were signed, then a stall a month in every community.
  const stalls = demoStallHistory(
    communities.slice(0, 13),
    { date: SIGNED_ON, communityId: 'xianshan', place: '通济街道岘山社区党群服务中心广场' },
    (c) =>
      Array.from({ length: HISTORY_MONTHS }, (_, index) => HISTORY_MONTHS - 1 - index)
        .map((back) => ({ back, date: chinaDateOf(dayIn(back, 8 + ((c * 3) % 19))) }))
        .filter(({ back, date }) => date.startsWith(month(back)) && date > SIGNED_ON)
        .map(({ date }) => date),
  )

  const mediation = dahuaCaseHistory(
    now,
    communities.find((community) => community._id === 'dahua')!,
  )
  const charity = tongjiCharity(
    Array.from({ length: HISTORY_MONTHS + 1 }, (_, back) => chinaDateOf(dayIn(back, 12))),
    namedProviders,
  )

  return [
    ['organizations', organizations],
    ['resource_offerings', offerings],
    ['community_needs', needs],
    ['claims', claims],
    ['projects', projects],
    ['project_progress', progress],
    ['volunteers', volunteers],
    ['volunteer_hours', hours],
    ['stall_events', stalls.events],
    ['stall_slots', stalls.slots],
    ['stall_bookings', stalls.bookings],
    ['mediation_cases', mediation.cases],
    ['mediation_assignments', mediation.assignments],
    ['charity_pools', [charity.pool]],
    ['charity_donors', charity.donors],
    ['charity_donations', charity.donations],
    [
      'daily_figures',
      Array.from({ length: HISTORY_MONTHS }, (_, index) => HISTORY_MONTHS - index).map((back) =>
        monthEndSnapshot(month(back), communities, {
          needs,
          claims,
          projects,
          progress,
          volunteers,
          hours,
          stallEvents: stalls.events,
          stallBookings: stalls.bookings,
          cases: mediation.cases,
          donations: charity.donations,
        }),
      ),
    ],
  ]
}

/**
 * A past month's last snapshot, as the timer would have taken it on the month's last day: the
 * records created by then, counted the way the desk's pipelines count them.
 */
function monthEndSnapshot(
  month: string,
  communities: Community[],
  records: {
    needs: CommunityNeed[]
    claims: NeedClaim[]
    projects: CoBuildProject[]
    progress: ProjectProgress[]
    volunteers: VolunteerRecord[]
    hours: HoursEntry[]
    stallEvents: StallEvent[]
    stallBookings: StallBooking[]
    cases: MediationCase[]
    donations: Donation[]
  },
): DailyFigures {
  const [y, m] = month.split('-').map(Number)
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate()
  const date = `${month}-${String(lastDay).padStart(2, '0')}`
  const takenAt = chinaInstant(date, '00:30')
  const end = chinaInstant(date, '23:59')
  const by = <T extends { createdAt: Date }>(rows: T[]) =>
    rows.filter((row) => row.createdAt <= end)
  const projectById = new Map(records.projects.map((project) => [project._id, project]))
  const volunteerById = new Map(records.volunteers.map((volunteer) => [volunteer._id, volunteer]))
  const figures = new Map<string, CommunityFigures>(
    communities.map((community) => [community._id, emptyFigures(community._id)]),
  )
  const of = (communityId: string) => figures.get(communityId)
  for (const need of by(records.needs)) {
    const f = of(need.communityId)
    if (f) f.funnel.published += 1
  }
  for (const claim of by(records.claims)) {
    const f = of(claim.communityId)
    if (f) f.funnel.claimed += 1
  }
  for (const project of by(records.projects)) {
    const f = of(project.communityId)
    if (!f) continue
    const closed = project.status === 'closed' && project.updatedAt <= end
    f.funnel.project += 1
    if (closed) f.funnel.closed += 1
    if (closed) f.projectsClosed += 1
    else f.projectsActive += 1
    const reporting = records.progress.some(
      (entry) => entry.projectId === project._id && entry.month <= month,
    )
    const stages = (f.projects[project.domain] ??= { starting: 0, underWay: 0, closed: 0 })
    stages[closed ? 'closed' : reporting ? 'underWay' : 'starting'] += 1
  }
  for (const entry of records.progress.filter((row) => row.month <= month)) {
    const project = projectById.get(entry.projectId)
    const f = project && of(project.communityId)
    if (f) f.projectPeopleServed += entry.peopleServed
  }
  for (const volunteer of by(records.volunteers)) {
    const f = of(volunteer.communityId)
    if (!f) continue
    f.volunteersRegistered += 1
    if (volunteer.status === 'verified') f.volunteersVerified += 1
  }
  const eventById = new Map(records.stallEvents.map((event) => [event._id, event]))
  for (const booking of records.stallBookings) {
    if (!booking.checkedInAt || booking.checkedInAt > end) continue
    const f = of(eventById.get(booking.eventId)!.communityId)
    if (f) f.stallVisits += 1
  }
  for (const item of by(records.cases)) {
    const f = of(item.communityId)
    if (!f) continue
    f.mediationCases += 1
    if (item.outcome?.result === 'success' && item.outcome.at <= end) f.mediationSucceeded += 1
  }
  const active = new Set<string>()
  for (const entry of by(records.hours)) {
    const volunteer = volunteerById.get(entry.volunteerId)
    const f = volunteer && of(volunteer.communityId)
    if (!f) continue
    f.hoursMinutes += entry.minutes
    if (end.getTime() - entry.createdAt.getTime() <= 30 * DAY_MS) active.add(entry.volunteerId)
  }
  for (const id of active) {
    const f = of(volunteerById.get(id)!.communityId)
    if (f) f.volunteersActive += 1
  }
  return {
    _id: date,
    month,
    takenAt,
    communities: [...figures.values()],
    streets: streetsOf(records.donations.filter((donation) => donation.receivedOn <= date)),
    districts: [],
  }
}

function streetsOf(donations: Donation[]): DailyFigures['streets'] {
  const streets = new Map<string, DailyFigures['streets'][number]>()
  for (const donation of donations) {
    const street = streets.get(donation.streetId) ?? {
      streetId: donation.streetId,
      donations: 0,
      donationsFen: 0,
    }
    street.donations += 1
    street.donationsFen += (donation.amountFen ?? 0) + (donation.valueFen ?? 0)
    streets.set(street.streetId, street)
  }
  return [...streets.values()]
}

/**
 * 通济街道's 慈善资源库 (illustrative: the district's own seeds name none), with the monthly gifts
 * of two named member organizations and of residents, received on the given dates.
 */
function tongjiCharity(
  dates: string[],
  namedProviders: { _id: string; name: string }[],
): { pool: CharityPool; donors: Donor[]; donations: Donation[] } {
  const at = new Date(`${dates[dates.length - 1]}T09:00:00+08:00`)
  const place = { districtId: 'jimo', streetId: 'tongji' }
  const donors: Donor[] = [
    ...['moshang', 'jixie-shanghui'].map((id) => ({
      _id: `donor-tongji-${id}`,
      ...place,
      name: namedProviders.find((provider) => provider._id === id)?.name ?? id,
      kind: 'organization' as const,
      anonymous: false,
      createdAt: at,
    })),
    {
      _id: 'donor-tongji-residents',
      ...place,
      name: '岘山社区热心居民',
      kind: 'individual',
      anonymous: true,
      createdAt: at,
    },
  ]
  return {
    pool: {
      _id: 'tongji',
      ...place,
      name: '通济街道慈善资源库（示例）',
      storeName: '岘山社区爱心超市',
      partner: {
        charityName: '合作慈善组织（示例）',
        projectName: '通济街道爱心超市公益项目',
        url: 'https://gongyi.qq.com/',
      },
      createdAt: at,
    },
    donors,
    donations: dates.flatMap((receivedOn, back) =>
      donors.map((donor, d) => ({
        _id: `don-tongji-${receivedOn}-${d + 1}`,
        ...place,
        donorId: donor._id,
        donorName: donor.name,
        donorKind: donor.kind,
        anonymous: donor.anonymous,
        kind: 'cash' as const,
        receivedOn,
        quarter: quarterOf(receivedOn),
        amountFen: [200_000, 150_000, 30_000][d] + ((back * 7 + d * 3) % 5) * 10_000,
        receiptNo: `TJCS-${receivedOn.slice(0, 7).replace('-', '')}-${d + 1}`,
        recordedBy: 'seed',
        createdAt: new Date(`${receivedOn}T15:00:00+08:00`),
      })),
    ),
  }
}
