import type { NeedClaim } from '../cloudfunctions/features/claims/domain'
import {
  councilIdOf,
  councilMeetingIdOf,
  minutesOf,
  type Council,
  type CouncilItem,
  type CouncilMeeting,
  type CouncilMember,
} from '../cloudfunctions/features/councils/domain'
import type { Community, Street } from '../cloudfunctions/features/directory/domain'
import type { CommunityNeed, ResourceOffering } from '../cloudfunctions/features/lists/domain'
import type { MatchProposalRecord } from '../cloudfunctions/features/matching/domain'
import type {
  CoBuildProject,
  ProjectProgress,
  ProjectTargets,
} from '../cloudfunctions/features/projects/domain'
import { newProject } from '../cloudfunctions/features/projects/domain'
import { admit, emptyLedger, type CapacityLedger } from '../cloudfunctions/shared/capacity/ledger'
import type { UserRecord } from '../cloudfunctions/shared/caller'
import type { Role } from '../cloudfunctions/shared/roles'

// The long-term mechanism after the 7 月 2 日 launch (first source report): each pilot street's
// first quarterly council (共建议事会) met in late September with its communities and the party
// leaders of social organizations, and the three claims the report names became projects:
// 祥泰残疾人综合服务中心 → 硕辉苑社区, 国立社会工作服务中心 → 古城社区, 机械制造业商会 → 新惠社区.
// Quantities, people's names and the motions are illustrative.

const HELD_ON = '2026-09-26'
const QUARTER = '2026-Q3'
const HELD_AT = new Date(`${HELD_ON}T15:00:00+08:00`)
const CLAIMED_AT = new Date('2026-07-20T10:00:00+08:00')

type Account = UserRecord & { title: string }

function account(_id: string, displayName: string, title: string, roles: Role[]): Account {
  return { _id, displayName, title, roles, createdAt: CLAIMED_AT }
}

/** Demo sign-in accounts the council walk needs: 通济街道's admin and 祥泰's director. */
export const COUNCIL_ACCOUNTS: Account[] = [
  account('demo-street-tongji', '通济街道管理员', '街道管理员 · 通济街道（共建议事会）', [
    { kind: 'street_admin', streetId: 'tongji' },
  ]),
  account('demo-org-xiangtai', '祥泰王主任', '社会组织 · 祥泰残疾人综合服务中心（兼职委员）', [
    { kind: 'org_member', orgId: 'xiangtai' },
  ]),
]

/** Who sits for each street's organizations (兼职委员): the party leader or head. */
const ORG_SEATS: Record<string, [userId: string, name: string, orgId: string, orgName: string][]> =
  {
    tongji: [
      ['demo-org-xiangtai', '祥泰王主任', 'xiangtai', '即墨区祥泰残疾人综合服务中心'],
      ['council-guoli-head', '国立社工中心党支部书记', 'guoli', '即墨区国立社会工作服务中心'],
    ],
    chaohai: [
      ['council-guoli-head', '国立社工中心党支部书记', 'guoli', '即墨区国立社会工作服务中心'],
    ],
    beian: [
      ['council-jixie-head', '机械制造业商会党支部书记', 'jixie-shanghui', '即墨区机械制造业商会'],
    ],
    huanxiu: [['demo-org-mayi', '赵队长', 'mayi', '蚂蚁力量儿童义工团']],
    longshan: [['demo-org-lituixiu', '周主任', 'lituixiu', '区离退休干部服务中心']],
  }

/** Staff already among the demo accounts; everyone else on a council is a plain user. */
const KNOWN_STAFF: Record<string, [userId: string, name: string]> = {
  chaohai: ['demo-street-chaohai', '潮海街道管理员'],
  tongji: ['demo-street-tongji', '通济街道管理员'],
  xianshan: ['demo-worker-xianshan', '刘社工'],
  dahua: ['demo-worker-dahua', '张社工'],
}

const KNOWN_ACCOUNTS = new Set([
  'demo-street-chaohai',
  'demo-street-tongji',
  'demo-worker-xianshan',
  'demo-worker-dahua',
  'demo-org-xiangtai',
  'demo-org-mayi',
  'demo-org-lituixiu',
])

