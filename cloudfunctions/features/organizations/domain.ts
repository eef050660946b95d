import { addYears } from '../../shared/time'

/** The three kinds of provider in the resource pool (资源共享库). */
export type OrganizationKind = 'social_org' | 'volunteer_org' | 'gov_dept'

/** 等级评估 (民政部令第39号): 5A down to 1A, valid five years from the award. */
export const GRADE_LEVELS = ['5A', '4A', '3A', '2A', '1A'] as const
export type GradeLevel = (typeof GRADE_LEVELS)[number]
export const GRADE_VALID_YEARS = 5

/** Registered with the civil affairs bureau (登记), or filed with the street (备案). */
export const REGISTRATION_KINDS = { registered: '登记', filed: '备案' } as const
export type RegistrationKind = keyof typeof REGISTRATION_KINDS

/** Where an incubated organization stands on its way to a professional one (陪伴式成长). */
export const INCUBATION_STAGES = {
  incubating: '孵化中',
  foundational: '基础型（四有）',
  professional: '专业型',
} as const
export type IncubationStage = keyof typeof INCUBATION_STAGES

export const GRADE_STATUSES = { valid: '有效', expired: '已过期' } as const
export type GradeStatus = keyof typeof GRADE_STATUSES

export interface Organization {
  _id: string
  districtId: string
  /** The street whose registry lists it (乔司: 登记 63, 备案 216); district-wide ones have none. */
  streetId?: string
  name: string
  kind: OrganizationKind
  description: string
  registration?: RegistrationKind
  /** 统一社会信用代码 (GB 32100-2015), for registered organizations. */
  creditCode?: string
  registeredOn?: string
  /** Rating of registered social organizations (等级评估), where it applies. */
  grade?: GradeLevel
  /** YYYY-MM-DD of the award; the grade lapses five years later. */
  gradeAwardedOn?: string
  /** Kept beside the award date so lists can filter valid and expired grades. */
  gradeExpiresOn?: string
  gradeCertNo?: string
  incubation?: IncubationStage
  contact?: { name: string; phone: string }
  /** What it offers, in its own words (助残康复, 纠纷调解 …). */
  services?: string[]
  location?: { lat: number; lng: number }
  updatedAt?: Date
}

export function gradeExpiryOf(awardedOn: string): string {
  return addYears(awardedOn, GRADE_VALID_YEARS)
}

/** Whether a grade still counts on `today` (YYYY-MM-DD); undefined when there is none. */
export function gradeStatusOf(
  organization: Pick<Organization, 'grade' | 'gradeAwardedOn'>,
  today: string,
): GradeStatus | undefined {
  if (!organization.grade) return undefined
  // A grade recorded without its award date cannot be shown as lapsed.
  if (!organization.gradeAwardedOn) return 'valid'
  return gradeExpiryOf(organization.gradeAwardedOn) > today ? 'valid' : 'expired'
}

// GB 32100-2015: 31 characters (no I, O, Z, S, V), 17 weighted positions and a check character.
const CREDIT_CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** The check character of the first 17 characters of a unified social credit code. */
export function creditCodeCheckOf(first17: string): string {
  const sum = [...first17].reduce(
    (total, character, index) =>
      total + CREDIT_CODE_CHARACTERS.indexOf(character) * CREDIT_CODE_WEIGHTS[index],
    0,
  )
  return CREDIT_CODE_CHARACTERS[(31 - (sum % 31)) % 31]
}

/** Whether the code is 18 valid characters, six digits of region code, and checks out. */
export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false
  return creditCodeCheckOf(code.slice(0, 17)) === code[17]
}
