import { maskPhone } from '../../shared/privacy'
import type { NeedReplyView, PersonalNeedDetailView, PersonalNeedView } from './contract'
import { reopenDeadlineOf, waitingOf, type NeedReply, type PersonalNeed } from './domain'

const iso = (date: Date) => new Date(date).toISOString()

/** The resident sees their own phone number; everyone else sees it masked. */
export function toPersonalNeedView(
  need: PersonalNeed,
  communityName: string,
  viewer: 'owner' | 'staff',
  now: Date,
): PersonalNeedView {
  const phone = need.contactPhone
  const waiting = waitingOf(need, now)
  return {
    id: need._id,
    kind: need.kind,
    category: need.category,
    description: need.description,
    communityId: need.communityId,
    communityName,
    status: need.status,
    residentName: need.residentName,
    ...(phone ? { contactPhone: viewer === 'owner' ? phone : maskPhone(phone) } : {}),
    waitingHours: waiting.hours,
    overdue: waiting.overdue,
    ...(need.assignee ? { handler: { kind: need.assignee.kind, name: need.assignee.name } } : {}),
    ...(need.confirmation ? { rating: need.confirmation.rating } : {}),
    createdAt: iso(need.createdAt),
  }
}

export function toReplyView(reply: NeedReply): NeedReplyView {
  return {
    id: reply._id,
    authorName: reply.author.name,
    side: reply.author.side,
    text: reply.text,
    photoFileIds: reply.photoFileIds,
    createdAt: iso(reply.createdAt),
  }
}

export function toPersonalNeedDetailView(
  need: PersonalNeed,
  context: {
    communityName: string
    viewer: 'owner' | 'staff'
    replies: NeedReply[]
    can: PersonalNeedDetailView['can']
    now: Date
  },
): PersonalNeedDetailView {
  const deadline = reopenDeadlineOf(need)
  return {
    ...toPersonalNeedView(need, context.communityName, context.viewer, context.now),
    ...(need.accepted ? { accepted: { name: need.accepted.name, at: iso(need.accepted.at) } } : {}),
    ...(need.assignee
      ? {
          assigned: {
            kind: need.assignee.kind,
            name: need.assignee.name,
            at: iso(need.assignee.at),
          },
        }
      : {}),
    ...(need.resolution
      ? {
          resolution: {
            text: need.resolution.text,
            byName: need.resolution.by.name,
            at: iso(need.resolution.at),
          },
        }
      : {}),
    ...(need.confirmation
      ? {
          confirmation: {
            rating: need.confirmation.rating,
            ...(need.confirmation.comment ? { comment: need.confirmation.comment } : {}),
            at: iso(need.confirmation.at),
          },
        }
      : {}),
    ...(need.reopened
      ? {
          reopened: {
            count: need.reopened.count,
            reason: need.reopened.reason,
            at: iso(need.reopened.at),
          },
        }
      : {}),
    ...(need.closed ? { closed: { reason: need.closed.reason, at: iso(need.closed.at) } } : {}),
    ...(deadline ? { reopenDeadline: deadline.toISOString() } : {}),
    replies: context.replies.map(toReplyView),
    ...(need.assignee?.kind === 'mediation' ? { mediationCaseId: need.assignee.id } : {}),
    can: context.can,
  }
}
