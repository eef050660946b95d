import type { Community, District, Street } from '../cloudfunctions/features/directory/domain'
import {
  caseNumberOf,
  dueDateOf,
  type DisputeType,
  type MediationCase,
  type MediationTeam,
  type Outcome,
  type Person,
  type RiskLevel,
} from '../cloudfunctions/features/mediation/domain'
import type { VolunteerRecord } from '../cloudfunctions/features/volunteers/domain'
import type { UserRecord } from '../cloudfunctions/shared/caller'
import { DAY_MS, chinaDateOf } from '../cloudfunctions/shared/time'

// 万事无忧 of 新港山路社区 (薛家岛街道, 青岛西海岸新区) in the first source report: its 邻里解忧团 of
// 20+ 明白人 has resolved 60+ disputes and 200+ complaints since 2021. The team's members and the
// cases below are illustrative; the community, its team and its way of working are the report's.

export const XIHAIAN: District = { _id: 'xihaian', name: '青岛西海岸新区' }
export const XUEJIADAO: Street = {
  _id: 'xuejiadao',
  districtId: 'xihaian',
  name: '薛家岛街道',
  pilot: false,
}
export const XINGANGSHANLU: Community = {
  _id: 'xingangshanlu',
  districtId: 'xihaian',
  streetId: 'xuejiadao',
  name: '新港山路社区',
  pilot: false,
}
export const XINGANGSHANLU_WORKER = 'demo-worker-xingangshanlu'

const SURNAMES = '于刘王孙薛姜丁徐高隋宋崔周马韩郭曲管逄綦臧'
const TITLES = ['楼长', '党员中心户', '退休教师', '退休民警', '律师志愿者', '网格员']

/** The 邻里解忧团's 明白人: residents the neighbours trust to talk a dispute down. */
function mingbairen(now: Date): VolunteerRecord[] {
  return [...SURNAMES].map((surname, index) => ({
    _id: `xgs-mingbairen-${index + 1}`,
    displayName: `${surname}${index % 2 ? '大姐' : '大哥'}`,
    kind: 'resident',
    districtId: XIHAIAN._id,
    streetId: XUEJIADAO._id,
    communityId: XINGANGSHANLU._id,
    skills: [],
    availability: { weekdays: [1, 2, 3, 4, 5, 6, 7], times: ['morning', 'afternoon', 'evening'] },
    realName: `${surname}${'建国秀兰桂芳志强玉梅'.slice((index % 5) * 2, (index % 5) * 2 + 2)}`,
    phone: `1390532${String(1000 + index).padStart(4, '0')}`,
    consentAt: new Date('2026-01-05T09:00:00+08:00'),
    status: 'verified',
    checkInCode: `XGS${String(index + 1).padStart(3, '0')}`,
    teamIds: [],
    createdAt: new Date('2026-01-05T09:00:00+08:00'),
    updatedAt: now,
  }))
}

type CaseRow = [
  type: DisputeType,
  risk: RiskLevel,
  daysAgo: number,
  tookDays: number,
  result: Outcome | undefined,
  parties: [string, string],
  facts: string,
  terms: string,
]

const CASES: CaseRow[] = [
  [
    'neighbourhood',
    'yellow',
    80,
    6,
    'success',
    ['薛女士', '姜先生'],
    '楼上空调外机滴水落在楼下窗台，双方多次争吵',
    '姜先生加装冷凝水管，三日内完成；双方互不追究',
  ],
  [
    'property_management',
    'orange',
    64,
    12,
    'success',
    ['单元居民代表丁先生', '物业服务中心'],
    '单元门禁损坏两月未修，居民拒交物业费',
    '物业七日内更换门禁；居民代表动员补交物业费',
  ],
  [
    'marriage_family',
    'orange',
    45,
    9,
    'success',
    ['徐大爷', '徐某某（其子）'],
    '老人赡养费分担及轮流照料安排产生矛盾',
    '三名子女每月各支付赡养费 800 元，按月轮流照料',
  ],
  [
    'damages',
    'yellow',
    38,
    20,
    'failed',
    ['高女士', '宋先生'],
    '电动车剐蹭致人轻伤，赔偿金额分歧较大',
    '',
  ],
  [
    'neighbourhood',
    'red',
    6,
    0,
    undefined,
    ['崔先生', '周先生'],
    '楼道堆放杂物引发争执并有肢体冲突苗头，双方情绪激动',
    '',
  ],
]

