import { randomInt } from 'node:crypto'
import { isActive } from '../shared/capacity'
import { cancelReservation, reserve } from '../shared/capacity/repository'
import { currentUser } from '../shared/caller'
import type { OutputsOf } from '../shared/contract/endpoints'
import {
  stallsInputs,
  type BookingView,
  type ServiceItemView,
  type StallEventSummary,
  type StallsApi,
} from '../shared/contract/stalls'
import { isMemberOf, overseesCommunity, requireMembership } from '../shared/domain/roles'
import {
  addDays,
  cancelDeadlineOf,
  checkInTimingProblem,
  chinaDateOf,
  slotTimesOf,
  slotsOf,
  type StallBooking,
  type StallEvent,
  type StallSlot,
} from '../shared/domain/stalls'
import type { UserRecord } from '../shared/domain/types'
import { AppError } from '../shared/errors'
import { defineFunction } from '../shared/handler'
import { recordAudit } from '../shared/repositories/auditLog'
import { COLLECTIONS } from '../shared/repositories/collections'
import { loadDistrictTree, requireCommunity } from '../shared/repositories/directory'
import { insertNotificationOnce, listNotificationsOf } from '../shared/repositories/notifications'
import { requireOrganization } from '../shared/repositories/organizations'
import {
  STALL_CAPACITY,
  countWaitlistAhead,
  findBooking,
  findBookingsByCode,
  findEvent,
  findSlot,
  insertEventWithSlots,
  isCodeTaken,
  listBookedOnDate,
  listBookingsOfEvent,
  listBookingsOfResident,
  listEvents,
  listSlotsOfEvents,
  markCheckedIn,
  markNoShowsOf,
  saveRating,
} from '../shared/repositories/stalls'

const MAX_SLOTS_PER_EVENT = 300

