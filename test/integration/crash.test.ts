import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { SessionSigner } from '../../localcloud/session'
import type { LocalCloud } from '../../localcloud/server'
import { callAs, signIn } from './localCloudClient'
import { TOMORROW } from './volunteersHelpers'

// The local cloud in a child process, killed with SIGKILL in the middle of a burst of bookings,
// cancellations, claim approvals and check-outs. After a restart (which runs the repair), every
// write the child acknowledged is there and every invariant holds.

const ROOT = path.resolve(__dirname, '..', '..')
const RESIDENTS = 60
const VOLUNTEERS = 8

interface Child {
  process: ChildProcess
  cloud: LocalCloud
}

/** `npm start`'s local cloud on the data folder, in its own process; resolves once it listens. */
function startChild(dataDir: string): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'localcloud/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, GONGJIAN_DATA_DIR: dataDir, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let output = ''
    // Read the output for as long as the child runs, so its pipe never fills and blocks it.
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const url = /本地云已启动: (\S+)/.exec(output)?.[1]
      if (url) resolve({ process: child, cloud: { url } as LocalCloud })
    })
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`local cloud exited (${code}): ${output}`)))
  })
}

function kill(target: Child): Promise<void> {
  return new Promise((resolve) => {
    target.process.once('exit', () => resolve())
    target.process.kill('SIGKILL')
  })
}

