/**
 * `GET /api/finance-reports/:report?school=&from=&to=&by=&format=json|csv|xlsx|pdf`: the school's
 * finance reports, read with the caller's rights, for IT, the direction and finance only.
 * Reports: `collections` (by=month|day|class), `aging` (as of `to`, today by default),
 * `cash-position` (approved expenses subtracted), `expenses` (by category).
 */
import { APIError, type Endpoint, type PayloadRequest, type Where } from 'payload'
import { idOf, idsOf, type ID } from '../access/ids'
import { needUser, schoolToday } from '../api/request'
import { agingReport, cashPositionReport, collectionsReport, expensesReport, type ExpenseRow, type PaymentRow, type ReportTable } from '../domain/financeReports'
import { hasAnyRole } from '../domain/roles'
import { asLanguage, tReq } from '../i18n'
import { invalid } from '../../hooks/invalid'
import { reportCsv, reportJson, reportPdf, reportXlsx, type ReportMeta } from './render'

export const financeReports = ['collections', 'aging', 'cash-position', 'expenses'] as const
type Report = (typeof financeReports)[number]
const maxDays = 366

const day = (value: string | null | undefined) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined)
/** The first and last instants of Kinshasa's days (UTC+1). */
const startOf = (d: string) => new Date(Date.parse(`${d}T00:00:00+01:00`)).toISOString()
const endOf = (d: string) => new Date(Date.parse(`${d}T23:59:59.999+01:00`)).toISOString()

const paymentsOf = async (req: PayloadRequest, school: ID, from: string, to: string) => {
  const found = await req.payload.find({
    collection: 'payments',
    // A credit carried from one invoice to the next is no money received: it stays out of collections and cash.
    where: { and: [{ school: { equals: school } }, { status: { equals: 'succeeded' } }, { method: { not_equals: 'credit' } }, { paidAt: { greater_than_equal: startOf(from) } }, { paidAt: { less_than_equal: endOf(to) } }] },
    pagination: false,
    depth: 0,
    overrideAccess: false,
    select: { paidAt: true, amount: true, currency: true, method: true, kind: true, student: true, invoice: true },
    req,
  })
  return found.docs
}

/** The class of each payment's pupil in its invoice's school year (the enrollment the caller may read). */
const withClasses = async (req: PayloadRequest, payments: Awaited<ReturnType<typeof paymentsOf>>): Promise<PaymentRow[]> => {
  const invoiceIds = [...new Set(payments.map((p) => idOf(p.invoice)!))]
  const invoices = invoiceIds.length ? (await req.payload.find({ collection: 'invoices', where: { id: { in: invoiceIds } }, pagination: false, depth: 0, overrideAccess: false, select: { schoolYear: true }, req })).docs : []
  const yearOf = new Map(invoices.map((i) => [String(i.id), String(idOf(i.schoolYear))]))
  const students = [...new Set(payments.map((p) => idOf(p.student)).filter((s) => s != null))] as ID[]
  const enrollments = students.length
    ? (await req.payload.find({ collection: 'enrollments', where: { student: { in: students } }, sort: 'startDate', pagination: false, depth: 1, overrideAccess: false, select: { student: true, class: true, schoolYear: true, status: true }, req })).docs
    : []
  const classOf = new Map<string, string>()
  // The later enrollment of the year wins (a pupil who changed class pays in the new one).
  for (const e of enrollments) {
    const klass = e.class as { code?: string; name?: string } | number
    classOf.set(`${idOf(e.student)}|${idOf(e.schoolYear)}`, typeof klass === 'object' ? (klass.code ?? klass.name ?? '') : String(klass))
  }
  return payments.map((p) => ({
    paidAt: String(p.paidAt),
    amount: p.amount,
    currency: p.currency as PaymentRow['currency'],
    method: p.method ?? 'cash',
    kind: (p.kind ?? 'payment') as PaymentRow['kind'],
    className: classOf.get(`${idOf(p.student)}|${yearOf.get(String(idOf(p.invoice)))}`) ?? '',
  }))
}

const expensesOf = async (req: PayloadRequest, school: ID, from: string, to: string): Promise<ExpenseRow[]> => {
  const found = await req.payload.find({
    collection: 'expenses',
    where: { and: [{ school: { equals: school } }, { date: { greater_than_equal: startOf(from) } }, { date: { less_than_equal: endOf(to) } }] } as Where,
    pagination: false,
    depth: 0,
    overrideAccess: false,
    req,
  })
  return (found.docs as unknown as Record<string, unknown>[]).map((e) => ({
    date: String(e.date ?? '').slice(0, 10),
    category: String(e.category ?? ''),
    amount: Number(e.amount),
    currency: e.currency as ExpenseRow['currency'],
    status: e.status as ExpenseRow['status'],
  }))
}

