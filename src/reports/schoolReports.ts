/**
 * `GET /api/school-reports/:report?class=&from=&to=&term=&upTo=&format=json|csv|xlsx|pdf`: a
 * class's reports, read with the caller's rights. `class-list` (IT, the direction, the
 * secretariat, the class's teachers; finance: matricules and names only), `attendance` (`from`
 * and `to`, or a `term`'s dates) and `results` (`term`, or `upTo` a Congolese bulletin; the year
 * by default) for IT, the direction, the secretariat and the class's teachers (their subjects).
 */
import { APIError, type Endpoint, type PayloadRequest } from 'payload'
import { idOf, type ID } from '../access/ids'
import { schoolsOf } from '../access/predicates'
import { taughtClassIds, within } from '../access/scopes'
import { needUser } from '../api/request'
import type { AttendanceStatus, HalfDay } from '../domain/attendance'
import type { ReportTable } from '../domain/financeReports'
import type { RdcCourseResult } from '../domain/grading'
import { rankedColumn } from '../domain/results'
import { hasAnyRole, type Role } from '../domain/roles'
import { attendanceReport, classListReport, resultsReport } from '../domain/schoolReports'
import { dayOf } from '../domain/timetable'
import { asLanguage, tReq } from '../i18n'
import { loadClassResults } from '../results/classResults'
import { invalid } from '../../hooks/invalid'
import { studentsInOrder } from '../../collections/academics/classRoster'
import { reportCsv, reportJson, reportPdf, reportXlsx, type ReportMeta } from './render'

export const schoolReports = ['class-list', 'attendance', 'results'] as const
export type SchoolReport = (typeof schoolReports)[number]
export const schoolReportFormats = ['json', 'csv', 'xlsx', 'pdf'] as const
const maxDays = 366

/** Who may ask for each report at all; which class is the class's own rule, then the teacher's. */
const readers: Record<SchoolReport, Role[]> = {
  'class-list': ['it', 'admin', 'secretariat', 'teacher', 'finance'],
  attendance: ['it', 'admin', 'secretariat', 'teacher'],
  results: ['it', 'admin', 'secretariat', 'teacher'],
}

type Klass = { id: ID; name: string; code: string; school: ID; schoolYear: ID }

/**
 * The class, if the caller reads it (else 404, as for a class that does not exist), and how
 * much of it: everything for IT and the school's direction and secretariat and the class's
 * teachers, names only for the school's finance.
 */
const classFor = async (req: PayloadRequest, report: SchoolReport, id: string | null): Promise<{ klass: Klass; namesOnly: boolean }> => {
  if (!id) throw invalid(req, [{ path: 'class', message: tReq(req, 'errors.schoolReports.classRequired') }])
  const found = /^\d+$/.test(id) ? await req.payload.findByID({ collection: 'classes', id, depth: 0, overrideAccess: false, req, disableErrors: true }) : null
  if (!found) throw new APIError(tReq(req, 'errors.schoolReports.unknownClass'), 404)
  const klass = { id: found.id, name: found.name, code: found.code, school: idOf(found.school)!, schoolYear: idOf(found.schoolYear)! }
  const ofSchool = schoolsOf(req).map(String).includes(String(klass.school))
  if (hasAnyRole(req.user, ['it']) || (ofSchool && hasAnyRole(req.user, ['admin', 'secretariat']))) return { klass, namesOnly: false }
  if (hasAnyRole(req.user, ['teacher']) && (await within(req, taughtClassIds, klass.id))) return { klass, namesOnly: false }
  if (report === 'class-list' && ofSchool && hasAnyRole(req.user, ['finance'])) return { klass, namesOnly: true }
  throw new APIError(tReq(req, 'errors.schoolReports.forbidden'), 403)
}

const as = (req: PayloadRequest) => ({ req, overrideAccess: false, depth: 0, pagination: false }) as const

