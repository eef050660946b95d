import ExcelJS from 'exceljs'
import { download, pdfImages, pdfText, scan } from './files'
import { callAs, signIn, useTestCloud } from './localCloudClient'
import {
  TOMORROW,
  createVerifiedVolunteers,
  publishGuideShift,
  verifiedWang,
  wangInMayiTeam,
  wangRegistration,
} from './volunteersHelpers'

const at = (time: string) => `${TOMORROW}T${time}:00+08:00`

describe('volunteers: registration, shifts, hours', () => {
  const env = useTestCloud()

  it('a resident registers with consent; only her community’s worker verifies; others see her masked', async () => {
    const wang = await signIn(env.cloud, 'demo-resident-wang')
    const refused = await callAs(env.cloud, wang, 'volunteers', 'register', {
      ...wangRegistration,
      consent: false,
    })
    expect(refused).toMatchObject({ ok: false, error: { message: '请阅读并同意个人信息收集说明' } })
    expect(await callAs(env.cloud, wang, 'volunteers', 'me', {})).toMatchObject({ data: null })

    const registered = await callAs(env.cloud, wang, 'volunteers', 'register', wangRegistration)
    if (!registered.ok) throw new Error(registered.error.message)
    expect(registered.data).toMatchObject({
      status: 'pending',
      realName: '王秀英',
      phone: '13812345678',
      communityName: '大华社区',
    })
    expect(registered.data.checkInCode).toMatch(/^[A-Z0-9]{6}$/)
    const me = await callAs(env.cloud, wang, 'account', 'me')
    if (!me.ok) throw new Error(me.error.message)
    expect(me.data.roles.map((role) => role.kind)).toContain('volunteer')
    const again = await callAs(env.cloud, wang, 'volunteers', 'register', wangRegistration)
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })

    for (const account of ['demo-resident-li', 'demo-worker-xianshan', 'demo-street-chaohai']) {
      const token = await signIn(env.cloud, account)
      const review = await callAs(env.cloud, token, 'volunteers', 'review', {
        volunteerId: 'demo-resident-wang',
        decision: 'verified',
      })
      expect({ account, code: review.ok ? 'OK' : review.error.code }).toEqual({
        account,
        code: 'FORBIDDEN',
      })
    }
    const xianshan = await signIn(env.cloud, 'demo-worker-xianshan')
    const otherList = await callAs(env.cloud, xianshan, 'volunteers', 'listCommunity', {
      communityId: 'dahua',
    })
    expect(otherList).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    const worker = await signIn(env.cloud, 'demo-worker-dahua')
    const list = await callAs(env.cloud, worker, 'volunteers', 'listCommunity', {
      communityId: 'dahua',
      status: 'pending',
    })
    if (!list.ok) throw new Error(list.error.message)
    expect(list.data[0]).toMatchObject({ realName: '王**', phone: '138****5678' })
    expect(list.data[0].checkInCode).toBeUndefined()

    const { database } = env.cloud
    expect(database.count('audit_logs', { action: 'volunteers.revealContact' })).toBe(0)
    const revealed = await callAs(env.cloud, worker, 'volunteers', 'revealContact', {
      volunteerId: 'demo-resident-wang',
    })
    expect(revealed).toMatchObject({ ok: true, data: { realName: '王秀英', phone: '13812345678' } })
    expect(
      database.count('audit_logs', {
        action: 'volunteers.revealContact',
        actorId: 'demo-worker-dahua',
        targetId: 'demo-resident-wang',
      }),
    ).toBe(1)

    const verified = await callAs(env.cloud, worker, 'volunteers', 'review', {
      volunteerId: 'demo-resident-wang',
      decision: 'verified',
    })
    expect(verified).toMatchObject({ ok: true, data: { status: 'verified' } })
  })

  it('a volunteer asks to join a team and the team’s organization approves', async () => {
    const { token } = await verifiedWang(env.cloud)
    const member = await signIn(env.cloud, 'demo-org-mayi')
    const team = await callAs(env.cloud, member, 'volunteers', 'createTeam', {
      orgId: 'mayi',
      name: '医院导诊服务队',
    })
    if (!team.ok) throw new Error(team.error.message)
    const notMember = await callAs(env.cloud, token, 'volunteers', 'createTeam', {
      orgId: 'mayi',
      name: '冒名服务队',
    })
    expect(notMember).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const joined = await callAs(env.cloud, token, 'volunteers', 'joinTeam', {
      teamId: team.data.id,
    })
    expect(joined).toMatchObject({ ok: true, data: { myStatus: 'pending' } })
    expect(await callAs(env.cloud, token, 'volunteers', 'me', {})).toMatchObject({
      data: { teams: [] },
    })
    const outsider = await signIn(env.cloud, 'demo-org-moshang')
    for (const reviewer of [outsider, token]) {
      const refused = await callAs(env.cloud, reviewer, 'volunteers', 'reviewTeamRequest', {
        teamId: team.data.id,
        userId: 'demo-resident-wang',
        decision: 'approved',
      })
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    const approved = await callAs(env.cloud, member, 'volunteers', 'reviewTeamRequest', {
      teamId: team.data.id,
      userId: 'demo-resident-wang',
      decision: 'approved',
    })
    expect(approved).toMatchObject({
      ok: true,
      data: { members: [{ name: '王**', status: 'approved' }], requests: [] },
    })
    expect(await callAs(env.cloud, token, 'volunteers', 'me', {})).toMatchObject({
      data: { teams: [{ name: '医院导诊服务队', orgName: '蚂蚁力量儿童义工团' }] },
    })
  })

  it('a shift requiring a skill refuses volunteers without it, and unverified ones', async () => {
    const { shiftId } = await publishGuideShift(env.cloud, { requiredSkills: ['sign_language'] })
    const { token } = await verifiedWang(env.cloud)
    const refused = await callAs(env.cloud, token, 'shifts', 'signUp', { shiftId })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '该岗位需要以下技能：手语' },
    })
    const li = await signIn(env.cloud, 'demo-resident-li')
    const unregistered = await callAs(env.cloud, li, 'shifts', 'signUp', { shiftId })
    expect(unregistered).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(
      env.cloud.database.findOne<{ capacity: { taken: number } }>('volunteer_shifts', {
        _id: shiftId,
      })?.capacity.taken,
    ).toBe(0)
  })

  it('200 volunteers signing up at once for 10 places: exactly 10 booked, a cancellation promotes the first in line', async () => {
    const tokens = await createVerifiedVolunteers(env.cloud, env.dataDir, 200, 'crowd')
    const { shiftId } = await publishGuideShift(env.cloud, { capacity: 10 })
    const results = await Promise.all(
      tokens.map((token, index) =>
        callAs(env.cloud, token, 'shifts', 'signUp', { shiftId, joinWaitlist: index % 2 === 0 }),
      ),
    )
    const outcome = (result: (typeof results)[number]) =>
      result.ok ? result.data.mySignup?.status : result.error.code
    const count = (value: string) => results.filter((result) => outcome(result) === value).length
    expect(count('booked')).toBe(10)
    expect(count('waitlisted') + count('CONFLICT')).toBe(190)
    const { database } = env.cloud
    expect(
      database.findOne<{ capacity: { taken: number } }>('volunteer_shifts', { _id: shiftId })
        ?.capacity.taken,
    ).toBe(10)
    const booked = { placeId: shiftId, status: 'booked' }
    expect(database.count('volunteer_signups', booked)).toBe(10)

    const bookedIndex = results.findIndex((result) => outcome(result) === 'booked')
    const cancelled = await callAs(env.cloud, tokens[bookedIndex], 'shifts', 'cancel', { shiftId })
    expect(cancelled).toMatchObject({ ok: true, data: { taken: 10 } })
    expect(database.count('volunteer_signups', booked)).toBe(10)
    expect(database.count('notifications', { title: '志愿岗位候补成功' })).toBe(1)
  }, 60_000)

  it('the roster of a large shift lists every sign-up, past the database’s 100-row page', async () => {
    const tokens = await createVerifiedVolunteers(env.cloud, env.dataDir, 150, 'big')
    const { shiftId } = await publishGuideShift(env.cloud, { capacity: 120 })
    await Promise.all(
      tokens.map((token) => callAs(env.cloud, token, 'shifts', 'signUp', { shiftId })),
    )
    const member = await signIn(env.cloud, 'demo-org-mayi')
    const roster = await callAs(env.cloud, member, 'shifts', 'roster', { shiftId })
    if (!roster.ok) throw new Error(roster.error.message)
    const statuses = roster.data.lines.map((line) => line.status)
    expect(statuses.filter((status) => status === 'booked')).toHaveLength(120)
    expect(statuses.filter((status) => status === 'waitlisted')).toHaveLength(30)
  }, 60_000)

  it('hours come from check-in and check-out, clamped to the window ±30 min and rounded down to the quarter hour', async () => {
    const { shiftId } = await publishGuideShift(env.cloud)
    const { token, code } = await verifiedWang(env.cloud)
    expect(await callAs(env.cloud, token, 'shifts', 'signUp', { shiftId })).toMatchObject({
      ok: true,
      data: { mySignup: { status: 'booked' } },
    })
    const member = await signIn(env.cloud, 'demo-org-mayi')
    const outsider = await signIn(env.cloud, 'demo-org-moshang')
    const foreign = await callAs(env.cloud, outsider, 'shifts', 'checkIn', {
      shiftId,
      volunteerCode: code,
    })
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const tooEarly = await callAs(env.cloud, member, 'shifts', 'checkIn', {
      shiftId,
      volunteerCode: code,
      at: at('08:20'),
    })
    expect(tooEarly).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })

    // 08:40 → 11:22: 162 minutes inside 08:30–11:30, rounded down to 150 (2.5 hours).
    await callAs(env.cloud, member, 'shifts', 'checkIn', {
      shiftId,
      volunteerCode: code.toLowerCase(),
      at: at('08:40'),
    })
    const out = await callAs(env.cloud, member, 'shifts', 'checkOut', {
      shiftId,
      volunteerCode: code,
      at: at('11:22'),
    })
    expect(out).toMatchObject({ ok: true, data: { minutes: 150, volunteerName: '王**' } })
    const twice = await callAs(env.cloud, member, 'shifts', 'checkOut', {
      shiftId,
      volunteerCode: code,
      at: at('11:25'),
    })
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })

    const service = await callAs(env.cloud, token, 'volunteers', 'myService', {})
    if (!service.ok) throw new Error(service.error.message)
    expect(service.data.totalMinutes).toBe(150)
    expect(service.data.byOrganizer).toEqual([
      {
        organizerId: 'mayi',
        organizerName: '蚂蚁力量儿童义工团',
        year: Number(TOMORROW.slice(0, 4)),
        minutes: 150,
        canCertify: true,
      },
    ])
    expect(service.data.entries[0]).toMatchObject({ source: 'checkin', shiftTitle: '医院导诊' })
    const roster = await callAs(env.cloud, member, 'shifts', 'roster', { shiftId })
    expect(roster).toMatchObject({
      ok: true,
      data: { lines: [{ volunteerName: '王**', phone: '138****5678', minutes: 150 }] },
    })
  })

  it('the hours ledger cannot be edited in place: a correction is a reversing entry', async () => {
    const { token } = await wangInMayiTeam(env.cloud)
    const member = await signIn(env.cloud, 'demo-org-mayi')
    const added = await callAs(env.cloud, member, 'shifts', 'addHours', {
      orgId: 'mayi',
      volunteerId: 'demo-resident-wang',
      serviceDate: '2026-10-01',
      minutes: 120,
      reason: '国庆活动保障，纸质签到补录',
    })
    if (!added.ok) throw new Error(added.error.message)
    const entryId = added.data.entryId

    for (const action of ['updateHours', 'editHours', 'deleteHours', 'removeEntry']) {
      const attempt = await callAs(env.cloud, member, 'shifts', action as 'addHours', {
        entryId,
        minutes: 600,
      })
      expect(attempt).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
    }
    const withEntry = await callAs(env.cloud, member, 'shifts', 'addHours', {
      orgId: 'mayi',
      volunteerId: 'demo-resident-wang',
      serviceDate: '2026-10-01',
      minutes: 600,
      reason: '改成十小时',
      entryId,
    } as never)
    expect(withEntry).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const wangReverses = await callAs(env.cloud, token, 'shifts', 'reverseHours', {
      entryId,
      reason: '我想改',
    })
    expect(wangReverses).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    const reversed = await callAs(env.cloud, member, 'shifts', 'reverseHours', {
      entryId,
      reason: '录入有误',
    })
    expect(reversed.ok).toBe(true)
    const again = await callAs(env.cloud, member, 'shifts', 'reverseHours', {
      entryId,
      reason: '录入有误',
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })

    const entries = env.cloud.database.find('volunteer_hours', {
      volunteerId: 'demo-resident-wang',
    })
    expect(entries.map((entry) => [entry.minutes, entry.source, entry.reverses ?? null])).toEqual(
      expect.arrayContaining([
        [120, 'admin', null],
        [-120, 'admin', entryId],
      ]),
    )
    expect(entries.find((entry) => entry._id === entryId)).toMatchObject({
      minutes: 120,
      recordedBy: 'demo-org-mayi',
      reason: '国庆活动保障，纸质签到补录',
    })
    const service = await callAs(env.cloud, token, 'volunteers', 'myService', {})
    expect(service).toMatchObject({ ok: true, data: { totalMinutes: 0 } })
  })

  it('the certificate is a PDF naming the organization, the volunteer, the hours and a code that verifies', async () => {
    const { token } = await wangInMayiTeam(env.cloud)
    const member = await signIn(env.cloud, 'demo-org-mayi')
    for (const [serviceDate, minutes] of [
      ['2026-03-08', 90],
      ['2026-09-12', 165],
    ] as const) {
      await callAs(env.cloud, member, 'shifts', 'addHours', {
        orgId: 'mayi',
        volunteerId: 'demo-resident-wang',
        serviceDate,
        minutes,
        reason: '活动保障补录',
      })
    }
    const certificate = await callAs(env.cloud, token, 'volunteers', 'certificate', {
      organizerId: 'mayi',
      year: 2026,
    })
    if (!certificate.ok) throw new Error(certificate.error.message)
    const { url, code, fileName } = certificate.data
    expect(fileName).toBe(`志愿服务时长证明-2026-${code}.pdf`)
    const pdf = await download(url)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    // Text set in the embedded CJK font extracts as text: names, digits and Latin letters.
    const text = (await pdfText(pdf)).replace(/[ \t]+/g, ' ')
    for (const line of [
      '志愿服务时长证明',
      '兹证明志愿者 王秀英',
      '在蚂蚁力量儿童义工团参加志愿服务',
      '累计服务时长 4.25 小时',
      '于 2026-03-08 至 2026-09-12 期间',
      `验证码 ${code}`,
    ]) {
      expect(text).toContain(line)
    }
    // Its mini-program code opens the verification of this certificate.
    const [codeImage] = await pdfImages(pdf)
    const scanned = scan(codeImage!)
    expect(scanned.path.split('?')[0]).toBe('packages/volunteers/pages/verify/index')
    expect(scanned.scene).toEqual({ kind: 'certificate', code })
    // Made once: asking again answers the same stored file.
    const again = await callAs(env.cloud, token, 'volunteers', 'certificate', {
      organizerId: 'mayi',
      year: 2026,
    })
    expect(again.ok && (await download(again.data.url)).equals(pdf)).toBe(true)
    const li = await signIn(env.cloud, 'demo-resident-li')
    expect(await callAs(env.cloud, li, 'volunteers', 'verifyCertificate', { code })).toMatchObject({
      ok: true,
      data: { volunteerName: '王**', organizerName: '蚂蚁力量儿童义工团', hours: '4.25' },
    })
    const none = await callAs(env.cloud, token, 'volunteers', 'certificate', {
      organizerId: 'moshang',
      year: 2026,
    })
    expect(none).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('recommendations put shifts that fit skills, community and availability first', async () => {
    await publishGuideShift(env.cloud, { title: '手语翻译', requiredSkills: ['sign_language'] })
    await publishGuideShift(env.cloud, {
      title: '岘山晚间巡逻',
      communityId: 'xianshan',
      requiredSkills: [],
      start: '19:00',
      end: '21:00',
    })
    await publishGuideShift(env.cloud, { title: '门诊导诊' })
    const { token } = await verifiedWang(env.cloud)
    const list = await callAs(env.cloud, token, 'shifts', 'recommended', {})
    if (!list.ok) throw new Error(list.error.message)
    const published = list.data.filter((shift) =>
      ['门诊导诊', '岘山晚间巡逻', '手语翻译'].includes(shift.title),
    )
    expect(published.map((shift) => shift.title)).toEqual(['门诊导诊', '岘山晚间巡逻', '手语翻译'])
    expect(published[0]).toMatchObject({ skillsMatch: true })
    expect(published[2]).toMatchObject({ skillsMatch: false })
  })

  it('organizers export sign-ups, attendance (China time) and hours per volunteer to Excel', async () => {
    const { shiftId } = await publishGuideShift(env.cloud)
    const { token, code } = await verifiedWang(env.cloud)
    await callAs(env.cloud, token, 'shifts', 'signUp', { shiftId })
    const member = await signIn(env.cloud, 'demo-org-mayi')
    await callAs(env.cloud, member, 'shifts', 'checkIn', {
      shiftId,
      volunteerCode: code,
      at: at('09:00'),
    })
    await callAs(env.cloud, member, 'shifts', 'checkOut', {
      shiftId,
      volunteerCode: code,
      at: at('10:50'),
    })
    const resident = await signIn(env.cloud, 'demo-resident-li')
    const forbidden = await callAs(env.cloud, resident, 'shifts', 'exportHours', {
      organizer: { kind: 'org', id: 'mayi' },
    })
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const workbookOf = async (reveal: boolean) => {
      const exported = await callAs(env.cloud, member, 'shifts', 'exportHours', {
        organizer: { kind: 'org', id: 'mayi' },
        reveal,
      })
      if (!exported.ok) throw new Error(exported.error.message)
      expect(exported.data.fileName).toMatch(
        /^蚂蚁力量儿童义工团-志愿服务时长-\d{4}-\d{2}-\d{2}\.xlsx$/,
      )
      const workbook = new ExcelJS.Workbook()
      const bytes = await download(exported.data.url)
      await workbook.xlsx.load(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer,
      )
      return (name: string) =>
        (workbook.getWorksheet(name)?.getSheetValues() ?? []).flatMap((row) =>
          Array.isArray(row) ? [row.slice(1)] : [],
        )
    }
    // By default the workbook masks names like every other view.
    const masked = await workbookOf(false)
    expect(masked('报名与签到').some((row) => row.includes('王秀英'))).toBe(false)
    expect(masked('志愿时长')).toContainEqual(['王**', 1.75, 1])
    // Real names only on an explicit reveal, audited as such; every export is audited.
    const rows = await workbookOf(true)
    const wangRow = rows('报名与签到').find((row) => row.includes('王秀英'))
    expect(wangRow).toEqual([
      TOMORROW,
      '医院导诊',
      '09:00-11:00',
      '王秀英',
      '已报名',
      `${TOMORROW} 09:00`,
      `${TOMORROW} 10:50`,
      1.75,
    ])
    expect(rows('志愿时长')).toContainEqual(['王秀英', 1.75, 1])
    await workbookOf(false)
    const audited = (action: string) =>
      env.cloud.database.count('audit_logs', { action, actorId: 'demo-org-mayi' })
    expect([audited('shifts.exportHours'), audited('shifts.exportHours.revealed')]).toEqual([2, 1])
  })
})