describe('a crash in the middle of a burst of writes', () => {
  let dataDir: string
  let child: Child | undefined
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'gongjian-crash-'))
  })
  afterAll(async () => {
    // Whatever happened in the test, no local cloud outlives it.
    if (child && child.process.exitCode === null) await kill(child)
    await rm(dataDir, { recursive: true, force: true })
  })

  it('after SIGKILL at three moments and a restart, acknowledged writes are there and invariants hold', async () => {
    let running = await startChild(dataDir)
    child = running
    const signer = await SessionSigner.open(dataDir)
    const residents = Array.from(
      { length: RESIDENTS },
      (_, i) => signer.issue(`crash-resident-${i}`).token,
    )
    const worker = await signIn(running.cloud, 'demo-worker-dahua')

    // A stall tomorrow with two slots of 4 places (the child runs on the real clock).
    const event = await callAs(running.cloud, worker, 'stalls', 'publish', {
      title: '崩溃测试服务日',
      place: '大华社区广场',
      communityId: 'dahua',
      date: TOMORROW,
      items: [
        {
          name: '视力检测',
          startTime: '09:00',
          endTime: '11:00',
          slotMinutes: 60,
          capacityPerSlot: 4,
        },
      ],
    })
    if (!event.ok) throw new Error(event.error.message)
    const eventId = event.data.eventIds[0]
    const detail = await callAs(running.cloud, worker, 'stalls', 'detail', { eventId })
    if (!detail.ok) throw new Error(detail.error.message)
    const slots = detail.data.itemsWithSlots[0].slots.map((slot) => slot.id)

    // Needs claimed by the three demo organizations, to be approved during the burst.
    const claimIds: string[] = []
    for (const [account, organizationId] of [
      ['demo-org-mayi', 'mayi'],
      ['demo-org-moshang', 'moshang'],
      ['demo-org-lituixiu', 'lituixiu'],
    ]) {
      const provider = await signIn(running.cloud, account)
      for (const needId of ['seed-cneed-1', 'seed-cneed-5']) {
        const claimed = await callAs(running.cloud, provider, 'claims', 'claim', {
          needId,
          organizationId,
          quantity: 1,
          plan: '组织志愿者按月完成',
        })
        if (!claimed.ok) throw new Error(claimed.error.message)
        claimIds.push(claimed.data.id)
      }
    }

    // Volunteers registered, verified, signed up and checked in; checked out during the burst.
    const member = await signIn(running.cloud, 'demo-org-mayi')
    const shift = await callAs(running.cloud, member, 'shifts', 'publish', {
      organizer: { kind: 'org', id: 'mayi' },
      communityId: 'dahua',
      title: '崩溃测试导诊',
      description: '在区人民医院门诊大厅引导患者挂号',
      date: TOMORROW,
      start: '09:00',
      end: '11:00',
      place: '区人民医院',
      capacity: VOLUNTEERS,
      requiredSkills: [],
    })
    if (!shift.ok) throw new Error(shift.error.message)
    const shiftId = shift.data.id
    const volunteerCodes: string[] = []
    for (let i = 0; i < VOLUNTEERS; i += 1) {
      const token = residents[i]
      const registered = await callAs(running.cloud, token, 'volunteers', 'register', {
        kind: 'resident',
        communityId: 'dahua',
        skills: ['event_support'],
        availability: { weekdays: [6], times: ['morning'] },
        realName: `志愿者${i}`,
        phone: '13900000000',
        consent: true,
      })
      if (!registered.ok) throw new Error(registered.error.message)
      const reviewed = await callAs(running.cloud, worker, 'volunteers', 'review', {
        volunteerId: `crash-resident-${i}`,
        decision: 'verified',
      })
      if (!reviewed.ok) throw new Error(reviewed.error.message)
      expect((await callAs(running.cloud, token, 'shifts', 'signUp', { shiftId })).ok).toBe(true)
      const checkedIn = await callAs(running.cloud, member, 'shifts', 'checkIn', {
        shiftId,
        volunteerCode: registered.data.checkInCode ?? '',
        at: `${TOMORROW}T08:55:00+08:00`,
      })
      if (!checkedIn.ok) throw new Error(checkedIn.error.message)
      volunteerCodes.push(registered.data.checkInCode ?? '')
    }

    // What the child acknowledged, to be found again after every crash.
    const booked = new Map<number, string>()
    const cancelled = new Set<number>()
    const approved = new Set<string>()
    const checkedOut = new Set<number>()
    let acknowledged = 0

    for (const killAfter of [15, 45, 90]) {
      const target = acknowledged + killAfter
      let timer: NodeJS.Timeout | undefined
      const reached = new Promise<void>((resolve) => {
        timer = setInterval(() => acknowledged >= target && resolve(), 1)
      })
      const burst = Array.from({ length: RESIDENTS }, async (_, person) => {
        const token = residents[person]
        try {
          if (!booked.has(person)) {
            const result = await callAs(running.cloud, token, 'stalls', 'book', {
              slotId: slots[person % 2],
              joinWaitlist: true,
            })
            if (result.ok) {
              booked.set(person, result.data.id)
              acknowledged += 1
            }
          } else if (!cancelled.has(person) && person % 3 === 0) {
            const result = await callAs(running.cloud, token, 'stalls', 'cancel', {
              bookingId: booked.get(person)!,
            })
            if (result.ok) {
              cancelled.add(person)
              acknowledged += 1
            }
          }
          const claimId = claimIds[person]
          if (claimId && !approved.has(claimId)) {
            const result = await callAs(running.cloud, worker, 'claims', 'approve', { claimId })
            if (result.ok) {
              approved.add(claimId)
              acknowledged += 1
            }
          }
          if (person < VOLUNTEERS && !checkedOut.has(person)) {
            const result = await callAs(running.cloud, member, 'shifts', 'checkOut', {
              shiftId,
              volunteerCode: volunteerCodes[person],
              at: `${TOMORROW}T10:40:00+08:00`,
            })
            if (result.ok) {
              checkedOut.add(person)
              acknowledged += 1
            }
          }
        } catch {
          // The connection died with the process: this call was not acknowledged.
        }
      })
      const finished = Promise.allSettled(burst)
      // SIGKILL once enough writes were acknowledged, or at the end of a short burst.
      await Promise.race([reached, finished])
      clearInterval(timer)
      await kill(running)
      await finished
      running = await startChild(dataDir)
      child = running
    }

    // Every acknowledged booking or cancellation is there; the slots agree with their bookings.
    const statusOf = new Map<number, string>()
    for (const [person] of booked) {
      const mine = await callAs(running.cloud, residents[person], 'stalls', 'myBookings', {})
      if (!mine.ok) throw new Error(mine.error.message)
      const booking = mine.data.find((item) => item.eventId === eventId)
      expect(booking).toBeDefined()
      statusOf.set(person, booking!.status)
      if (cancelled.has(person)) expect(booking!.status).toBe('cancelled')
      else expect(['booked', 'waitlisted']).toContain(booking!.status)
    }
    const after = await callAs(running.cloud, worker, 'stalls', 'detail', { eventId })
    if (!after.ok) throw new Error(after.error.message)
    for (const [index, slot] of after.data.itemsWithSlots[0].slots.entries()) {
      const people = [...statusOf].filter(([person]) => person % 2 === index)
      const holding = people.filter(([, status]) => status === 'booked').length
      const waiting = people.filter(([, status]) => status === 'waitlisted').length
      expect(holding).toBeLessThanOrEqual(slot.capacity)
      if (waiting > 0) expect(holding).toBe(slot.capacity)
      else expect(slot.capacity - slot.remaining).toBe(holding)
    }

    // Approved claims have their units and their project; the needs count exactly those units.
    const claims = await callAs(running.cloud, worker, 'claims', 'listCommunity', {
      communityId: 'dahua',
    })
    if (!claims.ok) throw new Error(claims.error.message)
    for (const claimId of approved) {
      expect(claims.data.find((claim) => claim.id === claimId)).toMatchObject({
        status: 'approved',
        projectId: expect.any(String),
      })
    }
    const projects = await callAs(running.cloud, worker, 'projects', 'list', {
      communityId: 'dahua',
    })
    if (!projects.ok) throw new Error(projects.error.message)
    for (const claim of claims.data.filter((item) => item.status === 'approved')) {
      expect(projects.data.items.map((project) => project.id)).toContain(claim.projectId)
    }
    for (const needId of ['seed-cneed-1', 'seed-cneed-5']) {
      const need = await callAs(running.cloud, worker, 'claims', 'need', { needId })
      if (!need.ok) throw new Error(need.error.message)
      const units = claims.data.filter(
        (claim) => claim.needId === needId && claim.status === 'approved',
      )
      expect(need.data.committed).toBe(units.reduce((sum, claim) => sum + claim.quantity, 0))
    }

    // A checked-out volunteer always has the hours of the shift in their ledger.
    const roster = await callAs(running.cloud, member, 'shifts', 'roster', { shiftId })
    if (!roster.ok) throw new Error(roster.error.message)
    for (let person = 0; person < VOLUNTEERS; person += 1) {
      const line = roster.data.lines.find((item) => item.volunteerId === `crash-resident-${person}`)
      const service = await callAs(running.cloud, residents[person], 'volunteers', 'myService', {})
      if (!service.ok) throw new Error(service.error.message)
      const hours = service.data.entries.filter((entry) => entry.source === 'checkin').length
      if (checkedOut.has(person)) expect(line?.checkOutAt).toBeDefined()
      expect(hours).toBe(line?.checkOutAt ? 1 : 0)
    }

    // The restart's repair left nothing for a second check to do.
    const admin = await signIn(running.cloud, 'demo-district-admin')
    const report = await callAs(running.cloud, admin, 'maintenance', 'repair', { full: true })
    expect(report).toMatchObject({ ok: true, data: { repairs: [] } })
  }, 240_000)
})
