/**
 * The school's reports a director asks for, as tables of the finance reports' model: a class
 * list, a class's attendance over a period, a class's results for a term. Plain rows in, columns
 * and rows and totals out; column keys name translations (`reports.columns.<key>`).
 */
import type { ID } from '../access/ids'
import type { AttendanceRecord, AttendanceStatus, HalfDay } from './attendance'
import { classStatistics, round } from './grading'
import type { ReportColumn, ReportRow, ReportTable } from './financeReports'
import { dayOf } from './timetable'

const byText = (a: string, b: string) => a.localeCompare(b, 'fr')

// ---------------------------------------------------------------- class list

export type ClassListPupil = { matricule: string; fullName: string; sex?: string | null; birthDate?: string | null; guardianPhones?: string[] }

/**
 * The class's pupils in the order given (the register's), numbered. `names` only: the matricule
 * and name, for readers who may see no more (finance).
 */
export const classListReport = (pupils: ClassListPupil[], { namesOnly = false } = {}): ReportTable => ({
  columns: [
    { key: 'number', kind: 'number' },
    { key: 'matricule', kind: 'text' },
    { key: 'fullName', kind: 'text', width: 3 },
    ...(namesOnly
      ? []
      : ([
          { key: 'sex', kind: 'text', width: 0.6 },
          { key: 'birthDate', kind: 'date' },
          { key: 'guardianPhones', kind: 'text', width: 2.4 },
        ] as ReportColumn[])),
  ],
  rows: pupils.map((pupil, i) => ({
    number: i + 1,
    matricule: pupil.matricule,
    fullName: pupil.fullName,
    ...(namesOnly ? {} : { sex: pupil.sex ?? '', birthDate: pupil.birthDate ? dayOf(pupil.birthDate) : null, guardianPhones: (pupil.guardianPhones ?? []).filter(Boolean).join(', ') }),
  })),
  totals: [],
})

// ---------------------------------------------------------------- attendance

export type HalfDayTally = { present: number; absent: number; late: number; excused: number }
const worst: AttendanceStatus[] = ['present', 'late', 'excused']

/**
 * A pupil's half-days on one date, counted as the report card counts its absences
 * (`attendanceTotals`' `halfDaysAbsent`): the distinct half-days of the unexcused absences, at
 * least one. The other half-days named by a record count once each, under the worst status of
 * that half (excused, then late, then present); a date whose records name no half and hold no
 * absence is one half-day under its worst status. A record without a half on a date that names
 * one adds nothing, since it may be that very half.
 */
const tallyOfDate = (records: { status: AttendanceStatus; halfDay?: HalfDay | null }[], tally: HalfDayTally) => {
  const absent = records.filter((r) => r.status === 'absent')
  const absentHalves = new Set(absent.map((r) => r.halfDay).filter(Boolean))
  if (absent.length) tally.absent += Math.max(1, absentHalves.size)
  const others = records.filter((r) => r.status !== 'absent')
  const statusOf = (rows: typeof others) => worst[Math.max(...rows.map((r) => worst.indexOf(r.status)))] as keyof HalfDayTally
  const named = new Set(others.map((r) => r.halfDay).filter((half): half is HalfDay => Boolean(half) && !absentHalves.has(half)))
  for (const half of named) tally[statusOf(others.filter((r) => r.halfDay === half))]++
  const anyNamed = records.some((r) => r.halfDay)
  if (!absent.length && !anyNamed && others.length) tally[statusOf(others)]++
}

/** Present or late, out of every half-day with a record, in percent (one decimal); null without any. */
export const attendanceRate = ({ present, absent, late, excused }: HalfDayTally) => {
  const all = present + absent + late + excused
  return all ? round(((present + late) / all) * 100, 1) : null
}

/** Each pupil's half-days present, absent (unexcused), late and excused between `from` and `to` (days, inclusive). */
export const halfDayTallies = (records: AttendanceRecord[], from: string, to: string) => {
  const byPupil = new Map<string, Map<string, AttendanceRecord[]>>()
  for (const record of records) {
    const day = dayOf(record.date)
    if (!day || day < from || day > to) continue
    const dates = byPupil.get(String(record.student)) ?? new Map<string, AttendanceRecord[]>()
    dates.set(day, [...(dates.get(day) ?? []), record])
    byPupil.set(String(record.student), dates)
  }
  const tallies = new Map<string, HalfDayTally>()
  for (const [student, dates] of byPupil) {
    const tally = { present: 0, absent: 0, late: 0, excused: 0 }
    for (const day of dates.values()) tallyOfDate(day, tally)
    tallies.set(student, tally)
  }
  return tallies
}

