import { callAs, signIn, useTestCloud } from './localCloudClient'
import { chinaClockIn, createResidents } from './stallsHelpers'

const HOST = 'qiaosi-center'

describe('trainings (乔社学院): sign-up on the shared capacity, waitlist, check-in, attendance', () => {
  const env = useTestCloud()

  /** The host publishes a session starting in 20 minutes with `capacity` places. */
  async function publish(token: string, capacity: number) {
    const start = chinaClockIn(20)
    const later = chinaClockIn(80)
    return callAs(env.cloud, token, 'trainings', 'publish', {
      hostOrgId: HOST,
      title: '社工实务能力提升',
      topic: 'practice',
      description: '个案工作与小组工作实务',
      date: start.date,
      start: start.time,
      end: later.date === start.date ? later.time : '23:59',
      place: '乔司社会组织服务中心',
      capacity,
    })
  }

  it('the host publishes; places fill, the line moves up on a cancellation; the host checks each person in once', async () => {
    const host = await signIn(env.cloud, 'demo-org-qiaosi-center')
    const outsider = await signIn(env.cloud, 'demo-org-moshang')
    expect(await publish(outsider, 2)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const published = await publish(host, 2)
    if (!published.ok) throw new Error(published.error.message)
    const trainingId = published.data.id

    const [first, second, third] = await createResidents(env.cloud, env.dataDir, 3, 'trainee')
    // The host's member comes for the host organization; the others on their own.
    const wu = await signIn(env.cloud, 'demo-newcomer-wu')
    const forOther = await callAs(env.cloud, first, 'trainings', 'signUp', {
      trainingId,
      orgId: HOST,
    })
    expect(forOther).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const signed = await Promise.all(
      [first, second].map((token) =>
        callAs(env.cloud, token, 'trainings', 'signUp', { trainingId }),
      ),
    )
    expect(signed.map((one) => one.ok && one.data.mySignup?.status)).toEqual(['booked', 'booked'])
    const full = await callAs(env.cloud, third, 'trainings', 'signUp', {
      trainingId,
      joinWaitlist: false,
    })
    expect(full).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const waiting = await callAs(env.cloud, third, 'trainings', 'signUp', { trainingId })
    expect(waiting).toMatchObject({
      ok: true,
      data: { mySignup: { status: 'waitlisted', waitlistPosition: 1 }, taken: 2, waiting: 1 },
    })
    const late = await callAs(env.cloud, wu, 'trainings', 'signUp', { trainingId })
    expect(late).toMatchObject({ data: { mySignup: { waitlistPosition: 2 } } })

    expect(await callAs(env.cloud, second, 'trainings', 'cancel', { trainingId })).toMatchObject({
      ok: true,
    })
    const promoted = await callAs(env.cloud, third, 'trainings', 'detail', { trainingId })
    if (!promoted.ok) throw new Error(promoted.error.message)
    expect(promoted.data).toMatchObject({ taken: 2, waiting: 1, mySignup: { status: 'booked' } })
    const code = promoted.data.mySignup?.checkInCode ?? ''
    expect(code).toMatch(/^\d{6}$/)

    // Only the host checks in, once per person.
    const byTrainee = await callAs(env.cloud, first, 'trainings', 'checkIn', { trainingId, code })
    expect(byTrainee).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(
      await callAs(env.cloud, host, 'trainings', 'checkIn', { trainingId, code }),
    ).toMatchObject({ ok: true, data: { traineeName: '居民2' } })
    expect(
      await callAs(env.cloud, host, 'trainings', 'checkIn', { trainingId, code }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(
      await callAs(env.cloud, host, 'trainings', 'checkIn', { trainingId, code: '000000' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await callAs(env.cloud, third, 'trainings', 'cancel', { trainingId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })

    const sheet = await callAs(env.cloud, host, 'trainings', 'attendance', { trainingId })
    expect(sheet).toMatchObject({
      ok: true,
      data: { signedUp: 2, attended: 1, training: { taken: 2, capacity: 2, waiting: 1 } },
    })
    const ledger = env.cloud.database.findOne('trainings', { _id: trainingId })
    expect(ledger).toMatchObject({ capacity: { taken: 2, waiting: 1 } })
    const report = await callAs(env.cloud, host, 'trainings', 'report', { hostOrgId: HOST })
    if (!report.ok) throw new Error(report.error.message)
    expect(report.data.sessions).toBeGreaterThan(0)
    expect(report.data.byTopic).toContainEqual(expect.objectContaining({ topic: 'practice' }))
  })
})