/** The class's pupils now, in register order, as the caller reads them. */
const rosterOf = async (req: PayloadRequest, klass: Klass, extra: ID[] = []) => {
  const enrolled = await req.payload.find({ collection: 'enrollments', where: { class: { equals: klass.id }, status: { equals: 'active' } }, select: { student: true }, ...as(req) })
  const ids = [...new Set([...enrolled.docs.map((e) => String(idOf(e.student))), ...extra.map(String)])]
  return studentsInOrder(req, ids, {
    select: { matricule: true, fullName: true, lastName: true, postName: true, firstName: true, sex: true, birthDate: true, guardians: true },
    populate: { guardians: { phone: true } },
  })
}

const classList = async (req: PayloadRequest, klass: Klass, namesOnly: boolean) => {
  const pupils = await rosterOf(req, klass)
  return classListReport(
    pupils.map((p) => ({
      matricule: p.matricule ?? '',
      fullName: p.fullName ?? '',
      sex: p.sex,
      birthDate: p.birthDate,
      guardianPhones: ((p.guardians ?? []) as unknown[]).map((g) => (typeof g === 'object' && g ? ((g as { phone?: string | null }).phone ?? '') : '')),
    })),
    { namesOnly },
  )
}

/** The days asked for: `from` and `to`, or the term's; a year at most. */
const periodOf = async (req: PayloadRequest, klass: Klass, query: URLSearchParams) => {
  const term = query.get('term')
  if (term && !query.get('from') && !query.get('to')) {
    const found = /^\d+$/.test(term) ? await req.payload.findByID({ collection: 'terms', id: term, depth: 0, overrideAccess: false, req, disableErrors: true }) : null
    const doc = found && String(idOf(found.schoolYear)) === String(klass.schoolYear) ? found : null
    if (!doc) throw invalid(req, [{ path: 'term', message: tReq(req, 'errors.schoolReports.termNotOfYear') }])
    return { from: dayOf(doc.startDate)!, to: dayOf(doc.endDate)!, term: doc.name }
  }
  const [from, to] = [dayOf(query.get('from') ?? ''), dayOf(query.get('to') ?? '')]
  const span = from && to ? (Date.parse(to) - Date.parse(from)) / 86_400_000 : -1
  if (!from || !to || span < 0 || span >= maxDays) throw invalid(req, [{ path: from ? 'to' : 'from', message: tReq(req, 'errors.schoolReports.badRange', { max: maxDays }) }])
  return { from, to, term: null }
}

const attendance = async (req: PayloadRequest, klass: Klass, from: string, to: string) => {
  const records = (
    await req.payload.find({
      collection: 'attendance',
      where: { class: { equals: klass.id }, date: { greater_than_equal: `${from}T00:00:00.000Z`, less_than_equal: `${to}T23:59:59.999Z` } },
      select: { student: true, date: true, status: true, halfDay: true },
      ...as(req),
    })
  ).docs.map((r) => ({ student: idOf(r.student)!, date: r.date, status: r.status as AttendanceStatus, halfDay: (r.halfDay ?? null) as HalfDay | null }))
  // Pupils who left the class during the period keep their lines.
  const pupils = await rosterOf(req, klass, records.map((r) => r.student))
  return attendanceReport(pupils.map((p) => ({ id: p.id, matricule: p.matricule ?? '', fullName: p.fullName ?? '' })), records, from, to)
}

