/**
 * The attendance register: a roll taken by exception (everyone present but those marked), and the
 * absence figures of the report card. Only an `absent` record is an unexcused absence; a
 * justified absence is recorded (or re-recorded) as `excused`.
 */
import type { ID } from '../access/ids'
import { dayOf, parseTime } from './timetable'

export const attendanceStatuses = ['present', 'absent', 'late', 'excused'] as const
export type AttendanceStatus = (typeof attendanceStatuses)[number]
export type HalfDay = 'morning' | 'afternoon'

const key = (id: ID) => String(id)

// ---------------------------------------------------------------- taking the roll

export type RollException = { student: ID; status: string; note?: string | null; minutesLate?: number | null }
export type RollEntry = { student: ID; status: AttendanceStatus; note?: string; minutesLate?: number }
export type RollError = {
  code: 'notInClass' | 'duplicateStudent' | 'unknownStatus' | 'invalidMinutesLate'
  params: { student: ID; status?: string }
}

/**
 * One entry per enrolled pupil, present unless an exception says otherwise. Refused as a whole
 * when an exception names a pupil not in the class, names a pupil twice, has an unknown status
 * or a lateness that is not a whole number of minutes ≥ 0: a half-saved roll is worse than none.
 */
export const rollFor = (
  enrolled: ID[],
  exceptions: RollException[],
): { ok: true; roll: RollEntry[] } | { ok: false; errors: RollError[] } => {
  const pupils = new Map(enrolled.map((student) => [key(student), student]))
  const named = new Set<string>()
  const marked = new Map<string, RollEntry>()
  const errors: RollError[] = []
  for (const { student, status, note, minutesLate } of exceptions) {
    const id = key(student)
    const fail = (code: RollError['code'], extra: { status?: string } = {}) => errors.push({ code, params: { student, ...extra } })
    if (!pupils.has(id)) fail('notInClass')
    else if (named.has(id)) fail('duplicateStudent')
    else if (!attendanceStatuses.includes(status as AttendanceStatus)) fail('unknownStatus', { status })
    else if (status === 'late' && minutesLate != null && !(Number.isInteger(minutesLate) && minutesLate >= 0)) fail('invalidMinutesLate')
    else {
      marked.set(id, {
        student,
        status: status as AttendanceStatus,
        // An empty note is kept as sent: it removes the one recorded; no note at all leaves it.
        ...(typeof note === 'string' ? { note: note.trim() } : {}),
        // Minutes of lateness mean nothing on another status.
        ...(status === 'late' && minutesLate != null ? { minutesLate } : {}),
      })
    }
    named.add(id)
  }
  if (errors.length) return { ok: false, errors }
  const roll = [...pupils].map(([id, student]) => ({ ...(marked.get(id) ?? { status: 'present' as const }), student }))
  return { ok: true, roll }
}

// ---------------------------------------------------------------- totals for the report card

/** The half-day a lesson belongs to, for records taken per lesson: morning when it starts before noon. */
export const halfDayOf = (start: string): HalfDay | null => {
  const minutes = parseTime(start)
  return minutes === null ? null : minutes < 12 * 60 ? 'morning' : 'afternoon'
}

export type AttendanceRecord = {
  student: ID
  date: Date | string
  status: AttendanceStatus
  halfDay?: HalfDay | null
  /** The lesson, for a register taken per lesson; without it, the day's register. */
  slot?: ID | null
}
export type Period = { id: ID; startDate: Date | string; endDate: Date | string }
export type AttendanceTotals = {
  student: ID
  period: ID
  /** Records `absent` (a pupil absent from three lessons has three). */
  absences: number
  excused: number
  lates: number
  /** Half-days with an unexcused absence, by the rule of `halfDaysOf` below. */
  halfDaysAbsent: number
  /** Distinct dates with an unexcused absence, be it one lesson. */
  daysAbsent: number
  present: number
}

/**
 * Half-days absent on one date: the distinct half-days of its unexcused absences, and at least
 * one. A record without a half-day (a daily register, or a lesson recorded without one) counts
 * the date as one unit: one half-day when no record of that date names a half, nothing more
 * when one does, since it may be that very half. Schools working in shifts (vacation du matin
 * or de l'après-midi) thus count one half-day per day missed; to count a lesson's half-day
 * exactly, record it (`halfDayOf` the lesson's start).
 */
const halfDaysOf = (halves: Set<HalfDay | null>) => Math.max(1, [...halves].filter(Boolean).length)

/**
 * Per pupil and period, the figures of the report card. A period is its inclusive date range;
 * records outside every period are ignored and a record inside two overlapping periods (a term
 * and its semester) counts in both. Every pupil with a record in some period has a line for
 * every period, in the order pupils first appear and periods are given.
 */
export const attendanceTotals = (records: AttendanceRecord[], periods: Period[]): AttendanceTotals[] => {
  const ranges = periods.map((period) => ({ period, from: dayOf(period.startDate), to: dayOf(period.endDate) }))
  const students = new Map<string, ID>()
  // student → period index → date → half-days of unexcused absences
  const lines = new Map<string, { totals: AttendanceTotals; absentDays: Map<string, Set<HalfDay | null>> }[]>()
  const lineOf = (student: ID) => {
    if (!students.has(key(student))) {
      students.set(key(student), student)
      const empty = { absences: 0, excused: 0, lates: 0, halfDaysAbsent: 0, daysAbsent: 0, present: 0 }
      lines.set(key(student), periods.map(({ id }) => ({ totals: { student, period: id, ...empty }, absentDays: new Map() })))
    }
    return lines.get(key(student))!
  }

  for (const record of records) {
    const day = dayOf(record.date)
    if (!day) continue
    ranges.forEach(({ from, to }, index) => {
      if (!from || !to || day < from || day > to) return
      const { totals, absentDays } = lineOf(record.student)[index]
      if (record.status === 'present') totals.present++
      else if (record.status === 'late') totals.lates++
      else if (record.status === 'excused') totals.excused++
      else if (record.status === 'absent') {
        totals.absences++
        absentDays.set(day, (absentDays.get(day) ?? new Set()).add(record.halfDay ?? null))
      }
    })
  }

  return [...lines.values()].flatMap((line) =>
    line.map(({ totals, absentDays }) => ({
      ...totals,
      daysAbsent: absentDays.size,
      halfDaysAbsent: [...absentDays.values()].reduce((sum, halves) => sum + halfDaysOf(halves), 0),
    })),
  )
}
