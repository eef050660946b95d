import type { AgreementDetailView, AgreementView } from './contract'
import {
  COMMITMENT_KINDS,
  deliveredOf,
  statusOf,
  type Agreement,
  type CountedDelivery,
} from './domain'

export function toAgreementView(agreement: Agreement, today: string): AgreementView {
  return {
    id: agreement._id,
    kind: agreement.kind,
    title: agreement.title,
    firstParty: agreement.firstParty,
    secondParty: agreement.secondParty,
    scopes: agreement.scopes,
    term: agreement.term,
    status: statusOf(agreement, today),
    ...(agreement.signed ? { signedOn: agreement.signed.on } : {}),
    createdAt: new Date(agreement.createdAt).toISOString(),
  }
}

export function toAgreementDetailView(
  agreement: Agreement,
  context: { today: string; counted: CountedDelivery; can: AgreementDetailView['can'] },
): AgreementDetailView {
  const delivered = deliveredOf(agreement, context.counted)
  const nextReview = agreement.reviewDates.filter((date) => date >= context.today).sort()[0]
  return {
    ...toAgreementView(agreement, context.today),
    commitments: agreement.commitments.map((commitment) => ({
      id: commitment.id,
      kind: commitment.kind,
      description: commitment.description,
      quantity: commitment.quantity,
      unit: COMMITMENT_KINDS[commitment.kind].unit,
      delivered: delivered.get(commitment.id) ?? 0,
      counted: COMMITMENT_KINDS[commitment.kind].counted,
    })),
    kpis: agreement.kpis,
    reviewDates: agreement.reviewDates,
    ...(nextReview ? { nextReview } : {}),
    reviews: agreement.reviews.map((review) => ({
      id: review.id,
      date: review.date,
      notes: review.notes,
      byName: review.by.name,
      delivered: review.delivered,
    })),
    ...(agreement.signed
      ? {
          signed: {
            on: agreement.signed.on,
            place: agreement.signed.place,
            byName: agreement.signed.by.name,
            hasScan: Boolean(agreement.signed.scanFileId),
          },
        }
      : {}),
    ...(agreement.terminated
      ? {
          terminated: {
            reason: agreement.terminated.reason,
            on: agreement.terminated.on,
            byName: agreement.terminated.by.name,
          },
        }
      : {}),
    can: context.can,
  }
}
