/**
 * Co-build agreements (共建协议): the district department with each street, and a street or a
 * community with an organization. An agreement commits quantities (venues, places, sessions,
 * person-hours, funds…) over a term; what has been delivered is counted from what the product
 * records (projects, their monthly progress, volunteer hours) or, for what it does not record
 * (a venue lent, funds given), from the reviews held on the agreement's review dates.
 */
export type AgreementKind = 'district_street' | 'street_organization' | 'community_organization'

export const AGREEMENT_KINDS: Record<AgreementKind, string> = {
  district_street: '区—街道共建协议',
  street_organization: '街道—组织共建协议',
  community_organization: '社区—组织共建协议',
}

export const AGREEMENT_SCOPES = {
  resource_sharing: '资源共享',
  project_collaboration: '项目合作',
  service_linkage: '服务联动',
} as const
export type AgreementScope = keyof typeof AGREEMENT_SCOPES

/** What a commitment counts, and its unit. */
export const COMMITMENT_KINDS = {
  projects: { label: '共建项目', unit: '个', counted: true },
  sessions: { label: '服务场次', unit: '场', counted: true },
  people_served: { label: '服务人次', unit: '人次', counted: true },
  person_hours: { label: '志愿服务时长', unit: '小时', counted: true },
  venue: { label: '场地提供', unit: '场次', counted: false },
  places: { label: '服务名额', unit: '个', counted: false },
  funds: { label: '资金支持', unit: '元', counted: false },
} as const
export type CommitmentKind = keyof typeof COMMITMENT_KINDS

export type StoredStatus = 'draft' | 'signed' | 'terminated'
/** What a person reads: a signed agreement is in force during its term and expired after it. */
export type AgreementStatus = 'draft' | 'signed' | 'in_force' | 'expired' | 'terminated'

export const AGREEMENT_STATUSES: Record<AgreementStatus, string> = {
  draft: '草拟',
  signed: '已签订（未生效）',
  in_force: '履行中',
  expired: '已到期',
  terminated: '已终止',
}

export interface PartyRef {
  kind: 'district' | 'street' | 'community' | 'organization'
  id: string
  name: string
}

export interface Commitment {
  id: string
  kind: CommitmentKind
  description: string
  quantity: number
}

export interface Kpi {
  name: string
  target: string
}

export interface AgreementReview {
  id: string
  /** YYYY-MM-DD (China) */
  date: string
  notes: string
  /** Delivered quantities of the commitments the product does not count itself. */
  delivered: { commitmentId: string; quantity: number }[]
  by: { id: string; name: string }
  at: Date
}

export interface Agreement {
  _id: string
  kind: AgreementKind
  title: string
  /** 甲方: the district, street or community that signs with the second party. */
  firstParty: PartyRef
  /** 乙方: a street (for the district) or an organization. */
  secondParty: PartyRef
  districtId: string
  /** The street the agreement belongs to (its own street for a community's agreement). */
  streetId: string
  communityId?: string
  organizationId?: string
  scopes: AgreementScope[]
  term: { from: string; to: string }
  commitments: Commitment[]
  kpis: Kpi[]
  reviewDates: string[]
  reviews: AgreementReview[]
  status: StoredStatus
  signed?: { on: string; place: string; scanFileId?: string; by: { id: string; name: string } }
  terminated?: { reason: string; on: string; by: { id: string; name: string } }
  createdBy: { id: string; name: string }
  createdAt: Date
  updatedAt: Date
}

export function statusOf(agreement: Agreement, today: string): AgreementStatus {
  if (agreement.status !== 'signed') return agreement.status
  if (today > agreement.term.to) return 'expired'
  if (today >= agreement.term.from) return 'in_force'
  return 'signed'
}

/** What the product counted for each counted kind, over the agreement's parties and term. */
export type CountedDelivery = Record<
  Extract<CommitmentKind, 'projects' | 'sessions' | 'people_served' | 'person_hours'>,
  number
>

/** Delivered against each commitment: counted by the product, or the sum of its reviews. */
export function deliveredOf(agreement: Agreement, counted: CountedDelivery): Map<string, number> {
  const delivered = new Map<string, number>()
  for (const commitment of agreement.commitments) {
    if (COMMITMENT_KINDS[commitment.kind].counted) {
      delivered.set(commitment.id, counted[commitment.kind as keyof CountedDelivery])
    } else {
      const reviewed = agreement.reviews.flatMap((review) =>
        review.delivered.filter((line) => line.commitmentId === commitment.id),
      )
      delivered.set(
        commitment.id,
        reviewed.reduce((sum, line) => sum + line.quantity, 0),
      )
    }
  }
  return delivered
}
