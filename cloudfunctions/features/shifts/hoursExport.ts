import { maskName } from '../../shared/privacy'
import { chinaDateOf, chinaDateTimeOf } from '../../shared/time'
import { formatHours, type HoursEntry, type Organizer } from '../volunteers/domain'
import type { Shift, ShiftSignup } from './domain'
import { attendanceTimes, attendedMinutes } from './views'

/**
 * The organizer's sign-ups and hours as an Excel workbook, times in China time, names masked as
 * in every other view unless the export reveals them. exceljs is loaded here, on first export (the
 * cloud installs it beside the function), so no other action of the function pays for it at a
 * cold start.
 */
export async function hoursWorkbook(
  organizer: Organizer,
  shifts: Shift[],
  signups: ShiftSignup[],
  entries: HoursEntry[],
  names: 'masked' | 'revealed',
): Promise<{ fileName: string; content: Buffer; rows: number }> {
  const { default: ExcelJS } = await import('exceljs')
  const shown = (name: string) => (names === 'revealed' ? name : maskName(name))
  const shiftById = new Map(shifts.map((shift) => [shift._id, shift]))
  const workbook = new ExcelJS.Workbook()
  const attendance = workbook.addWorksheet('报名与签到')
  attendance.addRow([
    '日期',
    '班次',
    '时间',
    '志愿者',
    '状态',
    '签到（北京时间）',
    '签退（北京时间）',
    '时长（小时）',
  ])
  for (const signup of signups) {
    const shift = shiftById.get(signup.placeId)
    if (!shift || (signup.status !== 'booked' && signup.status !== 'waitlisted')) continue
    const times = attendanceTimes(signup, chinaDateTimeOf)
    attendance.addRow([
      shift.date,
      shift.title,
      `${shift.start}-${shift.end}`,
      shown(signup.volunteerName),
      signup.status === 'booked' ? '已报名' : '候补',
      times.checkInAt ?? '',
      times.checkOutAt ?? '',
      Number(formatHours(attendedMinutes(shift, signup))),
    ])
  }
  const perVolunteer = workbook.addWorksheet('志愿时长')
  perVolunteer.addRow(['志愿者', '时长（小时）', '记录条数'])
  const totals = new Map<string, { name: string; minutes: number; count: number }>()
  for (const entry of entries) {
    const total = totals.get(entry.volunteerId) ?? {
      name: entry.volunteerName,
      minutes: 0,
      count: 0,
    }
    total.minutes += entry.minutes
    total.count += 1
    totals.set(entry.volunteerId, total)
  }
  for (const total of [...totals.values()].sort((a, b) => b.minutes - a.minutes)) {
    perVolunteer.addRow([shown(total.name), Number(formatHours(total.minutes)), total.count])
  }
  return {
    fileName: `${organizer.name}-志愿服务时长-${chinaDateOf(new Date())}.xlsx`,
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
    rows: attendance.rowCount - 1,
  }
}
