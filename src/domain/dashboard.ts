/**
 * The figures of the admin home's dashboard, from rows the loader has already aggregated and
 * scoped: headcounts, attendance of a month, a term's results, the year's invoicing and a
 * month's expenses. Money stays in minor units per currency, never converted or added across.
 */
import type { ID } from '../access/ids'
import { round } from './grading'
import type { Currency } from './money'

const key = (id: ID | null) => String(id)
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null)

// ---------------------------------------------------------------- dates

/** `YYYY-MM` of a day. */
export const monthOf = (day: string) => day.slice(0, 7)

export const isMonth = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value)

/** The month's first and last days, and the last one counted: today when the month is the current one. */
export const monthSpan = (month: string, today: string) => {
  const [y, m] = month.split('-').map(Number)
  const from = `${month}-01`
  const to = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
  return { from, to, upTo: today >= from && today < to ? today : to }
}

/** Monday to Friday from `from` to `to`, both included, as `YYYY-MM-DD`. */
export const weekdays = (from: string, to: string) => {
  const days: string[] = []
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += 86_400_000) {
    const day = new Date(at)
    if (day.getUTCDay() % 6 !== 0) days.push(day.toISOString().slice(0, 10))
  }
  return days
}

/** The last term that has ended by `today` (the one whose results are in), or null before the first ends. */
export const lastEndedTerm = <T extends { endDate: string }>(terms: T[], today: string): T | null =>
  terms.filter((term) => term.endDate.slice(0, 10) < today).sort((a, b) => (a.endDate < b.endDate ? 1 : -1))[0] ?? null

// ---------------------------------------------------------------- students

/** Pupils counted per class and sex; `sex` null when the caller may not read it (finance). */
export type HeadcountRow = { level: ID; levelName: string; levelOrder: number; class: ID; className: string; classCode: string; sex: 'M' | 'F' | null; count: number }
type Sexes = { M: number; F: number }

/** Totals per level (in the school's order) and per class (by code), with the split by sex when known. */
export const studentFigures = (rows: HeadcountRow[]) => {
  const withSex = rows.length > 0 && rows.every((row) => row.sex !== null)
  const levels = new Map<string, { id: ID; name: string; order: number; total: number; sexes: Sexes }>()
  const classes = new Map<string, { id: ID; name: string; code: string; level: ID; total: number; sexes: Sexes }>()
  for (const row of rows) {
    const level = levels.get(key(row.level)) ?? { id: row.level, name: row.levelName, order: row.levelOrder, total: 0, sexes: { M: 0, F: 0 } }
    const klass = classes.get(key(row.class)) ?? { id: row.class, name: row.className, code: row.classCode, level: row.level, total: 0, sexes: { M: 0, F: 0 } }
    for (const tally of [level, klass]) {
      tally.total += row.count
      if (row.sex) tally.sexes[row.sex] += row.count
    }
    levels.set(key(row.level), level)
    classes.set(key(row.class), klass)
  }
  const sexes = (tally: { sexes: Sexes }) => (withSex ? tally.sexes : null)
  return {
    total: rows.reduce((sum, row) => sum + row.count, 0),
    sexes: withSex ? rows.reduce((sum, row) => ({ ...sum, [row.sex!]: sum[row.sex!] + row.count }), { M: 0, F: 0 }) : null,
    levels: [...levels.values()].sort((a, b) => a.order - b.order).map(({ order: _order, ...level }) => ({ ...level, sexes: sexes(level) })),
    classes: [...classes.values()].sort((a, b) => a.code.localeCompare(b.code, 'fr', { numeric: true })).map((klass) => ({ ...klass, sexes: sexes(klass) })),
  }
}

// ---------------------------------------------------------------- attendance

/** One pupil's records other than `present` on one day. */
export type AbsenceRow = { student: ID; fullName: string; classCode: string; day: string; absent: number; excused: number; late: number }

/**
 * A month's attendance: pupil-days present out of pupil-days expected (every enrolled pupil on
 * every weekday counted, and any other day a roll was taken); a pupil absent for part of a day
 * (a lesson, a half-day), excused or not, counts as absent that day. The most absent first by
 * days absent, then unexcused absences, then name.
 */
export const attendanceFigures = (rows: AbsenceRow[], enrolled: number, span: { from: string; upTo: string }, top = 10) => {
  const inSpan = rows.filter((row) => row.day >= span.from && row.day <= span.upTo)
  const days = [...new Set([...weekdays(span.from, span.upTo), ...inSpan.map((row) => row.day)])].sort()
  const absentOn = new Map<string, number>()
  const pupils = new Map<string, { student: ID; fullName: string; classCode: string; days: number; absent: number; excused: number; late: number }>()
  for (const row of inSpan) {
    const away = row.absent + row.excused > 0
    if (away) absentOn.set(row.day, (absentOn.get(row.day) ?? 0) + 1)
    const pupil = pupils.get(key(row.student)) ?? { student: row.student, fullName: row.fullName, classCode: row.classCode, days: 0, absent: 0, excused: 0, late: 0 }
    pupil.days += away ? 1 : 0
    pupil.absent += row.absent
    pupil.excused += row.excused
    pupil.late += row.late
    pupils.set(key(row.student), pupil)
  }
  const expected = enrolled * days.length
  const away = [...absentOn.values()].reduce((sum, n) => sum + n, 0)
  return {
    enrolled,
    schoolDays: days.length,
    absentPupilDays: away,
    rate: ratio(expected - away, expected),
    days: days.map((day) => ({ day, absent: absentOn.get(day) ?? 0, rate: ratio(enrolled - (absentOn.get(day) ?? 0), enrolled) })),
    mostAbsent: [...pupils.values()]
      .filter((pupil) => pupil.days > 0)
      .sort((a, b) => b.days - a.days || b.absent - a.absent || a.fullName.localeCompare(b.fullName, 'fr'))
      .slice(0, top),
  }
}

