/** The three kinds of provider in the resource pool (资源共享库). */
export type OrganizationKind = 'social_org' | 'volunteer_org' | 'gov_dept'

export interface Organization {
  _id: string
  districtId: string
  name: string
  kind: OrganizationKind
  description: string
  /** Rating of registered social organizations (等级评估), where it applies. */
  grade?: '5A' | '4A' | '3A'
  location?: { lat: number; lng: number }
}
