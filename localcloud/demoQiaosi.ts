import type {
  CharityPool,
  Donation,
  Donor,
  StockItem,
  StockMove,
} from '../cloudfunctions/features/charity/domain'
import { quarterOf, quarterRange, shiftQuarter } from '../cloudfunctions/features/charity/domain'
import type { Community, District, Street } from '../cloudfunctions/features/directory/domain'
import {
  creditCodeCheckOf,
  gradeExpiryOf,
  type GradeLevel,
  type IncubationStage,
  type Organization,
} from '../cloudfunctions/features/organizations/domain'
import type {
  Training,
  TrainingSignup,
  TrainingTopic,
} from '../cloudfunctions/features/trainings/domain'
import type { VolunteerTeam } from '../cloudfunctions/features/volunteers/domain'
import { emptyLedger } from '../cloudfunctions/shared/capacity/ledger'
import { reservationIdOf } from '../cloudfunctions/shared/capacity/reservation'
import { addDays, chinaDateOf, chinaInstant } from '../cloudfunctions/shared/time'

// 乔司街道 (临平区, 杭州) of the second source report: its 社会组织服务中心, a registry of 63
// registered and 216 filed organizations (5A × 3, 4A × 5, 3A × 2), 乔社学院's 12 training
// sessions for 400+ people, 4 妇女维权志愿小分队, and the 慈善资源库 with the 爱心超市 that
// 一碗面一毛钱 (5,000+ 元) and 胜稼村幸福工坊 (35 trainings, 1,400+ 人次, 600+ items sold,
// 1,130 元 donated) gave to. Organizations, villages, donors and people the report does not name
// are illustrative, and so are all credit codes (they pass the checksum, nothing more).

export const LINPING: District = { _id: 'linping', name: '临平区' }
export const QIAOSI: Street = {
  _id: 'qiaosi',
  districtId: 'linping',
  name: '乔司街道',
  pilot: false,
}
export const QIAOSI_COMMUNITIES: Community[] = [
  { _id: 'shengjia', districtId: 'linping', streetId: 'qiaosi', name: '胜稼村', pilot: false },
  { _id: 'qiaosi-sq', districtId: 'linping', streetId: 'qiaosi', name: '乔司社区', pilot: false },
]

export const QIAOSI_CENTER = 'qiaosi-center'
const WOMEN_RIGHTS = 'xinling-shouqiao'
const WORKSHOP = 'shengjia-workshop'

type Entry = Pick<Organization, '_id' | 'name' | 'kind' | 'description'> & {
  registration: 'registered' | 'filed'
  grade?: GradeLevel
  awardedOn?: string
  incubation?: IncubationStage
  services?: string[]
}

// Named in the report, with what it says they do; graded as the report counts them.
const NAMED: Entry[] = [
  {
    _id: QIAOSI_CENTER,
    name: '乔司社会组织服务中心',
    kind: 'social_org',
    description: '集党建、交流、服务、培育、宣传于一体的社会组织服务平台，运营乔社学院与慈善资源库',
    registration: 'registered',
    services: ['社会组织培育', '乔社学院培训', '慈善资源对接'],
  },
  {
    _id: 'yangjinquan',
    name: '杨金泉纠纷调解服务中心',
    kind: 'social_org',
    description: '乔司街道社会矛盾纠纷（非诉类）调解服务：调解 600 余起，成功率 98% 以上',
    registration: 'registered',
    grade: '5A',
    awardedOn: '2023-06-18',
    incubation: 'professional',
    services: ['矛盾纠纷调解', '企业征迁纠纷调解'],
  },
  {
    _id: WOMEN_RIGHTS,
    name: '心灵守乔社会工作服务站',
    kind: 'social_org',
    description: '“阳光下 蔚蓝天”妇女权益维护、反家暴项目，组建 4 支妇女维权志愿小分队',
    registration: 'registered',
    grade: '5A',
    awardedOn: '2024-05-20',
    incubation: 'professional',
    services: ['妇女权益保障讲座', '反家暴宣传', '家庭建设'],
  },
  {
    _id: 'huahu',
    name: '胡阿虎公益服务中心',
    kind: 'social_org',
    description: '从补鞋扩展到补衣服、修家电、磨刀、理发等 12 个便民志愿服务项目，志愿者 100 余人',
    registration: 'registered',
    grade: '5A',
    awardedOn: '2022-11-08',
    incubation: 'professional',
    services: ['补鞋', '补衣服', '修家电', '磨刀', '理发'],
  },
  {
    _id: 'qiaoxinyuan',
    name: '乔心愿公益服务中心',
    kind: 'social_org',
    description: '“乔心守护、医路同行”医院导诊志愿服务：志愿者超 1.8 万人次，服务患者超 70 万人次',
    registration: 'registered',
    grade: '4A',
    awardedOn: '2024-09-12',
    incubation: 'professional',
    services: ['医院导诊'],
  },
  {
    _id: WORKSHOP,
    name: '胜稼村幸福工坊',
    kind: 'social_org',
    description: '帮助失地妇女学习钩花编织，义卖花束、花篮、挂件，所得捐给慈善资源库',
    registration: 'filed',
    incubation: 'incubating',
    services: ['钩花编织培训', '手工义卖'],
  },
]