// ---------------------------------------------------------------- results

/** A class's pupils' percentages for the term (null: nothing counted for the pupil). */
export type ClassResultRow = { class: ID; name: string; code: string; percentages: (number | null)[] }

const resultLine = (percentages: (number | null)[], passMark: number) => {
  const counted = percentages.filter((p): p is number => p !== null)
  const passed = counted.filter((p) => p >= passMark).length
  return {
    pupils: percentages.length,
    counted: counted.length,
    passed,
    passRate: ratio(passed, counted.length),
    average: counted.length ? round(counted.reduce((sum, p) => sum + p, 0) / counted.length, 1) : null,
  }
}

/** Per class and for the school: pupils with a result, how many reach the pass mark (50 %, as the rollover decides), the average percentage. */
export const resultFigures = (classes: ClassResultRow[], passMark = 50) => ({
  passMark,
  school: resultLine(classes.flatMap((klass) => klass.percentages), passMark),
  classes: classes.map(({ percentages, ...klass }) => ({ ...klass, ...resultLine(percentages, passMark) })),
})

// ---------------------------------------------------------------- money

/**
 * The year's invoices (void ones left out) of a class in one currency, in minor units, and the
 * pupils they bill; `class` null for pupils without an enrollment that year.
 */
export type InvoiceRow = { class: ID | null; className: string; classCode: string; currency: Currency; students: ID[]; invoices: number; total: number; paid: number; balance: number }

const moneyLine = (rows: InvoiceRow[]) => {
  const [invoiced, collected, outstanding] = (['total', 'paid', 'balance'] as const).map((field) => rows.reduce((sum, row) => sum + row[field], 0))
  return { invoices: rows.reduce((sum, row) => sum + row.invoices, 0), invoiced, collected, outstanding, rate: ratio(collected, invoiced) }
}

/** Invoiced, collected and outstanding per currency, and per class and currency with the collection rate. */
export const moneyFigures = (rows: InvoiceRow[]) => {
  const currencies = [...new Set(rows.map((row) => row.currency))].sort()
  return {
    currencies: currencies.map((currency) => ({ currency, ...moneyLine(rows.filter((row) => row.currency === currency)) })),
    classes: [...rows]
      .sort((a, b) => a.currency.localeCompare(b.currency) || (a.class === null ? 1 : b.class === null ? -1 : a.classCode.localeCompare(b.classCode, 'fr', { numeric: true })))
      .map((row) => ({ class: row.class, name: row.className, code: row.classCode, currency: row.currency, students: row.students, ...moneyLine([row]) })),
  }
}

// ---------------------------------------------------------------- expenses

/** A month's expenses of one category, currency and status (rejected ones are no spending). */
export type ExpenseTotalRow = { category: string; currency: Currency; status: 'approved' | 'submitted'; count: number; amount: number }

/** Per currency and per category: approved and still awaiting the direction's decision. */
export const expenseFigures = (rows: ExpenseTotalRow[]) => {
  const tally = (selected: ExpenseTotalRow[]) => ({
    count: selected.reduce((sum, row) => sum + row.count, 0),
    approved: selected.filter((row) => row.status === 'approved').reduce((sum, row) => sum + row.amount, 0),
    submitted: selected.filter((row) => row.status === 'submitted').reduce((sum, row) => sum + row.amount, 0),
  })
  const currencies = [...new Set(rows.map((row) => row.currency))].sort()
  const pairs = [...new Set(rows.map((row) => `${row.currency}|${row.category}`))].sort()
  return {
    currencies: currencies.map((currency) => ({ currency, ...tally(rows.filter((row) => row.currency === currency)) })),
    categories: pairs.map((pair) => {
      const [currency, category] = pair.split('|') as [Currency, string]
      return { category, currency, ...tally(rows.filter((row) => row.currency === currency && row.category === category)) }
    }),
  }
}

/** A rate as the dashboard prints it: "87,5 %" / "87.5%"; a dash when there is nothing to count. */
export const formatRate = (rate: number | null, language: 'fr' | 'en' = 'fr') =>
  rate === null ? '—' : new Intl.NumberFormat(language === 'fr' ? 'fr-CD' : 'en-US', { style: 'percent', maximumFractionDigits: 1 }).format(rate).replace(/[\u202f\u00a0]/g, ' ')