const agingOf = async (req: PayloadRequest, school: ID, asOf: string) => {
  const invoices = (
    await req.payload.find({
      collection: 'invoices',
      where: { and: [{ school: { equals: school } }, { status: { not_equals: 'void' } }, { balance: { greater_than: 0 } }, { issueDate: { less_than_equal: endOf(asOf) } }] },
      pagination: false,
      depth: 0,
      overrideAccess: false,
      select: { number: true, currency: true, balance: true, dueDate: true, status: true, student: true, payers: true },
      req,
    })
  ).docs
  const guardianIds = [...new Set(invoices.flatMap((i) => idsOf(i.payers)))]
  const studentIds = [...new Set(invoices.map((i) => idOf(i.student)!))]
  const as = { pagination: false, depth: 0, overrideAccess: false, req } as const
  const guardians = guardianIds.length ? (await req.payload.find({ collection: 'guardians', where: { id: { in: guardianIds } }, select: { fullName: true }, ...as })).docs : []
  const students = studentIds.length ? (await req.payload.find({ collection: 'students', where: { id: { in: studentIds } }, select: { fullName: true }, ...as })).docs : []
  const nameOf = new Map<string, string>([...guardians.map((g) => [`g${g.id}`, g.fullName ?? ''] as const), ...students.map((s) => [`s${s.id}`, s.fullName ?? ''] as const)])
  return agingReport(
    invoices.map((i) => ({
      number: i.number ?? '',
      currency: i.currency as 'USD',
      balance: i.balance ?? 0,
      dueDate: i.dueDate ? String(i.dueDate).slice(0, 10) : null,
      status: i.status ?? 'unpaid',
      student: nameOf.get(`s${idOf(i.student)}`) || String(idOf(i.student)),
      payers: idsOf(i.payers).map((id) => ({ id, name: nameOf.get(`g${id}`) || String(id) })),
    })),
    asOf,
  )
}

/** The school asked for, among the caller's (IT: any); the caller's only school by default. */
const schoolOf = async (req: PayloadRequest, given: string | null) => {
  const mine = idsOf(req.user?.schools).map(String)
  const id = given ?? (mine.length === 1 ? mine[0] : undefined)
  if (!id) throw invalid(req, [{ path: 'school', message: tReq(req, 'errors.reports.schoolRequired') }])
  const school = await req.payload.findByID({ collection: 'schools', id, depth: 0, overrideAccess: false, req, disableErrors: true })
  if (!school || (!hasAnyRole(req.user, ['it']) && !mine.includes(String(school.id)))) throw new APIError(tReq(req, 'errors.reports.unknownSchool'), 404)
  return school
}

const build = async (req: PayloadRequest, report: Report, school: ID, from: string, to: string, by: string): Promise<ReportTable> => {
  if (report === 'aging') return agingOf(req, school, to)
  if (report === 'expenses') return expensesReport(await expensesOf(req, school, from, to))
  const payments = await paymentsOf(req, school, from, to)
  if (report === 'cash-position') return cashPositionReport(await withClasses(req, payments), await expensesOf(req, school, from, to))
  if (!['day', 'month', 'class'].includes(by)) throw invalid(req, [{ path: 'by', message: tReq(req, 'errors.reports.badBy') }])
  return collectionsReport(await withClasses(req, payments), by as 'month')
}

const types = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const

/**
 * A report as its table and what its title says, for the caller (IT, the direction, finance),
 * from the query's `school`, `from`, `to` and `by`; bad parameters are refused, naming them.
 */
export const financeReport = async (req: PayloadRequest, report: string, query: URLSearchParams) => {
  needUser(req)
  if (!hasAnyRole(req.user, ['it', 'admin', 'finance'])) throw new APIError(tReq(req, 'errors.reports.forbidden'), 403)
  if (!financeReports.includes(report as Report)) throw new APIError(tReq(req, 'errors.reports.unknownReport', { reports: financeReports.join(', ') }), 404)
  const to = day(query.get('to')) ?? (query.get('to') ? undefined : schoolToday())
  const from = day(query.get('from')) ?? (query.get('from') || report !== 'aging' ? undefined : to)
  const span = from && to ? (Date.parse(to) - Date.parse(from)) / 86_400_000 : -1
  if (!from || !to || span < 0 || span >= maxDays) throw invalid(req, [{ path: 'from', message: tReq(req, 'errors.reports.badRange', { max: maxDays }) }])
  const school = await schoolOf(req, query.get('school'))
  const table = await build(req, report as Report, school.id, from, to, query.get('by') ?? 'month')
  const meta: ReportMeta = { report, school, from: report === 'aging' ? undefined : from, to, language: asLanguage(req.i18n?.language) }
  return { table, meta, from, to }
}

export const financeReportsEndpoint: Endpoint = {
  path: '/finance-reports/:report',
  method: 'get',
  handler: async (req) => {
    const report = String(req.routeParams?.report)
    const { table, meta, from, to } = await financeReport(req, report, req.searchParams)
    const format = req.searchParams.get('format') ?? 'json'
    if (!['json', 'csv', 'xlsx', 'pdf'].includes(format)) throw invalid(req, [{ path: 'format', message: tReq(req, 'errors.reports.badFormat') }])
    if (format === 'json') return Response.json(reportJson(table, meta))
    const data = format === 'csv' ? reportCsv(table, meta) : format === 'xlsx' ? await reportXlsx(table, meta) : await reportPdf(table, meta)
    const name = `${report}-${meta.school.code}-${report === 'aging' ? to : `${from}_${to}`}.${format}`
    return new Response(typeof data === 'string' ? data : new Uint8Array(data), {
      headers: { 'Content-Type': types[format as keyof typeof types], 'Content-Disposition': `${format === 'pdf' ? 'inline' : 'attachment'}; filename="${name}"`, 'Cache-Control': 'private, no-store' },
    })
  },
}
