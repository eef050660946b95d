/** Kinds of personal need a resident can post (报事 = report a problem, 求助 = ask for help). */
export const PERSONAL_NEED_KINDS = { report: '报事', help: '求助' } as const
export type PersonalNeedKind = keyof typeof PERSONAL_NEED_KINDS

/** Categories of a resident's personal need. */
export const PERSONAL_NEED_CATEGORIES = {
  daily_life: '生活服务',
  repair: '维修服务',
  elderly_care: '助老服务',
  child_care: '儿童关爱',
  disability_support: '助残帮扶',
  environment: '环境卫生',
  dispute: '邻里纠纷调解',
  legal: '法律咨询',
  other: '其他',
} as const
export type PersonalNeedCategory = keyof typeof PERSONAL_NEED_CATEGORIES

/** The six domains of community work (六大领域) that need and resource lists are filed under. */
export const SERVICE_DOMAINS = {
  service_supply: '服务供给',
  civic_culture: '精神文明',
  harmonious_management: '和谐管理',
  self_governance: '自治共治',
  public_safety: '公共安全',
  social_work: '社会工作',
} as const
export type ServiceDomain = keyof typeof SERVICE_DOMAINS

/** Focus groups 一老一小一新一特. */
export const FOCUS_GROUPS = {
  elderly: '一老（老年人）',
  children: '一小（儿童）',
  new_employment: '一新（新就业群体）',
  special: '一特（特殊群体）',
} as const
export type FocusGroup = keyof typeof FOCUS_GROUPS

export const ORGANIZATION_KINDS = {
  social_org: '社会组织',
  volunteer_org: '志愿服务组织',
  gov_dept: '政府部门',
} as const

export function keysOf<T extends Record<string, string>>(labels: T) {
  return Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]]
}