function line(
  _id: string,
  community: Community,
  fields: Pick<CommunityNeed, 'domain' | 'focusGroups' | 'title' | 'description' | 'unit'> & {
    quantity: number
    holders: { id: string; units: number }[]
  },
): CommunityNeed {
  const { quantity, holders, ...rest } = fields
  const capacity = holders.reduce(seat, emptyLedger(quantity))
  return {
    _id,
    districtId: community.districtId,
    streetId: community.streetId,
    communityId: community._id,
    communityName: community.name,
    list: 'basic',
    ...rest,
    capacity,
    splittable: true,
    window: { from: '2026-07-01', to: '2027-06-30' },
    priority: 'high',
    status: capacity.taken === 0 ? 'open' : capacity.taken >= quantity ? 'served' : 'partly_served',
    promotedFrom: [],
    createdBy: 'seed',
    createdAt: CLAIMED_AT,
    updatedAt: HELD_AT,
  }
}

function seat(ledger: CapacityLedger, holding: { id: string; units: number }): CapacityLedger {
  const admission = admit(ledger, holding, false)
  if (admission.kind !== 'seated') throw new Error(`demo ledger too small for ${holding.id}`)
  return admission.ledger
}

/** The named claims: organization, community, the need line it took, units. */
const NAMED_CLAIMS = [
  {
    id: 'demo-claim-xiangtai',
    orgId: 'xiangtai',
    orgName: '即墨区祥泰残疾人综合服务中心',
    communityId: 'shuohuiyuan',
    title: '残疾人康复训练与辅具适配',
    description: '为社区残疾人提供上门康复训练和辅具适配指导。',
    domain: 'service_supply',
    focusGroups: ['special'],
    quantity: 12,
    unit: '次',
    plan: '康复师每月上门两次，半年内完成 12 次康复训练与辅具适配。',
    targets: { peopleServed: 60, sessions: 12, hours: 36, satisfaction: 5 },
    progress: [
      ['2026-08', '首批 8 户残疾人家庭完成康复评估和辅具适配。', 16],
      ['2026-09', '开展上门康复训练 4 次，组织残疾人手工技能体验。', 22],
    ],
  },
  {
    id: 'demo-claim-guoli',
    orgId: 'guoli',
    orgName: '即墨区国立社会工作服务中心',
    communityId: 'gucheng',
    title: '困境家庭个案帮扶',
    description: '专业社工对困境家庭开展个案帮扶和资源链接。',
    domain: 'social_work',
    focusGroups: ['elderly', 'children'],
    quantity: 8,
    unit: '户',
    plan: '社工一对一建档跟进 8 户困境家庭，链接救助和志愿服务资源。',
    targets: { peopleServed: 30, sessions: 24, hours: 72, satisfaction: 5 },
    progress: [['2026-09', '完成 8 户家庭入户评估，建立个案档案。', 26]],
  },
  {
    id: 'demo-claim-jixie',
    orgId: 'jixie-shanghui',
    orgName: '即墨区机械制造业商会',
    communityId: 'xinhui',
    title: '青年就业技能培训',
    description: '为社区待业青年和新就业群体开展机械制造技能培训。',
    domain: 'service_supply',
    focusGroups: ['new_employment'],
    quantity: 4,
    unit: '场',
    plan: '会员企业技师进社区授课 4 场，优秀学员推荐进厂实习。',
    targets: { peopleServed: 80, sessions: 4, hours: 12, satisfaction: 4 },
    progress: [['2026-09', '第一场数控机床入门培训，28 名青年参加。', 28]],
  },
] as const

export interface DemoCouncilRecords {
  users: UserRecord[]
  communityNeeds: CommunityNeed[]
  resourceOfferings: ResourceOffering[]
  claims: NeedClaim[]
  matchProposals: MatchProposalRecord[]
  projects: CoBuildProject[]
  projectProgress: ProjectProgress[]
  councils: Council[]
  councilMeetings: CouncilMeeting[]
}