const REGISTERED_TOTAL = 63
const FILED_TOTAL = 216
/** Graded beyond the named ones, so the counts are the report's: 4A × 4 more, 3A × 2. */
const MORE_GRADES: [GradeLevel, string][] = [
  ['4A', '2022-03-15'],
  ['4A', '2023-10-26'],
  ['4A', '2024-12-03'],
  ['4A', '2025-04-22'],
  ['3A', '2023-08-09'],
  ['3A', '2025-06-30'],
]

const FIRST = [
  '邻里',
  '阳光',
  '红帆',
  '和美',
  '乐龄',
  '暖心',
  '启航',
  '同心',
  '晨曦',
  '益家',
  '绿洲',
  '星火',
]
const SECOND = [
  '社会工作服务中心',
  '公益服务中心',
  '志愿服务中心',
  '居家养老服务中心',
  '青少年发展中心',
]
const PLACES = [
  '胜稼村',
  '乔司社区',
  '三角村',
  '方桥村',
  '永玄村',
  '五星村',
  '朝阳村',
  '翁梅村',
  '保庆村',
  '南洋村',
  '汤家埠村',
  '钱家村',
  '草庵村',
  '葛家车村',
  '乔莫村',
]
const GROUPS = [
  '腰鼓队',
  '舞蹈队',
  '书画社',
  '读书会',
  '老年协会',
  '调解小组',
  '巾帼志愿队',
  '环保志愿队',
  '睦邻互助会',
  '太极拳队',
  '合唱团',
  '乒乓球协会',
  '亲子阅读会',
  '手工坊',
  '平安巡防队',
]

function illustrativeRegistry(): Entry[] {
  const registered: Entry[] = []
  for (const first of FIRST) {
    for (const second of SECOND) {
      if (registered.length + 5 === REGISTERED_TOTAL) break
      const index = registered.length
      const grade = MORE_GRADES[index]
      registered.push({
        _id: `qs-reg-${index + 1}`,
        name: `乔司${first}${second}`,
        kind: second === '志愿服务中心' ? 'volunteer_org' : 'social_org',
        description: '辖区登记注册的社会组织',
        registration: 'registered',
        ...(grade ? { grade: grade[0], awardedOn: grade[1], incubation: 'professional' } : {}),
        ...(!grade && index % 9 === 4 ? { incubation: 'foundational' } : {}),
      })
    }
  }
  // One grade that lapsed: awarded in 2019, five years have passed.
  registered[20] = { ...registered[20], grade: '3A', awardedOn: '2019-07-01' }
  const filed: Entry[] = []
  for (const group of GROUPS) {
    for (const place of PLACES) {
      if (filed.length + 1 === FILED_TOTAL) break
      filed.push({
        _id: `qs-filed-${filed.length + 1}`,
        name: `${place}${group}`,
        kind: group.includes('志愿') || group.includes('巡防') ? 'volunteer_org' : 'social_org',
        description: '社区社会组织（街道备案）',
        registration: 'filed',
        ...(filed.length % 31 === 7 ? { incubation: 'incubating' } : {}),
      })
    }
  }
  return [...registered, ...filed]
}

/** An illustrative unified social credit code: 民政 (5), 民办非企业 (2), 临平区 (330113). */
function creditCodeFor(index: number): string {
  const first17 = `52330113${String(57_000_000 + index * 7919).slice(0, 8)}X`
  return `${first17}${creditCodeCheckOf(first17)}`
}