export const main = defineFunction<typeof stallsInputs, OutputsOf<StallsApi>>(stallsInputs, {
  async publish(input) {
    const user = await currentUser()
    const community = await requireCommunity(input.communityId)
    if (input.orgId) requireMembership(user, await requireOrganization(input.orgId))
    else if (!overseesCommunity(user, community)) {
      throw new AppError('FORBIDDEN', `只有${community.name}的工作人员或组织成员可以发布服务活动`)
    }
    if (input.date < chinaDateOf(new Date())) {
      throw new AppError('INVALID_INPUT', '活动日期不能早于今天')
    }
    const items = input.items.map((item, index) => ({ id: `item${index + 1}`, ...item }))
    const slotCount = items.reduce((sum, item) => sum + slotTimesOf(item).length, 0)
    if (items.some((item) => slotTimesOf(item).length === 0)) {
      throw new AppError('INVALID_INPUT', '每个服务项目的开放时间至少要容纳一个时段')
    }
    if (slotCount > MAX_SLOTS_PER_EVENT) {
      throw new AppError(
        'INVALID_INPUT',
        `一场活动最多 ${MAX_SLOTS_PER_EVENT} 个时段，请调整时段长度`,
      )
    }
    const seriesId = newEventId()
    const eventIds: string[] = []
    for (let week = 0; week < input.weeks; week += 1) {
      const eventId = week === 0 ? seriesId : `${seriesId}w${week + 1}`
      const date = addDays(input.date, week * 7)
      const event: StallEvent = {
        _id: eventId,
        seriesId,
        title: input.title,
        place: input.place,
        districtId: community.districtId,
        streetId: community.streetId,
        communityId: community._id,
        ...(input.orgId ? { orgId: input.orgId } : {}),
        organizerId: user._id,
        organizerName: user.displayName,
        date,
        items,
        createdAt: new Date(),
      }
      await insertEventWithSlots(event, slotsOf(event))
      eventIds.push(eventId)
    }
    return { eventIds }
  },

  async list(filter) {
    await currentUser()
    const events = await listEvents({ ...filter, fromDate: chinaDateOf(new Date()) })
    const slots = await listSlotsOfEvents(events.map((event) => event._id))
    const names = await communityNames()
    return events
      .map((event) => summaryOf(event, slots, names.get(event.communityId) ?? ''))
      .filter(
        (event) =>
          !filter.itemName || event.items.some((item) => item.name.includes(filter.itemName ?? '')),
      )
  },

  async detail({ eventId }) {
    const user = await currentUser()
    const event = await requireEvent(eventId)
    const [slots, bookings, community] = await Promise.all([
      listSlotsOfEvents([event._id]),
      listBookingsOfResident(user._id, event._id),
      requireCommunity(event.communityId),
    ])
    const now = new Date()
    return {
      ...summaryOf(event, slots, community.name),
      itemsWithSlots: event.items.map((item) => ({
        ...itemView(item, slots),
        slots: slots
          .filter((slot) => slot.itemId === item.id)
          .map((slot) => ({
            id: slot._id,
            startTime: slot.startTime,
            endTime: slot.endTime,
            capacity: slot.capacity,
            remaining: slot.capacity - slot.taken,
          })),
      })),
      myBookings: await Promise.all(bookings.map((booking) => bookingView(booking, now))),
      canManage: await managesEvent(user, event),
    }
  },

  async book({ slotId, joinWaitlist }) {
    const user = await currentUser()
    const slot = await findSlot(slotId)
    if (!slot) throw new AppError('NOT_FOUND', '该时段不存在')
    const event = await requireEvent(slot.eventId)
    const now = new Date()
    if (new Date(slot.startsAt).getTime() <= now.getTime()) {
      throw new AppError('CONFLICT', '该时段已开始，不能再预约')
    }
    const item = event.items.find((candidate) => candidate.id === slot.itemId)
    if (!item) throw new AppError('NOT_FOUND', '该服务项目不存在')
    const scopeId = `${event._id}-${item.id}`
    const outcome = await reserve(STALL_CAPACITY, {
      placeId: slot._id,
      scopeId,
      userId: user._id,
      joinWaitlist,
      details: {
        eventId: event._id,
        itemId: item.id,
        itemName: item.name,
        eventTitle: event.title,
        place: event.place,
        date: event.date,
        startTime: slot.startTime,
        endTime: slot.endTime,
        startsAt: new Date(slot.startsAt),
        endsAt: new Date(slot.endsAt),
        residentName: user.displayName,
        checkInCode: await freshCheckInCode(event._id),
      },
    })
    if (outcome.kind === 'full') {
      throw new AppError('CONFLICT', '该时段已约满，可以加入候补，有人取消时自动为您预约')
    }
    const booking = outcome.reservation as StallBooking
    if (outcome.kind === 'existing' && booking.placeId !== slot._id) {
      throw new AppError(
        'CONFLICT',
        `您已预约${item.name} ${booking.startTime}-${booking.endTime}，每个项目限约一个时段，如需更改请先取消`,
      )
    }
    return bookingView(booking, now)
  },

  async myBookings() {
    const user = await currentUser()
    const now = new Date()
    const bookings = await listBookingsOfResident(user._id)
    return Promise.all(bookings.map((booking) => bookingView(booking, now)))
  },

  async cancel({ bookingId }) {
    const user = await currentUser()
    const booking = await requireOwnBooking(user, bookingId)
    const now = new Date()
    if (!isActive(booking)) return bookingView(booking, now)
    if (booking.checkedInAt) throw new AppError('CONFLICT', '已签到的预约不能取消')
    if (booking.status === 'booked' && now > cancelDeadlineOf(booking)) {
      throw new AppError('CONFLICT', '距开始已不足 2 小时，不能再取消预约')
    }
    await cancelReservation(STALL_CAPACITY, booking)
    return bookingView((await findBooking(bookingId)) ?? booking, now)
  },

  async checkIn({ eventId, code }) {
    const user = await currentUser()
    const event = await requireEvent(eventId)
    await requireManager(user, event)
    const matches = await findBookingsByCode(code)
    const booking = matches.find((candidate) => candidate.eventId === eventId)
    if (!booking) {
      if (matches.length > 0) throw new AppError('CONFLICT', '该签到码不属于本场活动')
      throw new AppError('NOT_FOUND', '签到码无效，请核对后重新输入')
    }
    if (booking.status !== 'booked') {
      throw new AppError(
        'CONFLICT',
        booking.status === 'waitlisted' ? '该居民仍在候补，尚未预约成功' : '该预约已取消',
      )
    }
    if (booking.checkedInAt) throw new AppError('CONFLICT', '该签到码已使用，不能重复签到')
    if (booking.noShow) throw new AppError('CONFLICT', '该预约已记为爽约')
    const now = new Date()
    const timing = checkInTimingProblem(booking, now)
    if (timing) throw new AppError('CONFLICT', timing)
    if (!(await markCheckedIn(booking._id, now))) {
      throw new AppError('CONFLICT', '该签到码已使用，不能重复签到')
    }
    await recordAudit({
      actorId: user._id,
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
  },

  async markNoShows({ eventId }) {
    const user = await currentUser()
    const event = await requireEvent(eventId)
    await requireManager(user, event)
    return { marked: await markNoShowsOf(eventId, new Date()) }
  },

  async rate({ bookingId, rating, comment }) {
    const user = await currentUser()
    const booking = await requireOwnBooking(user, bookingId)
    if (!booking.checkedInAt) throw new AppError('CONFLICT', '签到并接受服务后才能评价')
    if (booking.rating) throw new AppError('CONFLICT', '您已评价过这次服务')
    if (!(await saveRating(bookingId, comment ? { rating, comment } : { rating }))) {
      throw new AppError('CONFLICT', '您已评价过这次服务')
    }
    return bookingView((await findBooking(bookingId)) ?? booking, new Date())
  },

  async stats({ eventId }) {
    const user = await currentUser()
    const event = await requireEvent(eventId)
    await requireManager(user, event)
    const bookings = await listBookingsOfEvent(eventId)
    const summarize = (subset: StallBooking[]) => {
      const rated = subset.flatMap((booking) => (booking.rating ? [booking.rating] : []))
      return {
        served: subset.filter((booking) => booking.checkedInAt).length,
        booked: subset.filter((booking) => booking.status === 'booked').length,
        ratings: rated.length,
        averageRating:
          rated.length === 0
            ? null
            : Math.round((rated.reduce((sum, value) => sum + value, 0) / rated.length) * 10) / 10,
      }
    }
    const { ratings, ...overall } = summarize(bookings)
    return {
      eventId,
      title: event.title,
      date: event.date,
      ...overall,
      ratings,
      waitlisted: bookings.filter((booking) => booking.status === 'waitlisted').length,
      noShows: bookings.filter((booking) => booking.noShow).length,
      items: event.items.map((item) => {
        const { served, booked, averageRating } = summarize(
          bookings.filter((booking) => booking.itemId === item.id),
        )
        return { name: item.name, served, booked, averageRating }
      }),
    }
  },

  /**
   * The day-before reminder job, for staff to run (a daily timer trigger is not wired yet). Each
   * reminder is stored once, so running it twice reminds nobody twice.
   */
  async remindTomorrow() {
    const user = await currentUser()
    if (!user.roles.some((role) => role.kind !== 'resident' && role.kind !== 'volunteer')) {
      throw new AppError('FORBIDDEN')
    }
    const tomorrow = addDays(chinaDateOf(new Date()), 1)
    const bookings = await listBookedOnDate(tomorrow)
    const sent = await Promise.all(
      bookings.map((booking) =>
        insertNotificationOnce(`reminder-${booking._id}`, {
          userId: booking.userId,
          ref: booking._id,
          title: '服务活动提醒',
          body: `您预约的${booking.eventTitle}·${booking.itemName}在明天 ${booking.startTime}-${booking.endTime}，地点：${booking.place}。请带好签到码准时到场。`,
        }),
      ),
    )
    return { reminded: sent.filter(Boolean).length }
  },

  async notifications() {
    const user = await currentUser()
    const records = await listNotificationsOf(user._id)
    return records.map((record) => ({
      id: record._id,
      title: record.title,
      body: record.body,
      createdAt: new Date(record.createdAt).toISOString(),
    }))
  },
})

function newEventId(): string {
  return `ev${Date.now().toString(36)}${randomInt(36 ** 4).toString(36)}`
}

/** A 6-digit code no other booking of the event holds. */
async function freshCheckInCode(eventId: string): Promise<string> {
  for (;;) {
    const code = String(randomInt(1_000_000)).padStart(6, '0')
    if (!(await isCodeTaken(eventId, code))) return code
  }
}

async function requireEvent(eventId: string): Promise<StallEvent> {
  const event = await findEvent(eventId)
  if (!event) throw new AppError('NOT_FOUND', '该服务活动不存在')
  return event
}

async function requireOwnBooking(user: UserRecord, bookingId: string): Promise<StallBooking> {
  const booking = await findBooking(bookingId)
  // Another resident's booking answers as missing: its existence is not theirs to learn.
  if (!booking || booking.userId !== user._id) throw new AppError('NOT_FOUND', '该预约不存在')
  return booking
}

/** Its organizer, a member of its organization, or someone who oversees its community. */
async function managesEvent(user: UserRecord, event: StallEvent): Promise<boolean> {
  if (event.organizerId === user._id || (event.orgId && isMemberOf(user, event.orgId))) return true
  return overseesCommunity(user, await requireCommunity(event.communityId))
}

async function requireManager(user: UserRecord, event: StallEvent): Promise<void> {
  if (!(await managesEvent(user, event))) {
    throw new AppError('FORBIDDEN', '只有活动的组织者和社区工作人员可以进行此操作')
  }
}

async function communityNames(): Promise<Map<string, string>> {
  const { communities } = await loadDistrictTree()
  return new Map(communities.map((community) => [community._id, community.name]))
}

function itemView(item: StallEvent['items'][number], slots: StallSlot[]): ServiceItemView {
  const own = slots.filter((slot) => slot.itemId === item.id)
  const capacity = own.reduce((sum, slot) => sum + slot.capacity, 0)
  return {
    id: item.id,
    name: item.name,
    startTime: item.startTime,
    endTime: item.endTime,
    capacity,
    remaining: capacity - own.reduce((sum, slot) => sum + slot.taken, 0),
  }
}

function summaryOf(
  event: StallEvent,
  slots: StallSlot[],
  communityName: string,
): StallEventSummary {
  const own = slots.filter((slot) => slot.eventId === event._id)
  return {
    id: event._id,
    title: event.title,
    place: event.place,
    date: event.date,
    communityId: event.communityId,
    communityName,
    organizerName: event.organizerName,
    items: event.items.map((item) => itemView(item, own)),
  }
}

async function bookingView(booking: StallBooking, now: Date): Promise<BookingView> {
  const deadline = cancelDeadlineOf(booking)
  const usable = booking.status === 'booked' && !booking.checkedInAt && !booking.noShow
  return {
    id: booking._id,
    eventId: booking.eventId,
    eventTitle: booking.eventTitle,
    place: booking.place,
    date: booking.date,
    itemName: booking.itemName,
    startTime: booking.startTime,
    endTime: booking.endTime,
    status: booking.status,
    ...(booking.status === 'waitlisted'
      ? { waitlistPosition: (await countWaitlistAhead(booking)) + 1 }
      : {}),
    ...(usable ? { checkInCode: booking.checkInCode } : {}),
    checkedIn: Boolean(booking.checkedInAt),
    noShow: Boolean(booking.noShow),
    ...(booking.rating ? { rating: booking.rating } : {}),
    ...(booking.comment ? { comment: booking.comment } : {}),
    cancelDeadline: deadline.toISOString(),
    canCancel:
      (booking.status === 'waitlisted' || (usable && now <= deadline)) && isActive(booking),
    canRate: Boolean(booking.checkedInAt) && !booking.rating,
  }
}
