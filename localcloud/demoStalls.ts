import type { Community } from '../cloudfunctions/features/directory/domain'
import {
  bookingDetailsOf,
  bookingScopeOf,
  slotsOf,
  type StallBooking,
  type StallEvent,
  type StallItem,
  type StallSlot,
} from '../cloudfunctions/features/stalls/domain'
import { admit } from '../cloudfunctions/shared/capacity/ledger'
import { reservationIdOf } from '../cloudfunctions/shared/capacity/reservation'
import { DAY_MS } from '../cloudfunctions/shared/time'

// The stalls' history for the desk's 服务人次: the launch day's 便民服务摊位 (公益理发, 视力检测,
// 应急救护培训 … 200+ residents in one morning, first source report) and since then a monthly
// 便民服务集市 in every pilot community, each with its residents' bookings, check-ins and no-shows.
// Slots and bookings are the records the stalls feature writes: slots from slotsOf, every booking
// seated in its slot's ledger by the capacity ledger's own rule, so the repair finds nothing.

/** The volunteer repair service's 12 items (second source report). */
export const REPAIR_ITEMS = [
  '补鞋',
  '缝补衣物',
  '修小家电',
  '磨刀磨剪',
  '修雨伞',
  '修自行车',
  '配钥匙',
  '修钟表',
  '修眼镜',
  '换拉链',
  '手机清理贴膜',
  '修门锁',
]

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗宋郑谢韩唐冯于董萧程'
const GIVEN = [
  '桂英',
  '建华',
  '秀兰',
  '国庆',
  '淑珍',
  '永刚',
  '凤霞',
  '德明',
  '丽娟',
  '长福',
  '美玲',
]

type ItemPlan = Omit<StallItem, 'id'>

interface PastEvent {
  event: StallEvent
  /** Of each slot's places, how many were booked, and of those how many came. */
  booked: (slotIndex: number) => number
  noShowEvery: number
  /** How many residents come to it (a community's regulars come back month after month). */
  residents: number
}

export function demoStallHistory(
  communities: Community[],
  /** The launch day (YYYY-MM-DD) and where it was held. */
  launch: { date: string; communityId: string; place: string },
  /** Dates of a community's monthly stalls (YYYY-MM-DD), oldest first, all before today. */
  monthlyDates: (communityIndex: number) => string[],
): { events: StallEvent[]; slots: StallSlot[]; bookings: StallBooking[] } {
  const launchCommunity = communities.find((community) => community._id === launch.communityId)!
  const pastEvents: PastEvent[] = [
    {
      event: eventOf(launchCommunity, {
        _id: 'demo-stall-launch-day',
        title: '“专业社工+志愿服务”启动仪式·便民服务摊位',
        place: launch.place,
        date: launch.date,
        organizerId: 'demo-district-admin',
        organizerName: '区委社会工作部',
        items: [
          item('公益理发', '08:30', '11:30', 30, 6),
          item('视力检测', '08:30', '11:30', 30, 6),
          item('应急救护培训', '08:30', '11:30', 60, 40),
          item('法律咨询', '08:30', '11:30', 60, 6),
        ],
      }),
      booked: () => Number.POSITIVE_INFINITY,
      noShowEvery: 40,
      residents: 240,
    },
    ...communities.flatMap((community, c) =>
      monthlyDates(c).map((date, m) => ({
        event: eventOf(community, {
          _id: `demo-stall-${community._id}-${m + 1}`,
          title: `${community.name}便民服务集市`,
          place: `${community.name}党群服务中心`,
          date,
          organizerId: `demo-worker-${community._id}`,
          organizerName: `${community.name}社工站`,
          items: [
            item('公益理发', '09:00', '11:00', 60, 6),
            item('视力检测', '09:00', '11:00', 60, 8),
            item(REPAIR_ITEMS[(c + m * 5) % REPAIR_ITEMS.length], '09:00', '11:00', 60, 6),
          ],
        }),
        // Word spreads: fuller stalls month by month, some slots busier than others.
        booked: (slot: number) => 2 + ((c + slot) % 3) + m,
        noShowEvery: 6 + (c % 4),
        residents: 60,
      })),
    ),
  ]
  const slots: StallSlot[] = []
  const bookings: StallBooking[] = []
  pastEvents.forEach(({ event, booked, noShowEvery, residents }, e) => {
    const taken = new Map<string, number>()
    slotsOf(event).forEach((slot, s) => {
      const item = event.items.find((candidate) => candidate.id === slot.itemId)!
      const count = Math.min(slot.capacity.limit, Math.max(0, booked(s)))
      let ledger = slot.capacity
      for (let seat = 0; seat < count; seat += 1) {
        // Each resident books one slot per item: the next one of the community not yet booked here.
        const n = taken.get(item.id) ?? 0
        taken.set(item.id, n + 1)
        const resident = (e * 7 + n) % residents
        const userId = `demo-stall-resident-${event.communityId}-${resident + 1}`
        const scopeId = bookingScopeOf(event._id, item.id)
        const _id = reservationIdOf(scopeId, userId)
        const admission = admit(ledger, { id: _id, units: 1 }, false)
        if (admission.kind !== 'seated') break
        ledger = admission.ledger
        const bookedAt = new Date(slot.startsAt.getTime() - (1 + (n % 6)) * DAY_MS)
        const index = bookings.length
        const came = index % noShowEvery !== noShowEvery - 1
        bookings.push({
          _id,
          placeId: slot._id,
          scopeId,
          userId,
          status: 'booked',
          mayWait: false,
          requestedAt: bookedAt,
          bookedAt,
          createdAt: bookedAt,
          ...bookingDetailsOf(event, item, slot, {
            residentName: nameOf(event.communityId, resident),
            // Unique within the event: 7919 is prime to 900,000.
            checkInCode: String(100_000 + ((e * 104_729 + index * 7_919) % 900_000)),
          }),
          ...(came
            ? {
                checkedInAt: new Date(slot.startsAt.getTime() - (index % 10) * 60_000),
                ...(index % 4 === 0
                  ? {
                      rating: 4 + (index % 8 === 0 ? 1 : 0),
                      ratedAt: new Date(slot.endsAt.getTime() + 3_600_000),
                    }
                  : {}),
              }
            : { noShow: true }),
        })
      }
      slots.push({ ...slot, capacity: ledger })
    })
  })
  return { events: pastEvents.map(({ event }) => event), slots, bookings }
}

function item(
  name: string,
  startTime: string,
  endTime: string,
  slotMinutes: number,
  capacityPerSlot: number,
): ItemPlan {
  return { name, startTime, endTime, slotMinutes, capacityPerSlot }
}

function eventOf(
  community: Community,
  fields: Pick<StallEvent, '_id' | 'title' | 'place' | 'date' | 'organizerId' | 'organizerName'> & {
    items: ItemPlan[]
  },
): StallEvent {
  return {
    ...fields,
    seriesId: fields._id,
    districtId: community.districtId,
    streetId: community.streetId,
    communityId: community._id,
    items: fields.items.map((plan, index) => ({ id: `item${index + 1}`, ...plan })),
    status: 'published',
    createdAt: new Date(new Date(`${fields.date}T09:00:00+08:00`).getTime() - 14 * DAY_MS),
  }
}

function nameOf(communityId: string, resident: number): string {
  const n = resident + communityId.length * 3
  return `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7) % GIVEN.length]}`
}