export function qiaosiOrganizations(): Organization[] {
  return [...NAMED, ...illustrativeRegistry()].map((entry, index) => ({
    _id: entry._id,
    districtId: LINPING._id,
    streetId: QIAOSI._id,
    name: entry.name,
    kind: entry.kind,
    description: entry.description,
    registration: entry.registration,
    ...(entry.registration === 'registered' ? { creditCode: creditCodeFor(index) } : {}),
    ...(entry.grade && entry.awardedOn
      ? {
          grade: entry.grade,
          gradeAwardedOn: entry.awardedOn,
          gradeExpiresOn: gradeExpiryOf(entry.awardedOn),
          gradeCertNo: `临民评字〔${entry.awardedOn.slice(0, 4)}〕${String(index + 1).padStart(3, '0')}号`,
        }
      : {}),
    ...(entry.incubation ? { incubation: entry.incubation } : {}),
    ...(index < NAMED.length
      ? { contact: { name: '联络员', phone: `1357100${String(index).padStart(4, '0')}` } }
      : {}),
    services: entry.services ?? [],
  }))
}

/** 乔社学院's 12 sessions (421 check-ins), 幸福工坊's 35 crochet trainings (1,412), one to come. */
export function qiaosiTrainings(now: Date, organizations: Organization[]) {
  const today = chinaDateOf(now)
  const trainings: Training[] = []
  const signups: TrainingSignup[] = []
  const session = (
    _id: string,
    host: Organization,
    fields: { title: string; topic: TrainingTopic; description: string; place: string },
    date: string,
    attendees: { id: string; name: string; org?: Organization }[],
    limit: number,
    recordedAttendance?: number,
  ) => {
    const ids = attendees.map((attendee) => reservationIdOf(_id, attendee.id))
    trainings.push({
      _id,
      districtId: LINPING._id,
      streetId: QIAOSI._id,
      hostOrgId: host._id,
      hostOrgName: host.name,
      ...fields,
      date,
      start: '14:00',
      end: '16:30',
      capacity: {
        ...emptyLedger(limit),
        holders: ids.map((id) => ({ id, units: 1 })),
        taken: ids.length,
        rev: ids.length,
      },
      status: 'published',
      ...(recordedAttendance ? { recordedAttendance } : {}),
      createdBy: 'demo-org-qiaosi-center',
      createdAt: now,
    })
    const checkedInAt = chinaInstant(date, '13:50')
    attendees.forEach((attendee, index) => {
      signups.push({
        _id: ids[index],
        placeId: _id,
        scopeId: _id,
        userId: attendee.id,
        status: 'booked',
        mayWait: true,
        requestedAt: now,
        bookedAt: now,
        createdAt: now,
        traineeName: attendee.name,
        training: {
          title: fields.title,
          startsAt: chinaInstant(date, '14:00'),
          place: fields.place,
        },
        ...(attendee.org ? { orgId: attendee.org._id, orgName: attendee.org.name } : {}),
        checkInCode: String(100_000 + index * 37),
        ...(date < today ? { checkedInAt } : {}),
      })
    })
  }
  const center = organizations.find((organization) => organization._id === QIAOSI_CENTER)!
  const workshop = organizations.find((organization) => organization._id === WORKSHOP)!
  const academy: [string, TrainingTopic, number][] = [
    ['社会组织基本理论与政策解读', 'theory', 32],
    ['社会工作综合能力提升', 'competence', 36],
    ['项目设计与书写实训', 'practice', 38],
    ['社会工作者职业水平考试辅导', 'certification', 30],
    ['志愿者团队建设与激励', 'team_building', 40],
    ['社会组织财务规范', 'practice', 34],
    ['个案工作方法', 'competence', 35],
    ['社区调解实务', 'practice', 37],
    ['社会工作者职业水平考试冲刺', 'certification', 33],
    ['“乔头堡”集中培训', 'theory', 39],
    ['品牌公益项目打造', 'competence', 36],
    ['孵化组织“四有”建设督导', 'team_building', 31],
  ]
  academy.forEach(([title, topic, count], index) => {
    const attendees = Array.from({ length: count }, (_, n) => {
      const org = organizations[(index * 17 + n * 7) % organizations.length]
      return { id: `demo-trainee-${(index * 40 + n) % 300}`, name: `${org.name}学员`, org }
    })
    session(
      `qsxy-${index + 1}`,
      center,
      {
        title: `乔社学院·${title}`,
        topic,
        description: '由智库导师团授课，面向辖区社会组织与社工人才。',
        place: '乔司社会组织服务中心培训室',
      },
      addDays(today, -(12 - index) * 21),
      attendees,
      45,
    )
  })
  // 35 sessions held before the product, brought in as head counts: 40 women each and 42 in a
  // few, 1,412 人次 (people records would only slow the first start).
  for (let index = 0; index < 35; index += 1) {
    const recordedAttendance = index % 6 === 0 ? 42 : 40
    session(
      `xfgf-${index + 1}`,
      workshop,
      {
        title: `钩花编织技艺培训（第 ${index + 1} 期）`,
        topic: 'skills',
        description: '帮助失地妇女掌握钩花制作技巧：花束、花篮、挂件、饰品。',
        place: '胜稼村文化礼堂',
      },
      addDays(today, -(35 - index) * 7 - 3),
      [],
      45,
      recordedAttendance,
    )
  }
  session(
    'qsxy-next',
    center,
    {
      title: '乔社学院·社会组织年报填报与信息公开',
      topic: 'practice',
      description: '年度工作报告、财务报表与信息公开要求，现场答疑。',
      place: '乔司社会组织服务中心培训室',
    },
    addDays(today, 6),
    [],
    60,
  )
  return { trainings, signups }
}