export function demoMediationData(now: Date) {
  const volunteers = mingbairen(now)
  const worker = { id: XINGANGSHANLU_WORKER, name: '林社工' }
  const team: MediationTeam = {
    _id: XINGANGSHANLU._id,
    communityId: XINGANGSHANLU._id,
    name: '邻里解忧团',
    members: volunteers.map((volunteer, index) => ({
      id: volunteer._id,
      name: volunteer.displayName,
      title: `明白人 · ${TITLES[index % TITLES.length]}`,
      addedAt: volunteer.createdAt,
    })),
    updatedAt: now,
  }
  const users: UserRecord[] = volunteers.map((volunteer) => ({
    _id: volunteer._id,
    displayName: volunteer.displayName,
    roles: [{ kind: 'volunteer', communityId: XINGANGSHANLU._id }],
    homeCommunityId: XINGANGSHANLU._id,
    createdAt: volunteer.createdAt,
  }))
  const cases = casesOf(CASES, now, {
    idPrefix: 'xgs-case',
    community: XINGANGSHANLU,
    room: '新港山路社区万事无忧调解室',
    worker,
    mediators: team.members,
    persuasion: '明白人释法析理、以情说理',
  })
  return { volunteers, users, team, cases, assignments: assignmentsOf(cases) }
}

/** A community's cases from their rows, mediated in pairs by its team, accepted by its worker. */
function casesOf(
  rows: CaseRow[],
  now: Date,
  where: {
    idPrefix: string
    community: Community
    room: string
    worker: Person
    mediators: Person[]
    persuasion: string
  },
): MediationCase[] {
  return rows.map(
    (
      [disputeType, riskLevel, daysAgo, tookDays, result, [applicant, respondent], facts, terms],
      index,
    ) => {
      const _id = `${where.idPrefix}-${index + 1}`
      const acceptedAt = new Date(now.getTime() - daysAgo * DAY_MS)
      const closedAt = new Date(acceptedAt.getTime() + tookDays * DAY_MS)
      const mediators = [index * 2, index * 2 + 1].map((at) => {
        const member = where.mediators[at % where.mediators.length]
        return { id: member.id, name: member.name }
      })
      const session = {
        id: `${_id}-session-1`,
        at: new Date(acceptedAt.getTime() + DAY_MS),
        place: where.room,
        attendees: [applicant, respondent, ...mediators.map((mediator) => mediator.name)],
        record: `${mediators[0].name}主持调解，双方陈述事实，${where.persuasion}。`,
        by: mediators[0],
      }
      return {
        _id,
        caseNo: caseNumberOf(_id, chinaDateOf(acceptedAt)),
        districtId: where.community.districtId,
        streetId: where.community.streetId,
        communityId: where.community._id,
        source: { kind: 'worker' },
        disputeType,
        riskLevel,
        facts,
        parties: [
          { side: 'applicant', name: applicant },
          { side: 'respondent', name: respondent },
        ],
        mediators,
        sessions: [session],
        ...(result === 'success'
          ? {
              agreement: {
                facts,
                terms,
                performance: {
                  how: '双方按协议自行履行，调解员回访',
                  where: where.community.name,
                  by: chinaDateOf(closedAt),
                },
                signatories: [applicant, respondent],
                signedOn: chinaDateOf(new Date(acceptedAt.getTime() + 2 * DAY_MS)),
                recordedBy: mediators[0],
                recordedAt: new Date(acceptedAt.getTime() + 2 * DAY_MS),
              },
            }
          : {}),
        followUps:
          result === 'success'
            ? [
                {
                  id: `${_id}-visit-1`,
                  at: closedAt,
                  performance: 'performed',
                  note: '回访双方，协议已履行，邻里关系缓和',
                  by: mediators[1],
                },
              ]
            : [],
        status: result ? 'closed' : 'mediating',
        ...(result
          ? {
              outcome: {
                result,
                summary: result === 'success' ? '双方达成协议并已履行' : '双方对赔偿金额分歧过大',
                ...(result === 'failed' ? { referral: '引导当事人向人民法院提起诉讼' } : {}),
                by: where.worker,
                at: closedAt,
              },
              closedAt,
            }
          : {}),
        acceptedBy: where.worker,
        ...(riskLevel === 'red' ? { escalatedAt: acceptedAt } : {}),
        dueAt: dueDateOf(acceptedAt),
        createdAt: acceptedAt,
        updatedAt: result ? closedAt : acceptedAt,
      }
    },
  )
}

/** Who mediates which case, one record each. */
function assignmentsOf(cases: MediationCase[]) {
  return cases.flatMap((item) =>
    item.mediators.map((mediator) => ({
      _id: `${item._id}:${mediator.id}`,
      caseId: item._id,
      userId: mediator.id,
      communityId: item.communityId,
      createdAt: item.createdAt,
    })),
  )
}

/** 大华社区's mediators (id, name, title). */
const DAHUA_MEDIATORS: [string, string, string][] = [
  ['dahua-mediator-sun', '孙大爷', '退休法官'],
  ['dahua-mediator-han', '韩大姐', '楼长'],
]

