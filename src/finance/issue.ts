import { randomBytes } from 'node:crypto'
import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { idOf, type ID } from '../access/ids'
import { insertColumns, type Column } from '../db/bulk'
import { inTransaction } from '../db/transaction'
import { addDays, discountLines, documentNumber, invoiceState, planInvoices, type Discount, type Line, type Schedule } from '../domain/billing'
import type { Currency } from '../domain/money'
import { clientIP } from '../../hooks/audit'
import { dbOf } from '../db/session'
import { billingRunIssued } from './familyNews'
import { sqlIds } from '../db/ids'

type Options = { school: ID; today?: string; student?: ID }
export type IssueResult = { invoices: number; pupils: number; schedules: number }

type ScheduleDoc = Schedule & { id: ID; schoolYear: ID; level: ID | null; class: ID | null; issueDaysBefore: number; yearStart: string }
type Pupil = { student: ID; class: ID; level: ID; schoolYear: ID; startDate: string | null; birthDate: string | null }

/** Ids for a run's array rows, 24 hex digits as Payload's: the time, the run, the row, so the primary key's index grows at its end. */
const rowIds = () => {
  const prefix = `${Math.floor(Date.now() / 1000).toString(16).padStart(8, '0')}${randomBytes(4).toString('hex')}`
  return (n: number) => `${prefix}${n.toString(16).padStart(8, '0')}`
}

const day = (value: unknown) => (value ? new Date(value as string).toISOString().slice(0, 10) : null)
const rows = async <T>(req: PayloadRequest, query: ReturnType<typeof sql>) => ((await (await dbOf(req)).execute(query)).rows as T[])

/** The class's own schedule, else its level's, else the school year's general one. */
const scheduleFor = (schedules: ScheduleDoc[], pupil: Pupil) => {
  const ofYear = schedules.filter((s) => String(s.schoolYear) === String(pupil.schoolYear))
  return (
    ofYear.find((s) => s.class != null && String(s.class) === String(pupil.class)) ??
    ofYear.find((s) => s.class == null && s.level != null && String(s.level) === String(pupil.level)) ??
    ofYear.find((s) => s.class == null && s.level == null)
  )
}

/**
 * Each pupil's rank among the children of their family enrolled that year, the eldest first (as
 * a sibling discount counts them); a family is the children who share a guardian.
 */
const childRanks = (pupils: Pupil[], guardiansOf: Map<string, string[]>) => {
  const byGuardian = new Map<string, Pupil[]>()
  for (const pupil of pupils) for (const g of guardiansOf.get(String(pupil.student)) ?? []) byGuardian.set(g, [...(byGuardian.get(g) ?? []), pupil])
  const older = (a: Pupil, b: Pupil) => (a.birthDate ?? '9999') < (b.birthDate ?? '9999') || ((a.birthDate ?? '9999') === (b.birthDate ?? '9999') && Number(a.student) < Number(b.student))
  const ranks = new Map<string, number>()
  for (const pupil of pupils) {
    const siblings = new Map<string, Pupil>()
    for (const g of guardiansOf.get(String(pupil.student)) ?? []) for (const other of byGuardian.get(g) ?? []) siblings.set(String(other.student), other)
    ranks.set(String(pupil.student), 1 + [...siblings.values()].filter((other) => older(other, pupil)).length)
  }
  return ranks
}

/**
 * Issues the invoices that are due for a school's pupils (of one pupil with `student`): at
 * enrollment the items billed once, and each installment `issueDaysBefore` days ahead of its due
 * date, with the pupil's discounts and the sibling rule. Idempotent on pupil × schedule ×
 * installment: run daily, again, or by two workers at once (a lock per school), it never issues
 * an invoice twice. Set-based, in one transaction: numbers, lines, payers, audit entries and the
 * families' notification.
 * The caller has checked the right to issue (the worker and the command line run as the system).
 */