export function demoCouncils(streets: Street[], communities: Community[]): DemoCouncilRecords {
  const community = (id: string) => communities.find((candidate) => candidate._id === id)!
  const users = new Map<string, UserRecord>()
  const plainUser = (userId: string, name: string, role: Role) => {
    if (KNOWN_ACCOUNTS.has(userId) || users.has(userId)) return
    users.set(userId, { _id: userId, displayName: name, roles: [role], createdAt: CLAIMED_AT })
  }

  // The three named claims, approved, each with its project under way.
  const needs: CommunityNeed[] = []
  const claims: NeedClaim[] = []
  const projects: CoBuildProject[] = []
  const progress: ProjectProgress[] = []
  for (const named of NAMED_CLAIMS) {
    const place = community(named.communityId)
    const need = line(`demo-line-${named.id}`, place, {
      domain: named.domain,
      focusGroups: [...named.focusGroups],
      title: named.title,
      description: named.description,
      unit: named.unit,
      quantity: named.quantity,
      holders: [{ id: `claim:${named.id}`, units: named.quantity }],
    })
    const project = newProject({
      source: { kind: 'claim', id: named.id },
      need,
      organizationId: named.orgId,
      organizationName: named.orgName,
      quantity: named.quantity,
      unit: named.unit,
      now: CLAIMED_AT,
    })
    needs.push(need)
    claims.push({
      _id: named.id,
      districtId: place.districtId,
      streetId: place.streetId,
      communityId: place._id,
      needId: need._id,
      needTitle: need.title,
      organizationId: named.orgId,
      organizationName: named.orgName,
      quantity: named.quantity,
      unit: named.unit,
      plan: named.plan,
      status: 'approved',
      claimedBy: 'seed',
      decidedBy: 'seed',
      projectId: project._id,
      createdAt: CLAIMED_AT,
      updatedAt: CLAIMED_AT,
    })
    const entries = named.progress.map(([month, summary, peopleServed]) => ({
      _id: `progress-${project._id}-${month}`,
      projectId: project._id,
      month,
      summary,
      peopleServed,
      photoFileIds: [],
      authorId: 'seed',
      authorName: named.orgName,
      createdAt: HELD_AT,
    }))
    progress.push(...entries)
    projects.push({
      ...project,
      targets: { ...named.targets } as ProjectTargets,
      progressCount: entries.length,
      updatedAt: HELD_AT,
    })
  }

  // 通济街道's council allocated 祥泰's volunteer team to 岘山社区's elderly: a line half served.
  const xianshan = community('xianshan')
  const meetingOf = (streetId: string) => councilMeetingIdOf(streetId, QUARTER)
  const proposalId = `${meetingOf('tongji')}-item-1`
  const allocated = 12
  const allocationNeed = line('demo-line-xianshan-visits', xianshan, {
    domain: 'service_supply',
    focusGroups: ['elderly', 'special'],
    title: '高龄独居及残疾老人上门探访',
    description: '高龄独居和残疾老人需要志愿者定期上门探访、陪伴和安全检查。',
    unit: '次',
    quantity: 24,
    holders: [{ id: `proposal:${proposalId}`, units: allocated }],
  })
  needs.push(allocationNeed)
  const offering: ResourceOffering = {
    _id: 'demo-offer-xiangtai-visits',
    districtId: 'jimo',
    organizationId: 'xiangtai',
    organizationName: '即墨区祥泰残疾人综合服务中心',
    organizationKind: 'social_org',
    domains: ['service_supply'],
    focusGroups: ['elderly', 'special'],
    title: '助残志愿服务队上门探访',
    description: '助残志愿服务队上门探访高龄、残疾老人，陪伴聊天、检查居家安全。',
    capacity: emptyLedger(24),
    periods: {
      [QUARTER]: seat(emptyLedger(24), { id: `proposal:${proposalId}`, units: allocated }),
    },
    unit: '次',
    period: 'quarter',
    serviceArea: { districtWide: false, streetIds: ['tongji'], communityIds: [] },
    availability: { from: '2026-07-01', to: '2027-12-31' },
    status: 'active',
    createdBy: 'seed',
    createdAt: CLAIMED_AT,
    updatedAt: HELD_AT,
  }
  const proposal: MatchProposalRecord = {
    _id: proposalId,
    runId: meetingOf('tongji'),
    districtId: 'jimo',
    streetId: 'tongji',
    communityId: xianshan._id,
    communityName: xianshan.name,
    needId: allocationNeed._id,
    needTitle: allocationNeed.title,
    offeringId: offering._id,
    offeringTitle: offering.title,
    organizationId: offering.organizationId,
    organizationName: offering.organizationName,
    ledgerPath: `periods.${QUARTER}`,
    quantity: allocated,
    unit: '次',
    reasons: ['通济街道共建议事会表决通过'],
    communityDecision: 'confirmed',
    providerDecision: 'accepted',
    status: 'accepted',
    projectId: `match-${proposalId}`,
    createdBy: 'demo-street-tongji',
    createdAt: HELD_AT,
    updatedAt: HELD_AT,
  }
  projects.push(
    newProject({
      source: { kind: 'match', id: proposalId },
      need: allocationNeed,
      organizationId: offering.organizationId,
      organizationName: offering.organizationName,
      quantity: allocated,
      unit: '次',
      now: HELD_AT,
    }),
  )

  // Each pilot street's first council: its admin, a community secretary, organizations' leaders.
  const councils: Council[] = []
  const meetings: CouncilMeeting[] = []
  for (const street of streets) {
    const [adminId, adminName] = KNOWN_STAFF[street._id] ?? [
      `council-${street._id}-admin`,
      `${street.name}管理员`,
    ]
    plainUser(adminId, adminName, { kind: 'street_admin', streetId: street._id })
    const members: CouncilMember[] = [
      {
        userId: adminId,
        name: adminName,
        seat: 'street',
        scopeId: street._id,
        scopeName: street.name,
      },
    ]
    for (const place of communities.filter((one) => one.streetId === street._id).slice(0, 2)) {
      const [userId, name] = KNOWN_STAFF[place._id] ?? [
        `council-${place._id}-secretary`,
        `${place.name}书记`,
      ]
      plainUser(userId, name, { kind: 'community_worker', communityId: place._id })
      members.push({ userId, name, seat: 'community', scopeId: place._id, scopeName: place.name })
    }
    for (const [userId, name, orgId, orgName] of ORG_SEATS[street._id] ?? []) {
      plainUser(userId, name, { kind: 'org_member', orgId })
      members.push({ userId, name, seat: 'organization', scopeId: orgId, scopeName: orgName })
    }
    councils.push({
      _id: councilIdOf(street._id),
      districtId: street.districtId,
      streetId: street._id,
      streetName: street.name,
      members,
      createdAt: CLAIMED_AT,
      updatedAt: CLAIMED_AT,
    })
    const present = members.map((member) => member.userId)
    const votesFor = present.map((userId) => ({
      userId,
      name: members.find((member) => member.userId === userId)!.name,
      choice: 'for' as const,
      at: HELD_AT,
    }))
    const items: CouncilItem[] = [
      ...(street._id === 'tongji'
        ? [
            {
              id: 'item-1',
              kind: 'allocation' as const,
              title: `「${offering.title}」${allocated} 次用于${xianshan.name}「${allocationNeed.title}」`,
              allocation: {
                needId: allocationNeed._id,
                needTitle: allocationNeed.title,
                communityId: xianshan._id,
                communityName: xianshan.name,
                offeringId: offering._id,
                offeringTitle: offering.title,
                organizationId: offering.organizationId,
                organizationName: offering.organizationName,
                quantity: allocated,
                unit: '次',
              },
              votes: votesFor,
              outcome: 'passed' as const,
              proposalId,
              projectId: `match-${proposalId}`,
            },
          ]
        : []),
      {
        id: street._id === 'tongji' ? 'item-2' : 'item-1',
        kind: 'motion',
        title: '每月更新需求清单和资源清单，季度末由议事会集中对接',
        votes: votesFor,
        outcome: 'passed',
      },
    ]
    const meeting: CouncilMeeting = {
      _id: meetingOf(street._id),
      districtId: street.districtId,
      streetId: street._id,
      streetName: street.name,
      quarter: QUARTER,
      heldOn: HELD_ON,
      status: 'closed',
      members,
      present,
      agenda: {
        openNeeds: [],
        overdueNeeds: [],
        unusedResources: [],
        stalledProjects: [],
        proposals: [],
      },
      items,
      closedAt: HELD_AT,
      createdBy: adminId,
      createdAt: HELD_AT,
      updatedAt: HELD_AT,
    }
    meetings.push({ ...meeting, minutes: minutesOf(meeting) })
  }

  return {
    users: [...users.values()],
    communityNeeds: needs,
    resourceOfferings: [offering],
    claims,
    matchProposals: [proposal],
    projects,
    projectProgress: progress,
    councils,
    councilMeetings: meetings,
  }
}
