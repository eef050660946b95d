import type { LocalCloud } from '../../localcloud/server'
import { SessionSigner } from '../../localcloud/session'
import { callAs, signIn } from './localCloudClient'

/** China's local date and clock time `minutesFromNow` away, as a publisher would type them. */
export function chinaClockIn(minutesFromNow: number): { date: string; time: string } {
  const shifted = new Date(Date.now() + (minutesFromNow + 8 * 60) * 60_000).toISOString()
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) }
}

/**
 * 大华社区's worker publishes a one-item event whose only slot starts `startsInMinutes` from now
 * and lasts 60 minutes; answers the event's and the slot's ids.
 */
export async function publishEventStartingIn(
  cloud: LocalCloud,
  startsInMinutes: number,
  capacityPerSlot = 2,
  name = '公益理发',
): Promise<{ eventId: string; slotId: string }> {
  const worker = await signIn(cloud, 'demo-worker-dahua')
  const start = chinaClockIn(startsInMinutes)
  const end = chinaClockIn(startsInMinutes + 60)
  const published = await callAs(cloud, worker, 'stalls', 'publish', {
    title: '社区公益服务日',
    place: '大华社区党群服务中心',
    communityId: 'dahua',
    date: start.date,
    items: [{ name, startTime: start.time, endTime: end.time, slotMinutes: 60, capacityPerSlot }],
  })
  if (!published.ok) throw new Error(published.error.message)
  const eventId = published.data.eventIds[0]
  const detail = await callAs(cloud, worker, 'stalls', 'detail', { eventId })
  if (!detail.ok) throw new Error(detail.error.message)
  return { eventId, slotId: detail.data.itemsWithSlots[0].slots[0].id }
}

/** Registers `count` residents of 大华社区 straight in the database and mints their sessions. */
export async function createResidents(
  cloud: LocalCloud,
  dataDir: string,
  count: number,
  prefix: string,
): Promise<string[]> {
  const users = Array.from({ length: count }, (_, index) => ({
    _id: `${prefix}-${index}`,
    displayName: `居民${index}`,
    roles: [{ kind: 'resident', communityId: 'dahua' }],
    homeCommunityId: 'dahua',
    createdAt: new Date(),
  }))
  cloud.database.insertMany('users', users)
  const signer = await SessionSigner.open(dataDir)
  return users.map((user) => signer.issue(user._id).token)
}

/**
 * Every resident asks for the slot at the same moment; even-numbered ones accept the waitlist.
 * Answers each call's outcome and latency.
 */
export async function bookAllAtOnce(cloud: LocalCloud, tokens: string[], slotId: string) {
  return Promise.all(
    tokens.map(async (token, index) => {
      const started = performance.now()
      const result = await callAs(cloud, token, 'stalls', 'book', {
        slotId,
        joinWaitlist: index % 2 === 0,
      })
      const outcome = result.ok ? result.data.status : result.error.code
      return { outcome, milliseconds: performance.now() - started }
    }),
  )
}
