import { maskPhone } from '../../shared/privacy'
import type { MediationCaseDetailView, MediationCaseView } from './contract'
import { CASE_SOURCES, daysOpenOf, isOverdue, type MediationCase } from './domain'

const iso = (date: Date) => new Date(date).toISOString()

export function toCaseView(
  item: MediationCase,
  communityName: string,
  now: Date,
): MediationCaseView {
  return {
    id: item._id,
    caseNo: item.caseNo,
    communityId: item.communityId,
    communityName,
    sourceKind: item.source.kind,
    disputeType: item.disputeType,
    riskLevel: item.riskLevel,
    status: item.status,
    ...(item.outcome ? { outcome: item.outcome.result } : {}),
    partyNames: item.parties.map((party) => party.name),
    mediatorNames: item.mediators.map((mediator) => mediator.name),
    dueAt: iso(item.dueAt),
    overdue: isOverdue(item, now),
    daysOpen: daysOpenOf(item, now),
    createdAt: iso(item.createdAt),
  }
}

function sourceLabelOf(item: MediationCase): string {
  const label = CASE_SOURCES[item.source.kind]
  return 'reference' in item.source ? `${label}（${item.source.reference}）` : label
}

export function toCaseDetailView(
  item: MediationCase,
  context: {
    communityName: string
    viewer: MediationCaseDetailView['viewer']
    can: MediationCaseDetailView['can']
    now: Date
  },
): MediationCaseDetailView {
  const { agreement, outcome } = item
  return {
    ...toCaseView(item, context.communityName, context.now),
    sourceLabel: sourceLabelOf(item),
    facts: item.facts,
    parties: item.parties.map((party) => ({
      side: party.side,
      name: party.name,
      ...(party.phone ? { phone: maskPhone(party.phone) } : {}),
    })),
    acceptedByName: item.acceptedBy.name,
    ...(item.escalatedAt ? { escalatedAt: iso(item.escalatedAt) } : {}),
    sessions: item.sessions.map((session) => ({
      id: session.id,
      at: iso(session.at),
      place: session.place,
      attendees: session.attendees,
      record: session.record,
      byName: session.by.name,
    })),
    ...(agreement
      ? {
          agreement: {
            facts: agreement.facts,
            terms: agreement.terms,
            performance: agreement.performance,
            signatories: agreement.signatories,
            signedOn: agreement.signedOn,
          },
        }
      : {}),
    followUps: item.followUps.map((followUp) => ({
      id: followUp.id,
      at: iso(followUp.at),
      performance: followUp.performance,
      note: followUp.note,
      byName: followUp.by.name,
    })),
    ...(outcome
      ? {
          closed: {
            result: outcome.result,
            summary: outcome.summary,
            ...(outcome.referral ? { referral: outcome.referral } : {}),
            at: iso(outcome.at),
            byName: outcome.by.name,
          },
        }
      : {}),
    viewer: context.viewer,
    can: context.can,
  }
}
