/**
 * The admin home's dashboard for one school and school year, as its caller may see it. Which
 * parts a caller gets follows the role table (and each part's collection must be readable by
 * the caller under Payload's own rule); every figure is then one aggregate query on the
 * tables, limited to that school, which the caller's staff rule (`school` in their schools)
 * or IT's reach has granted: a Local API read would build a document per row, and a year of
 * a 5,000-pupil school's attendance is close to a million rows.
 */
import { sql } from '@payloadcms/db-postgres'
import type { CollectionSlug, PayloadRequest } from 'payload'
import type { ID } from '../access/ids'
import { schoolsOf } from '../access/predicates'
import { schoolToday } from '../api/request'
import { dbOf } from '../db/session'
import {
  attendanceFigures,
  expenseFigures,
  isMonth,
  lastEndedTerm,
  monthOf,
  monthSpan,
  moneyFigures,
  resultFigures,
  studentFigures,
  type AbsenceRow,
  type ExpenseTotalRow,
  type HeadcountRow,
  type InvoiceRow,
} from '../domain/dashboard'
import { hasAnyRole } from '../domain/roles'
import { dayEnd, dayStart } from './links'
import { termPercentages } from './termResults'

export type DashboardQuery = { school?: string | null; year?: string | null; month?: string | null; today?: string }

/**
 * What each role's dashboard holds. Teachers have none: their reach is their own courses, so a
 * class's pass rate would count only their subjects, and their home is the workspace.
 */
export const dashboardParts = (user: unknown) => {
  const direction = hasAnyRole(user, ['it', 'admin'])
  const registers = direction || hasAnyRole(user, ['secretariat'])
  const money = direction || hasAnyRole(user, ['finance'])
  return {
    students: registers || money,
    // Finance reads pupils' names and classes only, not their sex.
    sexes: registers,
    attendance: registers,
    results: registers,
    money,
    expenses: money,
  }
}
export type DashboardParts = ReturnType<typeof dashboardParts>

/** Payload's read rule for the collection grants the caller something. */
const readable = async (req: PayloadRequest, collection: CollectionSlug) => (await req.payload.collections[collection].config.access.read!({ req })) !== false

const kinshasaDay = (column: ReturnType<typeof sql.raw>) => sql`to_char(${column} at time zone '+01:00'::interval, 'YYYY-MM-DD')`

const minor = (value: unknown) => Number(value ?? 0)

/**
 * The schools the caller may open a dashboard for (IT: every school; staff: their own), the one
 * chosen (`query.school`, else the first), its years and the chosen one (`query.year`, else the
 * current), and the parts of it the caller may see, each with its figures; `null` when the
 * caller has no dashboard.
 */
