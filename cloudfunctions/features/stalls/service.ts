import { randomInt } from 'node:crypto'
import { digitCode, unusedCode } from '../../shared/codes'
import { inBatches } from '../../shared/batches'
import type { Caller } from '../../shared/caller'
import { cancelReservation, reserve, settle, settleAll } from '../../shared/capacity/reservations'
import { isActive } from '../../shared/capacity/reservation'
import type { OutputsOf } from '../../shared/endpoints'
import { recordAudit } from '../../shared/audit'
import { randomCode } from '../../shared/codes'
import { requireSafeText } from '../../shared/contentSecurity'
import { COLLECTIONS, command } from '../../shared/db'
import { AppError } from '../../shared/errors'
import { defineService } from '../../shared/handler'
import { miniProgramCode } from '../../shared/miniProgramCodes'
import { DAY_BEFORE_REMINDER_HOUR, remindOnce } from '../../shared/notifications'
import { isMemberOf, overseesCommunity, requireMembership } from '../../shared/roles'
import { addDays, chinaDateOf, chinaHourOf } from '../../shared/time'
import { communityNames, requireCommunity } from '../directory/service'
import { requireOrganization } from '../organizations/service'
import { stallsInputs, type StallsApi } from './contract'
import {
  MAX_SLOTS_PER_EVENT,
  STALL_BOOKINGS,
  bookingDetailsOf,
  bookingScopeOf,
  bookingToCheckIn,
  cancelProblem,
  checkInTimingProblem,
  inReadingOrder,
  reminderOf,
  slotTimesOf,
  slotsOf,
  type StallBooking,
  type StallEvent,
  type StallSlot,
} from './domain'
import {
  findBooking,
  findEvent,
  findSlot,
  insertEvent,
  insertSlot,
  isCodeTaken,
  keepCheckInKey,
  listBookedOnDate,
  listBookingsOfEvent,
  listBookingsOfResident,
  listBookingsWithCode,
  listPublishedEvents,
  listSlotsOfEvents,
  markCheckedIn,
  markEventPublished,
  markNoShows,
  saveRating,
} from './repository'
import { toBookingView, toEventSummary, toSlotView, toStatsView } from './views'

const EVENTS_LIST_LIMIT = 30
/** Slots are written, and reminders sent, this many at a time. */
const WRITE_BATCH = 20