/** Disputes 大华社区's team settled in the months of the district's history (illustrative). */
const DAHUA_CASES: CaseRow[] = [
  [
    'neighbourhood',
    'yellow',
    140,
    5,
    'success',
    ['刘女士', '于先生'],
    '楼上装修噪音影响老人午休，双方多次争吵',
    '装修限定在工作日 8:30-12:00、14:00-18:00；于先生当面致歉',
  ],
  [
    'property_management',
    'orange',
    110,
    10,
    'success',
    ['3 号楼居民代表', '物业服务中心'],
    '3 号楼楼道杂物长期堆放，居民与物业互相推诿',
    '物业一周内组织清理并每月巡查；居民不再在楼道堆放杂物',
  ],
  [
    'marriage_family',
    'yellow',
    85,
    7,
    'success',
    ['王大爷', '王某某（其女）'],
    '老人住房居住安排与子女探望时间产生矛盾',
    '女儿每周末探望并陪同就医，老人继续居住原房屋',
  ],
  [
    'damages',
    'yellow',
    55,
    15,
    'failed',
    ['陈先生', '杨女士'],
    '楼上漏水泡坏楼下吊顶，维修费用分担分歧较大',
    '',
  ],
  [
    'neighbourhood',
    'yellow',
    30,
    4,
    'success',
    ['赵先生', '钱女士'],
    '电动车在楼道充电引发争执，存在消防隐患',
    '电动车统一到小区集中充电棚充电，双方互不追究',
  ],
  [
    'neighbourhood',
    'yellow',
    12,
    3,
    'success',
    ['郑阿姨', '冯先生'],
    '宠物狗夜间吠叫影响邻居休息',
    '冯先生夜间将狗留在室内并加装隔音门帘',
  ],
]

/** 大华社区's past cases and who mediated them, for the district's history. */
export function dahuaCaseHistory(now: Date, dahua: Community) {
  const cases = casesOf(DAHUA_CASES, now, {
    idPrefix: 'dahua-case',
    community: dahua,
    room: '大华社区党群服务中心调解室',
    worker: { id: 'demo-worker-dahua', name: '张社工' },
    mediators: DAHUA_MEDIATORS.map(([id, name]) => ({ id, name })),
    persuasion: '调解小组摆事实、讲法律、说情理',
  })
  return { cases, assignments: assignmentsOf(cases) }
}

/** 大华社区's own small team, so its worker can assign mediators from the first start. */
function dahuaTeam(now: Date): { volunteers: VolunteerRecord[]; team: MediationTeam } {
  const volunteers: VolunteerRecord[] = DAHUA_MEDIATORS.map(([_id, displayName], index) => ({
    _id,
    displayName,
    kind: 'resident',
    districtId: 'jimo',
    streetId: 'chaohai',
    communityId: 'dahua',
    skills: [],
    availability: { weekdays: [1, 2, 3, 4, 5], times: ['morning', 'afternoon'] },
    realName: displayName,
    phone: `1390532${String(2000 + index)}`,
    consentAt: new Date('2026-03-01T09:00:00+08:00'),
    status: 'verified',
    checkInCode: `DHM${index + 1}`,
    teamIds: [],
    createdAt: new Date('2026-03-01T09:00:00+08:00'),
    updatedAt: now,
  }))
  return {
    volunteers,
    team: {
      _id: 'dahua',
      communityId: 'dahua',
      name: '大华社区调解小组',
      members: DAHUA_MEDIATORS.map(([id, name, title]) => ({ id, name, title, addedAt: now })),
      updatedAt: now,
    },
  }
}

/**
 * 新港山路社区 with its 邻里解忧团 and the cases it mediated, and 大华社区's small team, as the
 * collections and documents the first start writes.
 */
export function mediationDemoRecords(now: Date): [collection: string, docs: object[]][] {
  const data = demoMediationData(now)
  const dahua = dahuaTeam(now)
  return [
    ['districts', [XIHAIAN]],
    ['streets', [XUEJIADAO]],
    ['communities', [XINGANGSHANLU]],
    ['volunteers', [...data.volunteers, ...dahua.volunteers]],
    [
      'users',
      [
        ...data.users,
        ...dahua.volunteers.map((volunteer) => ({
          _id: volunteer._id,
          displayName: volunteer.displayName,
          roles: [{ kind: 'volunteer' as const, communityId: 'dahua' }],
          homeCommunityId: 'dahua',
          createdAt: volunteer.createdAt,
        })),
      ],
    ],
    ['mediation_teams', [data.team, dahua.team]],
    ['mediation_cases', data.cases],
    ['mediation_assignments', data.assignments],
  ]
}