const results = async (req: PayloadRequest, klass: Klass, query: URLSearchParams) => {
  const figures = await loadClassResults(req, klass.id, { term: query.get('term'), upTo: query.get('upTo') })
  const ids = figures.students.map((line) => line.student)
  const matricules = ids.length
    ? new Map((await req.payload.find({ collection: 'students', where: { id: { in: ids } }, select: { matricule: true }, ...as(req) })).docs.map((s) => [String(s.id), s.matricule ?? '']))
    : new Map<string, string>()
  const pupils = figures.students.map((line) => ({
    matricule: matricules.get(String(line.student)) ?? '',
    fullName: line.fullName,
    average: figures.scheme === 'french' ? (line as { average: number | null }).average : line.percentage,
    rank: line.rank,
  }))
  const subjects = figures.subjects.map((subject, j) => {
    if (figures.scheme === 'french') return { name: subject.name, maximum: 20, marks: figures.students.map((line) => (line as { subjects: { average: number | null }[] }).subjects[j].average) }
    const upTo = figures.bulletin ?? 'year'
    const points = figures.students.map((line) => rankedColumn(upTo, (line as { courses: RdcCourseResult[] }).courses[j]))
    return { name: subject.name, maximum: points.find((p) => p)?.maximum ?? null, marks: points.map((p) => p?.points ?? null) }
  })
  const term = figures.term == null ? null : (await req.payload.findByID({ collection: 'terms', id: figures.term, depth: 0, overrideAccess: false, req, disableErrors: true }))?.name
  return { tables: resultsReport({ scheme: figures.scheme, subjects, pupils, classAverage: figures.statistics.average }), term: term ?? (figures.bulletin && figures.bulletin !== 'year' ? figures.bulletin : null) }
}

/**
 * A report as its tables and what its title says, for the caller, from the query's `class`,
 * `from`, `to`, `term` and `upTo`; bad parameters are refused, naming them.
 */
export const schoolReport = async (req: PayloadRequest, report: string, query: URLSearchParams) => {
  needUser(req)
  if (!schoolReports.includes(report as SchoolReport)) throw new APIError(tReq(req, 'errors.schoolReports.unknownReport', { reports: schoolReports.join(', ') }), 404)
  const name = report as SchoolReport
  if (!hasAnyRole(req.user, readers[name])) throw new APIError(tReq(req, 'errors.schoolReports.forbidden'), 403)
  const { klass, namesOnly } = await classFor(req, name, query.get('class'))
  // The letterhead only: a teacher who reads the class may not read the school's record.
  const school = await req.payload.findByID({ collection: 'schools', id: klass.school, depth: 0, overrideAccess: true, req })
  const language = asLanguage(req.i18n?.language)
  const meta: ReportMeta = { report: name, school, subject: `${klass.name} (${klass.code})`, language }
  if (name === 'class-list') return { tables: await classList(req, klass, namesOnly) as ReportTable | ReportTable[], meta, klass }
  if (name === 'attendance') {
    const { from, to, term } = await periodOf(req, klass, query)
    return { tables: await attendance(req, klass, from, to), meta: { ...meta, from, to, subject: [meta.subject, term].filter(Boolean).join(' — ') }, klass }
  }
  const { tables, term } = await results(req, klass, query)
  return { tables, meta: { ...meta, subject: [meta.subject, term].filter(Boolean).join(' — ') }, klass }
}

const types = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const

export const schoolReportsEndpoint: Endpoint = {
  path: '/school-reports/:report',
  method: 'get',
  handler: async (req) => {
    needUser(req)
    const report = String(req.routeParams?.report)
    const format = req.searchParams.get('format') ?? 'json'
    if (!schoolReportFormats.includes(format as 'json')) throw invalid(req, [{ path: 'format', message: tReq(req, 'errors.reports.badFormat') }])
    const { tables, meta, klass } = await schoolReport(req, report, req.searchParams)
    if (format === 'json') return Response.json(reportJson(tables, meta))
    const data = format === 'csv' ? reportCsv(tables, meta) : format === 'xlsx' ? await reportXlsx(tables, meta) : await reportPdf(tables, meta)
    const name = `${report}-${klass.code}${meta.from ? `-${meta.from}_${meta.to}` : ''}.${format}`.replace(/[^\w.-]+/g, '_')
    return new Response(typeof data === 'string' ? data : new Uint8Array(data), {
      headers: { 'Content-Type': types[format as keyof typeof types], 'Content-Disposition': `${format === 'pdf' ? 'inline' : 'attachment'}; filename="${name}"`, 'Cache-Control': 'private, no-store' },
    })
  },
}
