// The controlled vocabulary both lists pick from (需求清单 and 资源清单): service kinds grouped
// under the six domains, units with their equivalences, resource kinds. Pure, shared with the app's
// pickers; the district extends the kinds (features/vocabulary). Free-text lines written before the
// pickers are mapped on load by `kindFromText` and `measureOfUnit`.
import type { ServiceDomain } from './categories'

/** How a quantity is counted; only the same measure meets (名 = 个 = 人, 次 = 场). */
export const MEASURES = {
  places: '名额',
  sessions: '次数',
  hours: '时长',
  items: '件数',
  money: '金额',
} as const
export type Measure = keyof typeof MEASURES

/** The units a line may be counted in, first of each measure is the one pickers suggest. */
export const UNITS: Record<string, Measure> = {
  名: 'places',
  个: 'places',
  人: 'places',
  位: 'places',
  次: 'sessions',
  场: 'sessions',
  期: 'sessions',
  节: 'sessions',
  小时: 'hours',
  件: 'items',
  份: 'items',
  套: 'items',
  元: 'money',
  项: 'items',
}

/** The units as picker labels. */
export const UNIT_CHOICES: Record<string, string> = Object.fromEntries(
  Object.keys(UNITS).map((unit) => [unit, unit]),
)

export function measureOfUnit(unit: string): Measure | undefined {
  return UNITS[unit.trim()]
}

export const RESOURCE_KINDS = {
  labor: '人力服务',
  places: '名额',
  venue: '场地',
  goods: '物资',
  funds: '资金',
  course: '课程',
} as const
export type ResourceKind = keyof typeof RESOURCE_KINDS

/** Capacity is counted per period; a matching run covers one (the street council's quarter). */
export const PERIODS = { once: '一次性', month: '每月', quarter: '每季度', year: '每年' } as const
export type Period = keyof typeof PERIODS

export interface ServiceKind {
  id: string
  label: string
  domain: ServiceDomain
  measure: Measure
  /** Words in a free-text title or description that name this kind (oldest lines have no kind). */
  keywords: string[]
}

/** A venue (场地) is counted in sessions of use and hosts these kinds for as many people as it holds. */
export const VENUE_KIND = 'venue'
export const HOSTED_AT_VENUE = ['talk', 'training', 'sports', 'culture']

export const SERVICE_KINDS: ServiceKind[] = [
  // First, so that a title naming a place (培训、沙龙场地) is read as the place.
  {
    id: VENUE_KIND,
    label: '场地',
    domain: 'service_supply',
    measure: 'sessions',
    keywords: ['场地', '活动室', '沙龙', '会议室'],
  },
  {
    id: 'aid_places',
    label: '助学名额',
    domain: 'service_supply',
    measure: 'places',
    keywords: ['助学', '助困', '奖学'],
  },
  {
    id: 'care',
    label: '托管',
    domain: 'service_supply',
    measure: 'sessions',
    keywords: ['托管', '课堂', '看护', '四点半'],
  },
  {
    id: 'elderly_care',
    label: '助老服务',
    domain: 'service_supply',
    measure: 'sessions',
    keywords: ['助老', '助餐', '探访', '陪护'],
  },
  {
    id: 'repair',
    label: '维修',
    domain: 'service_supply',
    measure: 'sessions',
    keywords: ['维修', '修理', '义修'],
  },
  {
    id: 'convenience',
    label: '便民服务',
    domain: 'service_supply',
    measure: 'sessions',
    keywords: ['理发', '义剪', '便民'],
  },
  {
    id: 'talk',
    label: '宣讲',
    domain: 'civic_culture',
    measure: 'sessions',
    keywords: ['宣讲', '讲座', '宣传', '普法'],
  },
  {
    id: 'culture',
    label: '文化活动',
    domain: 'civic_culture',
    measure: 'sessions',
    keywords: ['文艺', '演出', '读书', '书法'],
  },
  {
    id: 'sports',
    label: '文体健身',
    domain: 'civic_culture',
    measure: 'sessions',
    keywords: ['健身', '文体', '展演', '舞蹈', '体育'],
  },
  {
    id: 'training',
    label: '培训',
    domain: 'social_work',
    measure: 'sessions',
    keywords: ['培训', '技能', '摄影', '课程'],
  },
  {
    id: 'environment',
    label: '环境整治',
    domain: 'harmonious_management',
    measure: 'sessions',
    keywords: ['卫生', '清理', '环保', '生态', '垃圾', '绿化', '清洁'],
  },
  {
    id: 'mediation',
    label: '调解',
    domain: 'harmonious_management',
    measure: 'sessions',
    keywords: ['调解', '纠纷', '矛盾'],
  },
  {
    id: 'governance',
    label: '议事协商',
    domain: 'self_governance',
    measure: 'sessions',
    keywords: ['议事', '协商', '自治'],
  },
  {
    id: 'event_support',
    label: '活动保障',
    domain: 'public_safety',
    measure: 'sessions',
    keywords: ['活动保障', '秩序', '安保', '保障'],
  },
  {
    id: 'safety_patrol',
    label: '安全巡查',
    domain: 'public_safety',
    measure: 'sessions',
    keywords: ['巡查', '巡逻', '消防', '防诈'],
  },
  {
    id: 'casework',
    label: '个案帮扶',
    domain: 'social_work',
    measure: 'sessions',
    keywords: ['个案', '帮扶', '心理', '疏导'],
  },
]

/** The kind every domain falls back on when a free-text line names none of the vocabulary. */
export function otherKindId(domain: ServiceDomain): string {
  return `other_${domain}`
}

/** The built-in kinds followed by the district's own (which may not reuse a built-in id). */
export function vocabularyOf(extra: ServiceKind[] = []): ServiceKind[] {
  const builtIn = new Set(SERVICE_KINDS.map((kind) => kind.id))
  return [...SERVICE_KINDS, ...extra.filter((kind) => !builtIn.has(kind.id))]
}

/**
 * The kind a free-text line names: the first keyword found in its title, then in its description
 * (a venue only by title, since talks and trainings mention where they are held).
 */
export function kindFromText(
  vocabulary: ServiceKind[],
  line: { title: string; description?: string; domain: ServiceDomain },
): string {
  const named = (text: string, kinds: ServiceKind[]) =>
    kinds.find((kind) => kind.keywords.some((word) => text.includes(word)))
  const byTitle = named(line.title, vocabulary)
  if (byTitle) return byTitle.id
  const inDescription = named(
    line.description ?? '',
    vocabulary.filter((kind) => kind.id !== VENUE_KIND),
  )
  return inDescription?.id ?? otherKindId(line.domain)
}

export function kindLabelOf(vocabulary: ServiceKind[], id: string): string {
  return vocabulary.find((kind) => kind.id === id)?.label ?? '其他服务'
}

/** The kinds as picker labels, in the vocabulary's order. */
export function kindChoicesOf(vocabulary: ServiceKind[]): Record<string, string> {
  return Object.fromEntries(vocabulary.map((kind) => [kind.id, kind.label]))
}