export const loadDashboard = async (req: PayloadRequest, query: DashboardQuery = {}) => {
  const user = req.user
  const roles = dashboardParts(user)
  if (!user || !Object.values(roles).some(Boolean)) return null
  const it = hasAnyRole(user, ['it'])
  const mine = schoolsOf(req)
  if (!it && !mine.length) return null
  const schools = (
    await req.payload.find({ collection: 'schools', depth: 0, pagination: false, sort: 'name', overrideAccess: false, select: { name: true, code: true }, ...(it ? {} : { where: { id: { in: mine } } }), req })
  ).docs
  const school = schools.find((s) => String(s.id) === query.school) ?? schools[0]
  if (!school) return null
  const years = (
    await req.payload.find({ collection: 'school-years', where: { school: { equals: school.id } }, depth: 0, pagination: false, sort: '-startDate', overrideAccess: false, select: { name: true, current: true, startDate: true }, req })
  ).docs
  const year = years.find((y) => String(y.id) === query.year) ?? years.find((y) => y.current) ?? years[0]
  const today = query.today ?? schoolToday()
  const month = isMonth(query.month) ? query.month : monthOf(today)
  const span = monthSpan(month, today)
  const [students, attendance, results, invoices, expenses] = await Promise.all(
    (['students', 'attendance', 'grades', 'invoices', 'expenses'] as const).map((slug) => readable(req, slug === 'students' ? 'enrollments' : slug)),
  )
  const parts: DashboardParts = {
    students: roles.students && students,
    sexes: roles.sexes && students,
    attendance: roles.attendance && attendance,
    results: roles.results && results,
    money: roles.money && invoices,
    expenses: roles.expenses && expenses,
  }
  const base = { schools, school, years, year: year ?? null, month, span, parts }
  if (!year) return { ...base, students: null, attendance: null, results: null, money: null, expenses: null, term: null }

  const db = await dbOf(req)
  const rows = async <T>(query: ReturnType<typeof sql>) => (await db.execute(query)).rows as T[]
  const [s, y] = [school.id, year.id]
  // Pupils of the year: in their class now, or to its end for a closed year.
  const counted = sql`e.school_id = ${s} and e.school_year_id = ${y} and e.status in ('active', 'completed')`

  const headcounts = async () =>
    (
      await rows<Record<string, unknown>>(sql`
        select c.level_id as level, l.name as level_name, l."order" as level_order, c.id as class, c.name as class_name, c.code as class_code,
               ${parts.sexes ? sql`st.sex` : sql`null`} as sex, count(distinct e.student_id)::int as count
        from enrollments e join classes c on c.id = e.class_id join levels l on l.id = c.level_id join students st on st.id = e.student_id
        where ${counted}
        group by 1, 2, 3, 4, 5, 6, 7`)
    ).map(
      (r): HeadcountRow => ({
        level: r.level as ID,
        levelName: String(r.level_name),
        levelOrder: Number(r.level_order),
        class: r.class as ID,
        className: String(r.class_name),
        classCode: String(r.class_code ?? ''),
        sex: (r.sex as 'M' | 'F' | null) ?? null,
        count: Number(r.count),
      }),
    )

  const absences = async () => {
    const [enrolled] = await rows<{ n: number }>(sql`select count(distinct e.student_id)::int as n from enrollments e where ${counted}`)
    const found = await rows<Record<string, unknown>>(sql`
      select a.student_id as student, st.full_name, min(c.code) as class_code, ${kinshasaDay(sql.raw('a.date'))} as day,
             count(*) filter (where a.status = 'absent')::int as absent, count(*) filter (where a.status = 'excused')::int as excused,
             count(*) filter (where a.status = 'late')::int as late
      from attendance a join classes c on c.id = a.class_id join students st on st.id = a.student_id
      where a.school_id = ${s} and c.school_year_id = ${y} and a.status <> 'present'
        and a.date >= ${dayStart(span.from)}::timestamptz and a.date <= ${dayEnd(span.upTo)}::timestamptz
      group by 1, 2, 4`)
    const list: AbsenceRow[] = found.map((r) => ({
      student: r.student as ID,
      fullName: String(r.full_name ?? ''),
      classCode: String(r.class_code ?? ''),
      day: String(r.day),
      absent: Number(r.absent),
      excused: Number(r.excused),
      late: Number(r.late),
    }))
    return attendanceFigures(list, enrolled?.n ?? 0, span)
  }

  const terms = (
    await req.payload.find({ collection: 'terms', where: { schoolYear: { equals: y } }, depth: 0, pagination: false, overrideAccess: false, select: { name: true, code: true, endDate: true }, req })
  ).docs.map((term) => ({ id: term.id, name: term.name, code: term.code ?? '', endDate: String(term.endDate) }))
  const term = lastEndedTerm(terms, today)

  const classResults = async () => (term ? resultFigures(await termPercentages(req, s, y, term.id)) : null)

  const money = async () =>
    moneyFigures(
      (
        await rows<Record<string, unknown>>(sql`
          select c.id as class, c.name as class_name, c.code as class_code, i.currency, array_agg(distinct i.student_id) as students, count(*)::int as invoices,
                 coalesce(sum(i.total), 0)::text as total, coalesce(sum(i.paid), 0)::text as paid, coalesce(sum(i.balance), 0)::text as balance
          from invoices i
          -- The pupil's class that year: the latest enrollment of the invoice's year, as the finance reports count it.
          left join lateral (select e.class_id from enrollments e where e.student_id = i.student_id and e.school_year_id = i.school_year_id
                             order by e.start_date desc nulls last, e.id desc limit 1) e on true
          left join classes c on c.id = e.class_id
          where i.school_id = ${s} and i.school_year_id = ${y} and i.status is distinct from 'void'
          group by 1, 2, 3, 4`)
      ).map(
        (r): InvoiceRow => ({
          class: (r.class as ID) ?? null,
          className: String(r.class_name ?? ''),
          classCode: String(r.class_code ?? ''),
          currency: r.currency as InvoiceRow['currency'],
          students: r.students as ID[],
          invoices: Number(r.invoices),
          total: minor(r.total),
          paid: minor(r.paid),
          balance: minor(r.balance),
        }),
      ),
    )

  const spending = async () =>
    expenseFigures(
      (
        await rows<Record<string, unknown>>(sql`
          select category, currency, coalesce(status, 'submitted') as status, count(*)::int as count, sum(amount)::text as amount
          from expenses
          where school_id = ${s} and status is distinct from 'rejected' and date >= ${dayStart(span.from)}::timestamptz and date <= ${dayEnd(span.to)}::timestamptz
          group by 1, 2, 3`)
      ).map((r): ExpenseTotalRow => ({ category: String(r.category), currency: r.currency as ExpenseTotalRow['currency'], status: r.status as ExpenseTotalRow['status'], count: Number(r.count), amount: minor(r.amount) })),
    )

  const [studentsOut, attendanceOut, resultsOut, moneyOut, expensesOut] = await Promise.all([
    parts.students ? headcounts().then(studentFigures) : null,
    parts.attendance ? absences() : null,
    parts.results ? classResults() : null,
    parts.money ? money() : null,
    parts.expenses ? spending() : null,
  ])
  return { ...base, term, students: studentsOut, attendance: attendanceOut, results: resultsOut, money: moneyOut, expenses: expensesOut }
}

export type Dashboard = NonNullable<Awaited<ReturnType<typeof loadDashboard>>>