export const issueInvoices = (req: PayloadRequest, { school, today = new Date().toISOString().slice(0, 10), student }: Options): Promise<IssueResult> =>
  inTransaction(req, async () => {
    await rows(req, sql`select pg_advisory_xact_lock(hashtext('kelasi:issue-invoices'), ${school}::int)`)
    const { docs } = await req.payload.find({ collection: 'fee-schedules', where: { school: { equals: school } }, pagination: false, depth: 1, overrideAccess: true, req })
    const schedules: ScheduleDoc[] = docs.map((doc) => ({
      id: doc.id,
      schoolYear: idOf(doc.schoolYear)!,
      level: idOf(doc.level) ?? null,
      class: idOf(doc.class) ?? null,
      currency: doc.currency as Currency,
      issueDaysBefore: doc.issueDaysBefore ?? 15,
      yearStart: typeof doc.schoolYear === 'object' && doc.schoolYear ? String(doc.schoolYear.startDate).slice(0, 4) : '',
      items: (doc.items ?? []).map((i) => ({ kind: i.kind, label: i.label, amount: Number(i.amount), billing: i.billing })),
      installments: (doc.installments ?? []).map((i) => ({ label: i.label, dueDate: day(i.dueDate)!, weight: Number(i.weight) })),
    }))
    const result: IssueResult = { invoices: 0, pupils: 0, schedules: schedules.length }
    if (!schedules.length) return result
    const years = [...new Set(schedules.map((s) => Number(s.schoolYear)))]
    const pupils = (
      await rows<{ student: number; class: number; level: number; school_year: number; start_date: string | null; birth_date: string | null }>(
        req,
        sql`select e.student_id as student, e.class_id as class, c.level_id as level, e.school_year_id as school_year, e.start_date, s.birth_date
            from enrollments e join classes c on c.id = e.class_id join students s on s.id = e.student_id
            where e.school_id = ${school} and e.status = 'active' and e.school_year_id in (${sqlIds(years)})`,
      )
    ).map((r) => ({ student: r.student, class: r.class, level: r.level, schoolYear: r.school_year, startDate: day(r.start_date), birthDate: day(r.birth_date) }))
    const guardiansOf = new Map<string, string[]>()
    for (const r of await rows<{ student: number; guardian: number }>(
      req,
      sql`select r.parent_id as student, r.guardians_id as guardian from students_rels r join students s on s.id = r.parent_id
          where s.school_id = ${school} and r.path = 'guardians' and r.guardians_id is not null order by r.parent_id, r."order"`,
    ))
      guardiansOf.set(String(r.student), [...(guardiansOf.get(String(r.student)) ?? []), String(r.guardian)])
    const issued = new Set(
      (await rows<{ key: string }>(req, sql`select student_id || ':' || fee_schedule_id || ':' || installment_key as key from invoices where school_id = ${school} and fee_schedule_id is not null`)).map((r) => r.key),
    )
    const discounts = (await req.payload.find({ collection: 'discounts', where: { school: { equals: school }, active: { equals: true } }, pagination: false, depth: 0, overrideAccess: true, req })).docs
    const ranks = childRanks(pupils, guardiansOf)

    type NewInvoice = { pupil: Pupil; schedule: ScheduleDoc; key: string; dueDate: string | null; lines: Line[] }
    const planned: NewInvoice[] = []
    const counted = new Set<string>()
    for (const pupil of pupils) {
      if (student != null && String(pupil.student) !== String(student)) continue
      const schedule = scheduleFor(schedules, pupil)
      if (!schedule) continue
      const own = discounts.filter(
        (d) => String(idOf(d.schoolYear)) === String(pupil.schoolYear) && (d.kind === 'sibling' || String(idOf(d.student)) === String(pupil.student)),
      ) as unknown as Discount[]
      for (const invoice of planInvoices(schedule, pupil.startDate ?? today)) {
        const due = invoice.key === 'enrollment' || (invoice.dueDate != null && addDays(invoice.dueDate, -schedule.issueDaysBefore) <= today)
        if (!due || issued.has(`${pupil.student}:${schedule.id}:${invoice.key}`)) continue
        const lines = [...invoice.lines, ...discountLines(invoice.lines, own, ranks.get(String(pupil.student)))]
        planned.push({ pupil, schedule, key: invoice.key, dueDate: invoice.dueDate, lines })
        counted.add(String(pupil.student))
      }
    }
    result.pupils = counted.size
    if (!planned.length) return result

    // One reservation per sequence: the numbers of this run follow one another, and go back if it fails.
    const numbers = new Map<string, number>()
    for (const yearStart of new Set(planned.map((p) => p.schedule.yearStart))) {
      const count = planned.filter((p) => p.schedule.yearStart === yearStart).length
      const [{ last }] = await rows<{ last: string }>(
        req,
        sql`insert into number_sequences (school_id, key, last, updated_at, created_at) values (${school}, ${`FAC-${yearStart}`}, ${count}, now(), now())
            on conflict (school_id, key) do update set last = number_sequences.last + ${count}, updated_at = now() returning last`,
      )
      numbers.set(yearStart, Number(last) - count)
    }
    const now = new Date().toISOString()
    const invoiceRows = planned.map((p) => {
      const n = numbers.get(p.schedule.yearStart)! + 1
      numbers.set(p.schedule.yearStart, n)
      const state = invoiceState({ lines: p.lines, dueDate: p.dueDate, voided: false }, [], today)
      return {
        school,
        number: documentNumber('FAC', p.schedule.yearStart, n),
        student: p.pupil.student,
        schoolYear: p.pupil.schoolYear,
        currency: p.schedule.currency,
        issueDate: now,
        dueDate: p.dueDate ? `${p.dueDate}T00:00:00.000Z` : null,
        feeSchedule: p.schedule.id,
        installmentKey: p.key,
        total: state.total,
        paid: 0,
        balance: state.balance,
        credit: 0,
        status: state.status,
      }
    })
    const insert = (table: string, columns: Column[]) => insertColumns(req, table, columns)
    const col = <T>(name: string, type: string, pick: (row: (typeof invoiceRows)[number]) => T): Column => [name, type, invoiceRows.map(pick)]
    const ids = await insert('invoices', [
      col('school_id', 'int', (r) => r.school),
      col('number', 'varchar', (r) => r.number),
      col('student_id', 'int', (r) => r.student),
      col('school_year_id', 'int', (r) => r.schoolYear),
      col('currency', 'enum_invoices_currency', (r) => r.currency),
      col('issue_date', 'timestamptz', (r) => r.issueDate),
      col('due_date', 'timestamptz', (r) => r.dueDate),
      col('fee_schedule_id', 'int', (r) => r.feeSchedule),
      col('installment_key', 'varchar', (r) => r.installmentKey),
      col('total', 'numeric', (r) => r.total),
      col('paid', 'numeric', (r) => r.paid),
      col('balance', 'numeric', (r) => r.balance),
      col('credit', 'numeric', (r) => r.credit),
      col('status', 'enum_invoices_status', (r) => r.status),
    ])
    const lineId = rowIds()
    const lines = planned.flatMap((p, i) => p.lines.map((line, order) => ({ order: order + 1, parent: ids[i], ...line })))
    await insert('invoices_lines', [
      ['_order', 'int', lines.map((l) => l.order)],
      ['_parent_id', 'int', lines.map((l) => l.parent)],
      ['id', 'varchar', lines.map((_, n) => lineId(n))],
      ['kind', 'enum_invoices_lines_kind', lines.map((l) => l.kind)],
      ['label', 'varchar', lines.map((l) => l.label)],
      ['amount', 'numeric', lines.map((l) => l.amount)],
    ])
    const payers = planned.flatMap((p, i) => (guardiansOf.get(String(p.pupil.student)) ?? []).map((g, order) => ({ order: order + 1, parent: ids[i], guardian: Number(g) })))
    await insert('invoices_rels', [
      ['order', 'int', payers.map((r) => r.order)],
      ['parent_id', 'int', payers.map((r) => r.parent)],
      ['path', 'varchar', payers.map(() => 'payers')],
      ['guardians_id', 'int', payers.map((r) => r.guardian)],
    ])
    // The audit entries are written from the rows just inserted, in the database: the same
    // before/after as a hook records, without sending 40,000 documents back and forth.
    await rows(
      req,
      sql`with made as (select value::int as id from json_array_elements_text(${JSON.stringify(ids)}::json)),
          lines as (select l._parent_id as id, jsonb_agg(jsonb_build_object('kind', l.kind, 'label', l.label, 'amount', l.amount) order by l._order) as lines
                    from invoices_lines l join made on made.id = l._parent_id group by l._parent_id),
          payers as (select r.parent_id as id, jsonb_agg(r.guardians_id order by r."order") as payers
                     from invoices_rels r join made on made.id = r.parent_id where r.path = 'payers' group by r.parent_id)
          insert into audit_logs (action, collection, document_id, user_id, actor_email, school_id, changes, ip, user_agent)
          select 'create', 'invoices', i.id::text, ${req.user?.id ?? null}::int, ${req.user?.email ?? null}, i.school_id,
            (select jsonb_agg(jsonb_build_object('field', f.key, 'before', null, 'after', f.value) order by f.key)
             from jsonb_each(jsonb_build_object(
               'school', i.school_id, 'number', i.number, 'student', i.student_id, 'schoolYear', i.school_year_id, 'currency', i.currency,
               'issueDate', i.issue_date, 'dueDate', i.due_date, 'feeSchedule', i.fee_schedule_id, 'installmentKey', i.installment_key,
               'total', i.total, 'paid', i.paid, 'balance', i.balance, 'credit', i.credit, 'status', i.status, 'lines', lines.lines, 'payers', payers.payers
             )) f where f.value <> 'null'::jsonb),
            ${clientIP(req) ?? null}, ${req.headers?.get('user-agent') ?? null}
          from made join invoices i on i.id = made.id left join lines on lines.id = i.id left join payers on payers.id = i.id`,
    )
    await billingRunIssued(
      req,
      school,
      invoiceRows.map((row, i) => ({ id: ids[i], student: row.student, payers: guardiansOf.get(String(row.student)) ?? [], number: row.number, total: row.total, currency: row.currency, dueDate: row.dueDate })),
    )
    result.invoices = ids.length
    return result
  })
