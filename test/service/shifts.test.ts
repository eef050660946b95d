import { shiftsService } from '../../cloudfunctions/features/shifts/service'
import { volunteersService } from '../../cloudfunctions/features/volunteers/service'
import { addDays, chinaDateOf } from '../../cloudfunctions/shared/time'
import { refusal, useWorld } from './world'

describe('shifts service', () => {
  const world = useWorld()
  const tomorrow = () => addDays(chinaDateOf(new Date()), 1)
  const member = () => world.person('member-o1', [{ kind: 'org_member', orgId: 'o1' }])
  const worker = () => world.person('worker-c1', [{ kind: 'community_worker', communityId: 'c1' }])

  async function verifiedVolunteer(id: string, skills: string[] = ['hospital_guide']) {
    const person = world.person(id, [{ kind: 'resident', communityId: 'c1' }], `居民${id}`)
    const profile = await world.call(
      volunteersService,
      'register',
      {
        kind: 'resident',
        communityId: 'c1',
        skills,
        availability: { weekdays: [6], times: ['morning'] },
        realName: `志愿者${id}`,
        phone: '13900000001',
        consent: true,
      },
      person,
    )
    await world.call(
      volunteersService,
      'review',
      { volunteerId: id, decision: 'verified' },
      worker(),
    )
    return { person, code: profile.checkInCode ?? '' }
  }
  const publish = (capacity: number, requiredSkills: string[] = []) =>
    world.call(
      shiftsService,
      'publish',
      {
        organizer: { kind: 'org', id: 'o1' },
        communityId: 'c1',
        title: '门诊导诊',
        description: '在门诊大厅引导患者',
        date: tomorrow(),
        start: '09:00',
        end: '11:00',
        place: '区人民医院',
        capacity,
        requiredSkills,
      },
      member(),
    )

  it('check-out records the attendance and its hours together, once', async () => {
    const { code } = await verifiedVolunteer('v1')
    const shift = await publish(2)
    await world.call(shiftsService, 'signUp', { shiftId: shift.id }, world.person('v1', []))
    await world.call(
      shiftsService,
      'checkIn',
      { shiftId: shift.id, volunteerCode: code, at: `${tomorrow()}T08:50:00+08:00` },
      member(),
    )
    const out = await world.call(
      shiftsService,
      'checkOut',
      { shiftId: shift.id, volunteerCode: code, at: `${tomorrow()}T11:05:00+08:00` },
      member(),
    )
    expect(out.minutes).toBe(135)
    expect(world.db.find('volunteer_hours', { volunteerId: 'v1' })).toEqual([
      expect.objectContaining({ minutes: 135, source: 'checkin', shiftId: shift.id }),
    ])
    expect(
      await refusal(
        world.call(
          shiftsService,
          'checkOut',
          { shiftId: shift.id, volunteerCode: code, at: `${tomorrow()}T11:10:00+08:00` },
          member(),
        ),
      ),
    ).toEqual({ code: 'CONFLICT', message: '该志愿者已签退' })
    expect(world.db.count('volunteer_hours', { volunteerId: 'v1' })).toBe(1)
  })

  it('a full shift lines volunteers up; a cancellation seats the first of them', async () => {
    const shift = await publish(1)
    for (const id of ['v1', 'v2', 'v3']) await verifiedVolunteer(id)
    for (const id of ['v1', 'v2', 'v3']) {
      await world.call(shiftsService, 'signUp', { shiftId: shift.id }, world.person(id, []))
    }
    const second = await world.call(
      shiftsService,
      'detail',
      { shiftId: shift.id },
      world.person('v2', []),
    )
    expect(second.mySignup).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    await world.call(shiftsService, 'cancel', { shiftId: shift.id }, world.person('v1', []))
    const promoted = await world.call(
      shiftsService,
      'detail',
      { shiftId: shift.id },
      world.person('v2', []),
    )
    expect(promoted).toMatchObject({ taken: 1, waiting: 1, mySignup: { status: 'booked' } })
  })

  it('a shift that needs a skill refuses volunteers without it; staff actions refuse others', async () => {
    await verifiedVolunteer('v1', ['first_aid'])
    const shift = await publish(3, ['hospital_guide'])
    expect(
      await refusal(
        world.call(shiftsService, 'signUp', { shiftId: shift.id }, world.person('v1', [])),
      ),
    ).toEqual({
      code: 'FORBIDDEN',
      message: '该岗位需要以下技能：医院导诊',
    })
    expect(
      (await refusal(world.call(shiftsService, 'roster', { shiftId: shift.id }, worker()))).code,
    ).toBe('FORBIDDEN')
  })

  it('hand-added lines racing for the same day still stay within 24 hours', async () => {
    const admin = world.person('admin-o1', [{ kind: 'org_member', orgId: 'o1', admin: true }])
    const { person } = await verifiedVolunteer('v1')
    const team = await world.call(
      volunteersService,
      'createTeam',
      { orgId: 'o1', name: '导诊服务队' },
      admin,
    )
    await world.call(volunteersService, 'joinTeam', { teamId: team.id }, person)
    await world.call(
      volunteersService,
      'reviewTeamRequest',
      { teamId: team.id, userId: 'v1', decision: 'approved' },
      admin,
    )
    const serviceDate = addDays(chinaDateOf(new Date()), -1)
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        world.call(
          shiftsService,
          'addHours',
          { volunteerId: 'v1', orgId: 'o1', serviceDate, minutes: 10 * 60, reason: '活动保障补录' },
          admin,
        ),
      ),
    )
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(2)
    const minutes = world.db
      .find<{ minutes: number }>('volunteer_hours', { volunteerId: 'v1', serviceDate })
      .reduce((sum, entry) => sum + entry.minutes, 0)
    expect(minutes).toBe(20 * 60)
  })
  it('offers a certificate only for an organizer the volunteer served hours with', async () => {
    const { person } = await verifiedVolunteer('v1')
    const line = (id: string, organizerId: string, minutes: number) => ({
      _id: id,
      volunteerId: 'v1',
      organizer: { kind: 'org', id: organizerId, name: `组织${organizerId}` },
      minutes,
      source: 'admin',
      serviceDate: tomorrow(),
      createdAt: new Date(),
    })
    world.db.insertMany('volunteer_hours', [line('h1', 'o1', 90), line('h2', 'o2', 0)])
    const mine = await world.call(volunteersService, 'myService', {}, person)
    expect(
      mine.byOrganizer.map(({ organizerId, canCertify }) => ({ organizerId, canCertify })),
    ).toEqual([
      { organizerId: 'o1', canCertify: true },
      { organizerId: 'o2', canCertify: false },
    ])
  })
})
