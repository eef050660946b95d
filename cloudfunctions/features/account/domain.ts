import { COLLECTIONS, type CollectionName } from '../../shared/collections'
import { DELETED_USER_NAME } from '../../shared/privacy'

/** The privacy guide's version; a new version asks everyone to read and agree again. */
export const PRIVACY_POLICY_VERSION = '2026-11'

/**
 * Where the product keeps a person's data: what 我的数据 shows and exports, and what deleting
 * the account does to it. Records others rely on (hours ledgers, bookings behind a stall's
 * figures, audit lines) stay, with the person's name and phone taken out, so their totals and
 * their meaning do not change.
 */
export interface PersonalRecords {
  collection: CollectionName
  /** The 我的数据 section. */
  label: string
  /** The field holding the person's user id. */
  owner: string
  /** Only the records that also match this (e.g. roles still held). */
  only?: Record<string, unknown>
  /** On deletion: fields set to these anonymous values. */
  anonymise?: Record<string, unknown>
  /** On deletion: fields removed. */
  remove?: string[]
  /** On deletion: records removed outright (they only ever served the person). */
  erase?: true
}

export const PERSONAL_DATA: PersonalRecords[] = [
  {
    collection: COLLECTIONS.users,
    label: '账号',
    owner: '_id',
    anonymise: { displayName: DELETED_USER_NAME, roles: [] },
    remove: ['homeCommunityId', 'privacyConsent'],
  },
  {
    collection: COLLECTIONS.volunteers,
    label: '志愿者登记',
    owner: '_id',
    anonymise: {
      displayName: DELETED_USER_NAME,
      realName: DELETED_USER_NAME,
      phone: '',
      status: 'withdrawn',
      skills: [],
      availability: { weekdays: [], times: [] },
      teamIds: [],
    },
    remove: ['checkInCode'],
  },
  {
    collection: COLLECTIONS.personalNeeds,
    label: '我的需求',
    owner: 'residentId',
    anonymise: { residentName: DELETED_USER_NAME },
    remove: ['contactPhone'],
  },
  {
    collection: COLLECTIONS.stallBookings,
    label: '服务预约',
    owner: 'userId',
    anonymise: { residentName: DELETED_USER_NAME },
  },
  {
    collection: COLLECTIONS.volunteerSignups,
    label: '志愿班次报名',
    owner: 'userId',
    anonymise: { volunteerName: DELETED_USER_NAME },
  },
  {
    collection: COLLECTIONS.volunteerHours,
    label: '志愿服务时长',
    owner: 'volunteerId',
    anonymise: { volunteerName: DELETED_USER_NAME },
  },
  {
    collection: COLLECTIONS.volunteerCertificates,
    label: '志愿服务证明',
    owner: 'volunteerId',
    anonymise: { volunteerName: DELETED_USER_NAME },
  },
  {
    collection: COLLECTIONS.trainingSignups,
    label: '培训报名',
    owner: 'userId',
    anonymise: { traineeName: DELETED_USER_NAME },
  },
  { collection: COLLECTIONS.teamMembers, label: '志愿服务队申请', owner: 'userId', erase: true },
  {
    collection: COLLECTIONS.roleGrants,
    label: '角色',
    owner: 'userId',
    only: { status: 'active' },
    anonymise: { status: 'revoked', revokedBy: 'system:account-deletion', reason: '账号注销' },
  },
  { collection: COLLECTIONS.invitations, label: '接受的邀请', owner: 'acceptedBy' },
  {
    collection: COLLECTIONS.stallEvents,
    label: '我发布的服务活动',
    owner: 'organizerId',
    anonymise: { organizerName: DELETED_USER_NAME },
  },
  {
    collection: COLLECTIONS.projectProgress,
    label: '我填写的项目进展',
    owner: 'authorId',
    anonymise: { authorName: DELETED_USER_NAME },
  },
  {
    collection: COLLECTIONS.personalNeedReplies,
    label: '我在需求中的回复',
    owner: 'author.id',
    anonymise: { 'author.name': DELETED_USER_NAME },
  },
  // Kept whole: a mediation case and who mediated it are the record of a settled dispute that the
  // community keeps (人民调解 archives), whoever closes their account.
  { collection: COLLECTIONS.mediationCases, label: '我反映的纠纷', owner: 'residentId' },
  { collection: COLLECTIONS.mediationAssignments, label: '我负责调解的案件', owner: 'userId' },
  { collection: COLLECTIONS.mediationTeams, label: '我加入的调解团队', owner: 'members.id' },
  { collection: COLLECTIONS.notifications, label: '通知', owner: 'userId', erase: true },
  // Only marks a day hours were added for; the hours themselves are in the ledger above.
  {
    collection: COLLECTIONS.volunteerDays,
    label: '补记时长的日期',
    owner: 'volunteerId',
    erase: true,
  },
  {
    collection: COLLECTIONS.subscriptionCredits,
    label: '订阅消息',
    owner: 'userId',
    erase: true,
  },
  // Kept: a project's satisfaction is counted from them; they carry no name.
  { collection: COLLECTIONS.projectRatings, label: '我对共建项目的评价', owner: 'userId' },
  // Kept whole: who looked at or exported my data is part of the record others must answer for.
  { collection: COLLECTIONS.auditLogs, label: '查看或导出我的数据的记录', owner: 'targetId' },
]

/**
 * Collections that hold no one's personal data (or only ids, names of organizations, and
 * people who are not users, such as a 爱心超市 recipient, whose names are masked wherever shown).
 */
export const WITHOUT_PERSONAL_DATA: CollectionName[] = [
  COLLECTIONS.districts,
  COLLECTIONS.streets,
  COLLECTIONS.communities,
  COLLECTIONS.organizations,
  COLLECTIONS.communityNeeds,
  COLLECTIONS.resourceOfferings,
  COLLECTIONS.stallSlots,
  COLLECTIONS.projects,
  COLLECTIONS.claims,
  COLLECTIONS.matchProposals,
  COLLECTIONS.matchingRuns,
  COLLECTIONS.volunteerTeams,
  COLLECTIONS.volunteerShifts,
  COLLECTIONS.trainings,
  COLLECTIONS.charityPools,
  COLLECTIONS.charityDonors,
  COLLECTIONS.charityDonations,
  COLLECTIONS.charityStock,
  COLLECTIONS.charityMoves,
  COLLECTIONS.miniProgramCodes,
  COLLECTIONS.dailyFigures,
  COLLECTIONS.serviceKinds,
  // Parties are districts, streets, communities and organizations; staff appear by name only.
  COLLECTIONS.agreements,
  COLLECTIONS.monthlyMeetings,
  // Members are staff and organizations' representatives acting for them, by display name.
  COLLECTIONS.councils,
  COLLECTIONS.councilMeetings,
]