export const stallsService = defineService<typeof stallsInputs, OutputsOf<StallsApi>>(
  stallsInputs,
  {
    async publish(input, caller) {
      const community = await requireCommunity(input.communityId)
      if (input.orgId) requireMembership(caller, await requireOrganization(input.orgId))
      else if (!overseesCommunity(caller, community)) {
        throw new AppError('FORBIDDEN', `只有${community.name}的工作人员或组织成员可以发布服务活动`)
      }
      await requireSafeText(caller._id, 'profile', {
        活动名称: input.title,
        活动地点: input.place,
        服务项目: input.items.map((item) => item.name).join('，'),
      })
      if (input.date < chinaDateOf(new Date())) {
        throw new AppError('INVALID_INPUT', '活动日期不能早于今天')
      }
      const items = input.items.map((item, index) => ({ id: `item${index + 1}`, ...item }))
      if (items.some((item) => slotTimesOf(item).length === 0)) {
        throw new AppError('INVALID_INPUT', '每个服务项目的开放时间至少要容纳一个时段')
      }
      const slotCount = items.reduce((sum, item) => sum + slotTimesOf(item).length, 0)
      if (slotCount > MAX_SLOTS_PER_EVENT) {
        throw new AppError(
          'INVALID_INPUT',
          `一场活动最多 ${MAX_SLOTS_PER_EVENT} 个时段，请调整时段长度`,
        )
      }
      const seriesId = newEventId()
      const eventIds: string[] = []
      for (let week = 0; week < input.weeks; week += 1) {
        const event: StallEvent = {
          _id: week === 0 ? seriesId : `${seriesId}w${week + 1}`,
          seriesId,
          title: input.title,
          place: input.place,
          districtId: community.districtId,
          streetId: community.streetId,
          communityId: community._id,
          ...(input.orgId ? { orgId: input.orgId } : {}),
          organizerId: caller._id,
          organizerName: caller.displayName,
          date: addDays(input.date, week * 7),
          items,
          status: 'publishing',
          checkInKey: randomCode(),
          createdAt: new Date(),
        }
        await insertEvent(event)
        await completePublishing(event)
        eventIds.push(event._id)
      }
      return { eventIds }
    },

    async list(filter) {
      const events = await listPublishedEvents({
        fromDate: chinaDateOf(new Date()),
        limit: EVENTS_LIST_LIMIT,
        ...(filter.communityId ? { communityId: filter.communityId } : {}),
        ...(filter.date ? { date: filter.date } : {}),
      })
      const [slots, names] = await Promise.all([
        listSlotsOfEvents(events.map((event) => event._id)),
        communityNames(),
      ])
      return events
        .map((event) => toEventSummary(event, slots, names.get(event.communityId) ?? ''))
        .filter(
          (event) =>
            !filter.itemName ||
            event.items.some((item) => item.name.includes(filter.itemName ?? '')),
        )
    },

    async detail({ eventId }, caller) {
      const event = await requirePublishedEvent(eventId)
      const [slots, bookings, community] = await Promise.all([
        listSlotsOfEvents([event._id]),
        listBookingsOfResident(caller._id, event._id).then((found) =>
          settleAll(STALL_BOOKINGS, found),
        ),
        requireCommunity(event.communityId),
      ])
      const now = new Date()
      const lines = await linesOf(bookings)
      const summary = toEventSummary(event, slots, community.name)
      return {
        ...summary,
        itemsWithSlots: summary.items.map((item) => ({
          ...item,
          slots: slots.filter((slot) => slot.itemId === item.id).map(toSlotView),
        })),
        myBookings: bookings.map((booking) =>
          toBookingView(booking, now, lines.get(booking.placeId)),
        ),
        canManage: managesEvent(caller, event, community),
      }
    },

    async book({ slotId, joinWaitlist }, caller) {
      const slot = await findSlot(slotId)
      if (!slot) throw new AppError('NOT_FOUND', '该时段不存在')
      const event = await requirePublishedEvent(slot.eventId)
      const item = event.items.find((candidate) => candidate.id === slot.itemId)
      if (!item) throw new AppError('NOT_FOUND', '该服务项目不存在')
      if (new Date(slot.startsAt).getTime() <= Date.now()) {
        throw new AppError('CONFLICT', '该时段已开始，不能再预约')
      }
      const outcome = await reserve(STALL_BOOKINGS, {
        placeId: slot._id,
        scopeId: bookingScopeOf(event._id, item.id),
        userId: caller._id,
        mayWait: joinWaitlist,
        details: bookingDetailsOf(event, item, slot, {
          residentName: caller.displayName,
          checkInCode: await unusedCode(digitCode, (code) => isCodeTaken(event._id, code)),
        }),
      })
      if (outcome.kind === 'refused') {
        throw new AppError('CONFLICT', '该时段已约满，可以加入候补，有人取消时自动为您预约')
      }
      const booking = outcome.reservation as StallBooking
      if (outcome.kind === 'existing' && booking.placeId !== slot._id) {
        throw new AppError(
          'CONFLICT',
          `您已预约${item.name} ${booking.startTime}-${booking.endTime}，每个项目限约一个时段，如需更改请先取消`,
        )
      }
      return toBookingView(booking, new Date(), (await linesOf([booking])).get(slot._id))
    },

    async myBookings(_input, caller) {
      const bookings = await settleAll(STALL_BOOKINGS, await listBookingsOfResident(caller._id))
      const lines = await linesOf(bookings)
      const now = new Date()
      return inReadingOrder(bookings, now).map((booking) =>
        toBookingView(booking, now, lines.get(booking.placeId)),
      )
    },

    async cancel({ bookingId }, caller) {
      const booking = await requireOwnBooking(caller, bookingId)
      const now = new Date()
      if (isActive(booking)) {
        const problem = cancelProblem(booking, now)
        if (problem) throw new AppError('CONFLICT', problem)
        // The same step refuses a booking checked in meanwhile.
        const unused = { checkedInAt: command().exists(false) }
        if (!(await cancelReservation(STALL_BOOKINGS, booking._id, unused))) {
          const current = await findBooking(booking._id)
          if (current?.checkedInAt) throw new AppError('CONFLICT', '已签到的预约不能取消')
        }
      }
      return toBookingView((await findBooking(bookingId)) ?? booking, now)
    },

    async checkIn({ eventId, code }, caller) {
      const event = await requireManagedEvent(caller, eventId)
      const matches = await listBookingsWithCode(code)
      const booking = matches.find((candidate) => candidate.eventId === event._id)
      if (!booking) {
        if (matches.length > 0) throw new AppError('CONFLICT', '该签到码不属于本场活动')
        throw new AppError('NOT_FOUND', '签到码无效，请核对后重新输入')
      }
      const current = await settle(STALL_BOOKINGS, booking)
      if (current.status !== 'booked') {
        throw new AppError(
          'CONFLICT',
          current.status === 'waitlisted' ? '该居民仍在候补，尚未预约成功' : '该预约已取消',
        )
      }
      if (current.checkedInAt) throw new AppError('CONFLICT', '该签到码已使用，不能重复签到')
      if (current.noShow) throw new AppError('CONFLICT', '该预约已记为爽约')
      const now = new Date()
      const timing = checkInTimingProblem(current, now)
      if (timing) throw new AppError('CONFLICT', timing)
      return recordCheckIn(current, caller, now)
    },

    async checkInCode({ eventId }, caller) {
      const event = await requireManagedEvent(caller, eventId)
      // Events published before check-in codes existed are given a key on first use.
      const key = event.checkInKey ?? (await keepCheckInKey(event._id, randomCode()))
      if (!key) throw new AppError('NOT_FOUND', '该服务活动不存在')
      const { scene, imageUrl } = await miniProgramCode({
        kind: 'stallCheckIn',
        eventId: event._id,
        key,
      })
      return { scene, imageUrl }
    },

    async selfCheckIn({ eventId, key }, caller) {
      const event = await requirePublishedEvent(eventId)
      if (!event.checkInKey || event.checkInKey !== key) {
        throw new AppError('FORBIDDEN', '签到码无效，请扫描活动现场的签到码')
      }
      const bookings = await listBookingsOfResident(caller._id, event._id)
      const now = new Date()
      const found = bookingToCheckIn(await settleAll(STALL_BOOKINGS, bookings), now)
      if ('problem' in found) throw new AppError('CONFLICT', found.problem)
      return recordCheckIn(found.booking, caller, now)
    },

    async markNoShows({ eventId }, caller) {
      const event = await requireManagedEvent(caller, eventId)
      return { marked: await markNoShows(new Date(), event._id) }
    },

    async rate({ bookingId, rating, comment }, caller) {
      const booking = await requireOwnBooking(caller, bookingId)
      if (!booking.checkedInAt) throw new AppError('CONFLICT', '签到并接受服务后才能评价')
      await requireSafeText(caller._id, 'comment', { 评价: comment })
      if (
        booking.rating ||
        !(await saveRating(bookingId, comment ? { rating, comment } : { rating }))
      ) {
        throw new AppError('CONFLICT', '您已评价过这次服务')
      }
      return toBookingView((await findBooking(bookingId)) ?? booking, new Date())
    },

    async stats({ eventId }, caller) {
      const event = await requireManagedEvent(caller, eventId)
      return toStatsView(
        event,
        await settleAll(STALL_BOOKINGS, await listBookingsOfEvent(event._id)),
      )
    },
  },
)