/** The four 妇女维权志愿小分队 of 心灵守乔. */
export function qiaosiTeams(now: Date): VolunteerTeam[] {
  return ['一', '二', '三', '四'].map((number, index) => ({
    _id: `women-rights-${index + 1}`,
    orgId: WOMEN_RIGHTS,
    orgName: '心灵守乔社会工作服务站',
    name: `妇女维权志愿第${number}小分队`,
    description: '妇女权益保障讲座、反家暴法宣传、入户走访',
    createdBy: 'demo-org-qiaosi-center',
    createdAt: now,
  }))
}

interface LedgerLine {
  item: StockItem
  kind: StockMove['kind']
  quantity: number
  date: string
  donationId?: string
  source?: string
  recipient?: string
}

/** The pool, its donors and donations, and the 爱心超市's stock with its ledger. */
export function qiaosiCharity(now: Date) {
  const today = chinaDateOf(now)
  const quarter = quarterOf(today)
  /** A date `days` into the quarter `back` quarters ago, never after today. */
  const on = (back: number, days: number) => {
    let shown = quarter
    for (let step = 0; step < back; step += 1) shown = shiftQuarter(shown, -1)
    const day = addDays(quarterRange(shown).from, days)
    return day > today ? today : day
  }
  const pool: CharityPool = {
    _id: QIAOSI._id,
    districtId: LINPING._id,
    streetId: QIAOSI._id,
    name: '“乔见社彩·共融共聚”乔司街道慈善资源库',
    storeName: '残疾人之家爱心超市',
    operatorOrgId: QIAOSI_CENTER,
    partner: {
      charityName: '合作慈善组织（示例）',
      projectName: '乔司街道爱心超市公益项目',
      url: 'https://gongyi.qq.com/',
    },
    createdAt: now,
  }
  const donor = (_id: string, name: string, kind: Donor['kind'], anonymous = false): Donor => ({
    _id,
    streetId: QIAOSI._id,
    districtId: LINPING._id,
    name,
    kind,
    anonymous,
    createdAt: now,
  })
  const donors = [
    donor('donor-yiwanmian', '一碗面一毛钱项目', 'organization'),
    donor('donor-workshop', '胜稼村幸福工坊', 'organization'),
    donor('donor-grain', '乔司某粮油企业（示例）', 'company'),
    donor('donor-foundation', '临平某公益基金会（示例）', 'foundation'),
    donor('donor-university', '杭州某高校青年志愿者协会（示例）', 'university'),
    donor('donor-disabled', '乔司街道残疾人联合会（示例）', 'government'),
    donor('donor-neighbour', '热心居民', 'individual', true),
  ]
  const donation = (
    _id: string,
    from: Donor,
    fields: Partial<Donation> & Pick<Donation, 'kind' | 'receivedOn'>,
  ): Donation => ({
    _id,
    streetId: QIAOSI._id,
    districtId: LINPING._id,
    donorId: from._id,
    donorName: from.name,
    donorKind: from.kind,
    anonymous: from.anonymous,
    quarter: quarterOf(fields.receivedOn),
    recordedBy: 'demo-org-qiaosi-center',
    createdAt: now,
    ...fields,
  })
  const [yiwanmian, workshop, grain, foundation, university, disabled, neighbour] = donors
  // 一碗面一毛钱: 5,120 元 over four quarters; 幸福工坊: 1,130 元 for 612 items sold.
  const donations: Donation[] = [
    ...[126000, 131000, 128000, 127000].map((amountFen, index) =>
      donation(`don-ywm-${index + 1}`, yiwanmian, {
        kind: 'cash',
        receivedOn: on(3 - index, 40),
        amountFen,
        receiptNo: `QSCS-${index + 1}0${index + 7}`,
        note: '每售出一碗面捐一毛钱，残疾人就业创业项目',
      }),
    ),
    ...[
      [38000, 210],
      [42000, 236],
      [33000, 166],
    ].map(([amountFen, itemsSold], index) =>
      donation(`don-xfgf-${index + 1}`, workshop, {
        kind: 'sale_proceeds',
        receivedOn: on(3 - index, 55),
        amountFen,
        itemsSold,
        receiptNo: `QSYM-${index + 1}1${index + 2}`,
        note: '集市义卖钩花花束、花篮、挂件',
      }),
    ),
    donation('don-service-1', university, {
      kind: 'service',
      receivedOn: on(0, 10),
      serviceDescription: '爱心超市周末值守与理货志愿服务 8 次',
    }),
  ]
  const items = {
    rice: stockItem('item-rice', '大米', '袋', now),
    oil: stockItem('item-oil', '食用油', '桶', now),
    stationery: stockItem('item-stationery', '助学文具包', '套', now),
    wheelchair: stockItem('item-wheelchair', '轮椅', '台', now),
  }
  const goods: [string, Donor, keyof typeof items, number, number, number][] = [
    ['don-wheelchair', disabled, 'wheelchair', 4, 1, 20],
    ['don-rice', grain, 'rice', 60, 0, 5],
    ['don-oil', grain, 'oil', 40, 0, 5],
    ['don-stationery', foundation, 'stationery', 30, 0, 8],
    ['don-rice-2', neighbour, 'rice', 10, 0, 12],
  ]
  const lines: LedgerLine[] = []
  for (const [_id, from, key, quantity, back, days] of goods) {
    const receivedOn = on(back, days)
    donations.push(
      donation(_id, from, {
        kind: 'goods',
        receivedOn,
        itemId: items[key]._id,
        itemName: items[key].name,
        quantity,
        unit: items[key].unit,
      }),
    )
    lines.push({
      item: items[key],
      kind: 'in',
      quantity,
      date: receivedOn,
      donationId: _id,
      source: from.anonymous ? '爱心人士' : from.name,
    })
  }
  const handedOut: [keyof typeof items, number, number, number, string][] = [
    ['wheelchair', 1, 1, 30, '沈秀英'],
    ['wheelchair', 1, 1, 45, '陆建国'],
    ['rice', 2, 0, 14, '朱美华'],
    ['rice', 2, 0, 14, '钱阿福'],
    ['oil', 1, 0, 14, '朱美华'],
    ['oil', 1, 0, 14, '钱阿福'],
    ['stationery', 5, 0, 15, '胜稼村困难家庭学生'],
  ]
  for (const [key, quantity, back, days, recipient] of handedOut) {
    lines.push({
      item: items[key],
      kind: 'out',
      quantity: -quantity,
      date: on(back, days),
      recipient,
    })
  }
  const moves: StockMove[] = []
  lines
    .sort((a, b) => a.date.localeCompare(b.date) || (a.kind === 'in' ? -1 : 1))
    .forEach((line, index) => {
      line.item.balance += line.quantity
      moves.push({
        _id: `move-${String(index + 1).padStart(3, '0')}`,
        streetId: QIAOSI._id,
        itemId: line.item._id,
        itemName: line.item.name,
        unit: line.item.unit,
        kind: line.kind,
        quantity: line.quantity,
        balanceAfter: line.item.balance,
        date: line.date,
        quarter: quarterOf(line.date),
        at: new Date(chinaInstant(line.date, '10:00').getTime() + index * 60_000),
        ...(line.donationId ? { donationId: line.donationId, source: line.source } : {}),
        ...(line.recipient ? { recipient: { name: line.recipient } } : {}),
        recordedBy: 'demo-org-qiaosi-center',
      })
    })
  return { pool, donors, donations, stock: Object.values(items), moves }
}

function stockItem(_id: string, name: string, unit: string, now: Date): StockItem {
  return { _id, streetId: QIAOSI._id, name, unit, balance: 0, updatedAt: now }
}
