import { maskPhone } from '../../shared/privacy'
import type { OrganizationDetailView, OrganizationSummaryView, PortfolioView } from './contract'
import { gradeExpiryOf, gradeStatusOf, type Organization } from './domain'

export function toOrganizationSummary(
  organization: Organization,
  context: { today: string; streetNames: Map<string, string> },
): OrganizationSummaryView {
  const status = gradeStatusOf(organization, context.today)
  const streetName = organization.streetId && context.streetNames.get(organization.streetId)
  return {
    id: organization._id,
    name: organization.name,
    kind: organization.kind,
    ...(streetName ? { streetName } : {}),
    ...(organization.registration ? { registration: organization.registration } : {}),
    ...(organization.grade ? { grade: organization.grade } : {}),
    ...(status ? { gradeStatus: status } : {}),
    ...(organization.gradeAwardedOn
      ? { gradeExpiresOn: gradeExpiryOf(organization.gradeAwardedOn) }
      : {}),
    ...(organization.incubation ? { incubation: organization.incubation } : {}),
    services: organization.services ?? [],
  }
}

export function toOrganizationDetail(
  organization: Organization,
  context: {
    today: string
    streetNames: Map<string, string>
    portfolio: PortfolioView
    canEdit: boolean
    canManagePeople: boolean
    /** Sees the contact's phone in full: registry staff and the organization's own members. */
    seesContact: boolean
  },
): OrganizationDetailView {
  const { contact } = organization
  return {
    ...toOrganizationSummary(organization, context),
    description: organization.description,
    ...(organization.creditCode ? { creditCode: organization.creditCode } : {}),
    ...(organization.registeredOn ? { registeredOn: organization.registeredOn } : {}),
    ...(organization.gradeAwardedOn ? { gradeAwardedOn: organization.gradeAwardedOn } : {}),
    ...(organization.gradeCertNo ? { gradeCertNo: organization.gradeCertNo } : {}),
    ...(contact
      ? {
          contact: {
            name: contact.name,
            phone: context.seesContact ? contact.phone : maskPhone(contact.phone),
          },
        }
      : {}),
    ...(organization.streetId ? { streetId: organization.streetId } : {}),
    portfolio: context.portfolio,
    canEdit: context.canEdit,
    canManagePeople: context.canManagePeople,
  }
}