/**
 * Writes an event's slots (each once: their ids follow from the event's) and then shows the event.
 * A publish cut short is finished by the next repair run.
 */
export async function completePublishing(event: StallEvent): Promise<void> {
  const slots: StallSlot[] = slotsOf(event)
  await inBatches(slots, WRITE_BATCH, insertSlot)
  await markEventPublished(event._id)
}

/**
 * The stalls function's hourly timer: bookings of slots that ended unused are recorded as no-shows,
 * and from the reminder hour on, everyone booked for tomorrow is reminded (each booking once, in
 * the app and as a subscription message where they subscribed).
 */
export async function stallsOnTimer(): Promise<{ noShows: number; reminded: number }> {
  const now = new Date()
  const noShows = await markNoShows(now)
  if (chinaHourOf(now) < DAY_BEFORE_REMINDER_HOUR) return { noShows, reminded: 0 }
  const bookings = await listBookedOnDate(addDays(chinaDateOf(now), 1))
  const sent = await inBatches(bookings, WRITE_BATCH, (booking) =>
    remindOnce(booking, reminderOf(booking)),
  )
  return { noShows, reminded: sent.filter(Boolean).length }
}

/** Records a booking checked in, once, with the audit of who did it. */
async function recordCheckIn(booking: StallBooking, actor: Caller, now: Date) {
  if (!(await markCheckedIn(booking._id, now))) {
    throw new AppError('CONFLICT', '该签到码已使用，不能重复签到')
  }
  await recordAudit({
    actorId: actor._id,
    action: 'stalls.checkIn',
    collection: COLLECTIONS.stallBookings,
    targetId: booking._id,
  })
  return {
    bookingId: booking._id,
    residentName: booking.residentName,
    itemName: booking.itemName,
    startTime: booking.startTime,
    endTime: booking.endTime,
  }
}

