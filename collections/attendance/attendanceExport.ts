import { APIError, type PayloadRequest } from 'payload'
import { idOf, type ID } from '../../src/access/ids'
import { attendanceTotals } from '../../src/domain/attendance'
import { dayOf, isoWeekday } from '../../src/domain/timetable'
import { t } from '../../src/i18n'
import { safeFileName, staffDownload } from '../../src/sheets/download'
import { writeWorkbook, type SheetColumn } from '../../src/sheets/write'
import { classStudents } from '../academics/classStudents'
import { studentsInOrder } from '../academics/classRoster'
import { weekdays } from '../academics/slotTitle'

const maxDays = 366
const totals = ['present', 'absences', 'excused', 'lates', 'halfDaysAbsent', 'daysAbsent'] as const
const frenchDay = (day: string) => day.split('-').reverse().join('/')

/**
 * A class's register over a range of days, as a secretary reads it: a row per pupil, a column
 * per day and session (a code per cell, blank when no roll was taken) and the totals of the
 * report card; a second tab lists every absence and lateness with its note and justification.
 */
export const attendanceWorkbook = async (req: PayloadRequest, query: { class?: unknown; from?: unknown; to?: unknown }, { system = false } = {}) => {
  const language = req.i18n?.language
  const text = (key: string, vars?: Record<string, string | number>) => t(language, `export.attendance.${key}`, vars)
  const [from, to] = [dayOf(String(query.from ?? '')), dayOf(String(query.to ?? ''))]
  const span = from && to ? (Date.parse(to) - Date.parse(from)) / 86_400_000 : -1
  if (query.class == null || query.class === '') throw new APIError(t(language, 'export.errors.needClass'), 400)
  if (!from || !to || span < 0 || span >= maxDays) throw new APIError(t(language, 'export.errors.invalidRange', { max: maxDays }), 400)
  const as = { req, overrideAccess: system, depth: 0 } as const
  const klass = await req.payload.findByID({ collection: 'classes', id: String(query.class), ...as })
  const records = (
    await req.payload.find({
      collection: 'attendance',
      where: { class: { equals: klass.id }, date: { greater_than_equal: `${from}T00:00:00.000Z`, less_than_equal: `${to}T23:59:59.999Z` } },
      sort: 'date',
      pagination: false,
      select: { student: true, date: true, slot: true, halfDay: true, status: true, minutesLate: true, note: true, justification: true },
      ...as,
    })
  ).docs.map((record) => ({ ...record, student: idOf(record.student)!, day: dayOf(record.date)!, slot: idOf(record.slot) ?? null }))
  const slotIds = [...new Set(records.map((record) => record.slot).filter((slot) => slot !== null))]
  const slots = slotIds.length ? (await req.payload.find({ collection: 'timetable-slots', where: { id: { in: slotIds } }, pagination: false, select: { start: true }, ...as })).docs : []
  const startOf = new Map(slots.map((slot) => [String(slot.id), slot.start]))
  const roster = [...(await classStudents(req, klass.id)).keys()]
  // Pupils who left the class during the range keep their lines.
  const students = await studentsInOrder(req, [...new Set([...roster, ...records.map((record) => String(record.student))])], {
    system,
    select: { matricule: true, lastName: true, postName: true, firstName: true, fullName: true },
  })

  // Sessions of a day in the order of the day: the whole day, the morning, lessons by start, the afternoon.
  const session = (record: (typeof records)[number]) => {
    if (record.slot !== null) {
      const start = startOf.get(String(record.slot)) ?? ''
      return { order: `1${start}`, label: start }
    }
    if (record.halfDay) return { order: record.halfDay === 'morning' ? '0' : '2', label: t(language, `options.halfDay.${record.halfDay}`).toLowerCase() }
    return { order: '', label: '' }
  }
  const columns = new Map<string, { key: string; header: string }>()
  const cells = new Map<string, Record<string, string>>()
  const sessions = records.map((record) => ({ record, ...session(record) }))
  for (const { record, order, label } of [...sessions].sort((a, b) => a.record.day.localeCompare(b.record.day) || a.order.localeCompare(b.order))) {
    const column = `${record.day}|${order}|${record.slot ?? ''}`
    if (!columns.has(column)) {
      const weekday = t(language, `options.weekday.${weekdays[isoWeekday(record.day) - 1]}`).slice(0, 3)
      columns.set(column, { key: `c${columns.size}`, header: [weekday, frenchDay(record.day).slice(0, 5), label].filter(Boolean).join(' ') })
    }
    const minutes = record.status === 'late' && record.minutesLate ? String(record.minutesLate) : ''
    cells.set(String(record.student), { ...cells.get(String(record.student)), [columns.get(column)!.key]: text(`codes.${record.status}`) + minutes })
  }
  const figures = new Map(
    attendanceTotals(records, [{ id: 'range', startDate: from, endDate: to }]).map((line) => [String(line.student), line]),
  )
  const none = Object.fromEntries(totals.map((key) => [key, 0]))
  const grid = students.map((student) => ({ ...student, ...none, ...cells.get(String(student.id)), ...figures.get(String(student.id)) }))

  const byId = new Map(students.map((student) => [String(student.id), student]))
  const details = sessions
    .filter(({ record }) => record.status !== 'present')
    .map(({ record, label }) => ({
      ...record,
      date: record.day,
      session: label || text('wholeDay'),
      matricule: byId.get(String(record.student))?.matricule,
      fullName: byId.get(String(record.student))?.fullName,
      status: t(language, `options.attendanceStatus.${record.status}`),
    }))

  const header = (key: string) => text(`columns.${key}`)
  const vars = { class: `${klass.name} (${klass.code})`, from: frenchDay(from), to: frenchDay(to) }
  const title = [text('title', vars), text('range', vars)]
  const data = await writeWorkbook([
    {
      name: text('sheetName'),
      title: [...title, text('legend')],
      columns: [
        { header: header('matricule'), key: 'matricule', kind: 'text' },
        { header: header('fullName'), key: 'fullName', kind: 'text' },
        ...[...columns.values()].map((column): SheetColumn => ({ ...column, kind: 'text' })),
        ...totals.map((key): SheetColumn => ({ header: header(key), key, kind: 'number' })),
      ],
      rows: grid,
    },
    {
      name: text('detailSheetName'),
      title,
      columns: (['date', 'session', 'matricule', 'fullName', 'status', 'minutesLate', 'note', 'justification'] as const).map(
        (key): SheetColumn => ({ header: header(key), key, kind: key === 'date' ? 'date' : key === 'minutesLate' ? 'number' : 'text' }),
      ),
      rows: details,
    },
  ])
  return { name: safeFileName(text('file', { class: klass.code, from, to })), data }
}

/** `GET /api/attendance/export?class=ID&from=YYYY-MM-DD&to=YYYY-MM-DD`: the register as .xlsx, for staff. */
export const attendanceExportEndpoint = staffDownload('/export', (req) =>
  attendanceWorkbook(req, Object.fromEntries(['class', 'from', 'to'].map((key) => [key, req.searchParams.get(key)]))),
)