/** Every pupil of the register (in its order) with their half-days and rate, and the class's totals. */
export const attendanceReport = (pupils: { id: ID; matricule: string; fullName: string }[], records: AttendanceRecord[], from: string, to: string): ReportTable => {
  const tallies = halfDayTallies(records, from, to)
  const sum: HalfDayTally = { present: 0, absent: 0, late: 0, excused: 0 }
  const rows = pupils.map((pupil) => {
    const tally = tallies.get(String(pupil.id)) ?? { present: 0, absent: 0, late: 0, excused: 0 }
    for (const key of Object.keys(sum) as (keyof HalfDayTally)[]) sum[key] += tally[key]
    return { matricule: pupil.matricule, fullName: pupil.fullName, ...tally, rate: attendanceRate(tally) }
  })
  return {
    columns: [
      { key: 'matricule', kind: 'text' },
      { key: 'fullName', kind: 'text', width: 3 },
      { key: 'present', kind: 'number' },
      { key: 'absent', kind: 'number' },
      { key: 'late', kind: 'number' },
      { key: 'excused', kind: 'number' },
      { key: 'rate', kind: 'decimal' },
    ],
    rows,
    totals: [{ values: { ...sum, rate: attendanceRate(sum) } }],
  }
}

// ---------------------------------------------------------------- results

export type ResultsReportInput = {
  scheme: 'french' | 'rdc'
  /** Each subject's mark per pupil, in the pupils' order: an average out of 20, or the bulletin's points out of `maximum`. */
  subjects: { name: string; maximum: number | null; marks: (number | null)[] }[]
  /** The ranked figure: the general average out of 20 (French), the percentage (Congolese). */
  pupils: { matricule: string; fullName: string; average: number | null; rank: number | null }[]
  classAverage: number | null
}

/** A mark passes at half its maximum (10/20, 50 %). */
export const passes = (mark: number, maximum: number) => mark * 2 >= maximum

/** Share of the marked pupils who pass, in percent (one decimal); null when nobody has a mark. */
export const passRate = (marks: (number | null)[], maximum: number | null) => {
  const marked = marks.filter((m): m is number => m !== null)
  return marked.length && maximum ? round((marked.filter((m) => passes(m, maximum)).length / marked.length) * 100, 1) : null
}

/**
 * Two tables: per subject the class's average, lowest, highest and pass rate; per pupil the
 * ranked figure and place, best first (pupils without marks last, by name).
 */
export const resultsReport = ({ scheme, subjects, pupils, classAverage }: ResultsReportInput): ReportTable[] => {
  const average = scheme === 'french' ? 'average' : 'percentage'
  const subjectRows: ReportRow[] = subjects.map((subject) => {
    const stats = classStatistics(subject.marks)
    // The lowest and highest are marks as given; only the average is rounded.
    return { subject: subject.name, maximum: subject.maximum, graded: stats.count, average: stats.average === null ? null : round(stats.average, 2), min: stats.min, max: stats.max, passRate: passRate(subject.marks, subject.maximum) }
  })
  const rank = (r: number | null) => r ?? Number.POSITIVE_INFINITY
  const pupilRows = [...pupils]
    .sort((a, b) => rank(a.rank) - rank(b.rank) || byText(a.fullName, b.fullName))
    .map((pupil) => ({ rank: pupil.rank, matricule: pupil.matricule, fullName: pupil.fullName, [average]: pupil.average, result: pupil.average === null ? '' : passes(pupil.average, scheme === 'french' ? 20 : 100) ? 'passed' : 'failed' }))
  return [
    {
      title: 'subjects',
      columns: [
        { key: 'subject', kind: 'text', width: 3 },
        { key: 'maximum', kind: 'decimal' },
        { key: 'graded', kind: 'number' },
        { key: 'average', kind: 'decimal' },
        { key: 'min', kind: 'decimal' },
        { key: 'max', kind: 'decimal' },
        { key: 'passRate', kind: 'decimal' },
      ],
      rows: subjectRows,
      totals: [],
    },
    {
      title: 'pupils',
      columns: [
        { key: 'rank', kind: 'number' },
        { key: 'matricule', kind: 'text' },
        { key: 'fullName', kind: 'text', width: 3 },
        { key: average, kind: 'decimal' },
        { key: 'result', kind: 'text' },
      ],
      rows: pupilRows,
      totals: [{ label: 'classAverage', values: { [average]: classAverage } }],
    },
  ]
}