/** The slots, with their lines, of the bookings that wait: each one's place in line. */
async function linesOf(bookings: StallBooking[]): Promise<Map<string, StallSlot>> {
  const waiting = bookings.filter((booking) => booking.status === 'waitlisted')
  const slots = await Promise.all(waiting.map((booking) => findSlot(booking.placeId, true)))
  return new Map(slots.flatMap((slot) => (slot ? [[slot._id, slot] as const] : [])))
}

function newEventId(): string {
  return `ev${Date.now().toString(36)}${randomInt(36 ** 4).toString(36)}`
}

async function requirePublishedEvent(eventId: string): Promise<StallEvent> {
  const event = await findEvent(eventId)
  if (!event || event.status !== 'published') throw new AppError('NOT_FOUND', '该服务活动不存在')
  return event
}

async function requireOwnBooking(caller: Caller, bookingId: string): Promise<StallBooking> {
  const booking = await findBooking(bookingId)
  // Another resident's booking answers as missing: its existence is not theirs to learn.
  if (!booking || booking.userId !== caller._id || booking.status === 'refused') {
    throw new AppError('NOT_FOUND', '该预约不存在')
  }
  return settle(STALL_BOOKINGS, booking)
}

/** Its organizer, a member of its organization, or someone who oversees its community. */
function managesEvent(
  caller: Caller,
  event: StallEvent,
  community: Parameters<typeof overseesCommunity>[1],
): boolean {
  if (event.organizerId === caller._id || (event.orgId && isMemberOf(caller, event.orgId)))
    return true
  return overseesCommunity(caller, community)
}

async function requireManagedEvent(caller: Caller, eventId: string): Promise<StallEvent> {
  const event = await requirePublishedEvent(eventId)
  if (!managesEvent(caller, event, await requireCommunity(event.communityId))) {
    throw new AppError('FORBIDDEN', '只有活动的组织者和社区工作人员可以进行此操作')
  }
  return event
}
