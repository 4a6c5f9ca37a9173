/**
 * Importing a class list into a school: the sheet reader, the class-list rules and the plan
 * (src/imports/plan.ts) glued to the database. The context is loaded in a few set queries and
 * the writes are multi-row INSERTs (and adapter updates) in one transaction, so 2,000 rows take
 * seconds; the collection hooks are bypassed, so their effects (fullName, audit entries) are
 * written here, after access was checked once for the whole import.
 */
import { APIError, createLocalReq, type Payload, type PayloadRequest, type TypedUser, type Where } from 'payload'
import { idOf, idsOf, type ID } from '../access/ids'
import { schoolToday } from '../api/request'
import { cellText, findHeaderRow, normaliseHeader, parseClassList, type ClassListField, type RowError, type SheetRow } from '../domain/classList'
import type { Change } from '../domain/audit'
import { fullName } from '../domain/names'
import { t } from '../i18n'
import { inserter } from '../db/bulk'
import { adapterRows } from '../db/rows'
import { inTransaction } from '../db/transaction'
import { writeAudit, clientIP } from '../../hooks/audit'
import { SheetError } from '../sheets/errors'
import { readSheet, type CellValue } from '../sheets/read'
import { planImport, type Context, type ParsedList, type Plan, type RowPlan } from './plan'

export type ImportError = { row: number; column?: string; field?: string; code: string; message: string }
export type ImportResult = {
  rows: number
  created: number
  updated: number
  unchanged: number
  rejected: number
  /** New active enrollments among the created and updated rows. */
  enrolled: number
  dryRun: boolean
  errors: ImportError[]
}
export type ImportOptions = {
  file: Buffer
  fileName?: string
  school: ID
  /** The class of every row (code or name, current school year); else each row's "Classe". */
  classCode?: string
  dryRun: boolean
  /** The caller, whose access rules apply; neither user nor req: the system (the command line). */
  user?: TypedUser
  req?: PayloadRequest
  onProgress?: (done: number, total: number) => void
}
export type ClassListSheet = ParsedList & { headerCells: CellValue[]; cells: Map<number, CellValue[]> }

const maxBytes = () => Number(process.env.KELASI_MAX_UPLOAD_BYTES || 10 * 1024 * 1024)
const refusal = (language: unknown, message: string, status = 400) => new APIError(`${message} ${t(language, 'errors.import.nothingImported')}`, status)

/** Figures as the reader writes them: "10 000", "12,5". */
const readable = (params: Record<string, string | number>, language: unknown) =>
  Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'number' ? value.toLocaleString(language === 'en' ? 'en-GB' : 'fr-FR') : value]))

/** The sheet read and parsed; a file that cannot be a class list is refused as a whole. */
export const readClassList = async (file: Buffer, language?: unknown): Promise<ClassListSheet> => {
  let rows: SheetRow<CellValue>[]
  try {
    rows = (await readSheet(file, { maxBytes: maxBytes() })).rows
  } catch (error) {
    if (error instanceof SheetError) throw refusal(language, t(language, `errors.import.sheet.${error.code}`, readable(error.params, language)))
    throw error
  }
  const list = parseClassList(rows)
  const whole = list.errors.filter((error) => error.row === 0 || error.code === 'missingColumn')
  if (whole.length) {
    const messages = whole.map((error) =>
      t(language, `errors.import.sheet.${error.code}`, { row: error.row, column: error.field ? t(language, `import.field.${error.field}`) : '' }),
    )
    throw refusal(language, messages.join(' '))
  }
  const header = findHeaderRow(rows.map((row) => row.cells))!
  const headerCells = rows[header.index].cells
  const headers = new Map<ClassListField, string>([...header.columns].map(([column, field]) => [field, cellText(headerCells[column]) ?? '']))
  return { ...list, headers, headerCells, cells: new Map(rows.map((row) => [row.number, row.cells])) }
}

/** The school named by id or code; without one, the caller's only school (or the database's). */
export const schoolFor = async (payload: Payload, given: string | undefined, user?: TypedUser | null, language?: unknown) => {
  const mine = user ? idsOf((user as { schools?: unknown }).schools) : undefined
  const where: Where = given
    ? { or: [{ code: { equals: given.trim().toUpperCase() } }, ...(/^\d+$/.test(given.trim()) ? [{ id: { equals: Number(given) } }] : [])] }
    : mine
      ? { id: { in: mine } }
      : {}
  const found = await payload.find({ collection: 'schools', where, sort: 'code', depth: 0, overrideAccess: true, pagination: false })
  if (given && !found.docs.length) throw refusal(language, t(language, 'errors.import.unknownSchool', { school: given }), 404)
  if (found.docs.length !== 1) throw refusal(language, t(language, 'errors.import.schoolRequired', { schools: found.docs.map((school) => school.code).join(', ') }))
  return found.docs[0].id
}

/** May the caller create and change the people and enrollments of that school? (The system may.) */
const mayImport = async (req: PayloadRequest, school: ID) => {
  if (!req.user) return true
  for (const slug of ['students', 'guardians', 'enrollments'] as const) {
    const access = req.payload.collections[slug].config.access
    if ((await access.create({ req, data: { school } })) !== true) return false
    if ((await access.update({ req })) === false) return false
  }
  return true
}

/** What the plan needs, in five queries: the current year, its classes, the students named, the guardians, the enrollments. */
const loadContext = async (req: PayloadRequest, school: ID, matricules: string[], classCode: string | undefined, language: unknown) => {
  const [year] = await adapterRows<{ id: ID; startDate?: string }>(req, 'school-years', { school: { equals: school }, current: { equals: true } }, { id: true, startDate: true })
  if (!year) throw refusal(language, t(language, 'errors.noCurrentYear'), 404)
  const inSchool = { school: { equals: school } }
  const classes = await adapterRows<Context['classes'][number]>(req, 'classes', { ...inSchool, schoolYear: { equals: year.id } }, { id: true, name: true, code: true, capacity: true })
  const classOption = classCode ? classes.find((klass) => [klass.code, klass.name].some((name) => normaliseHeader(name) === normaliseHeader(classCode))) : undefined
  if (classCode && !classOption) throw refusal(language, t(language, 'errors.import.unknownClassOption', { class: classCode }))
  const students = matricules.length
    ? await adapterRows<Context['students'][number]>(req, 'students', { ...inSchool, matricule: { in: matricules } }, {
        id: true, matricule: true, lastName: true, postName: true, firstName: true, sex: true, birthDate: true, birthPlace: true, guardians: true,
      })
    : []
  const guardians = await adapterRows<Context['guardians'][number]>(req, 'guardians', inSchool, { id: true, lastName: true, postName: true, firstName: true, phone: true, email: true })
  const active = await adapterRows<{ student: ID; class: ID }>(req, 'enrollments', { ...inSchool, schoolYear: { equals: year.id }, status: { equals: 'active' } }, { student: true, class: true })
  const context: Context = {
    classes,
    classOption,
    students: students.map((student) => ({ ...student, guardians: idsOf(student.guardians) })),
    guardians,
    active: active.map((enrollment) => ({ student: idOf(enrollment.student)!, class: idOf(enrollment.class)! })),
  }
  return { context, year }
}

const counted = (plan: Plan, dryRun: boolean, language: unknown): ImportResult => {
  const count = (outcome: RowPlan['outcome']) => plan.rows.filter((row) => row.outcome === outcome).length
  const rejected = new Set(plan.errors.map((error) => error.row)).size
  return {
    rows: plan.rows.length + rejected,
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    rejected,
    enrolled: plan.rows.filter((row) => row.enrollIn).length,
    dryRun,
    errors: plan.errors.map((error) => rowError(error, language)),
  }
}

const rowError = (error: RowError, language: unknown): ImportError => ({
  row: error.row,
  ...(error.column !== undefined && { column: error.column }),
  ...(error.field !== undefined && { field: error.field }),
  code: error.code,
  message: t(language, `errors.import.row.${error.code}`, error.params),
})

/** PostgreSQL's own words ("Key (school_id, matricule)=(1, X) already exists."), not the query drizzle wraps around them. */
const refusedBecause = (error: unknown) => {
  const cause = (error as { cause?: { detail?: string; message?: string } }).cause
  return String(cause?.detail ?? cause?.message ?? (error as Error).message).slice(0, 200)
}

/**
 * Imports (or, with `dryRun`, only plans) a class list. Rows that cannot be imported are
 * reported and never block the others; the rest lands in one transaction, all or nothing.
 */
export const runImport = async (payload: Payload, options: ImportOptions) => {
  const req = options.req ?? (await createLocalReq({ user: options.user }, payload))
  const language = req.i18n?.language
  if (!(await mayImport(req, options.school))) throw new APIError(t(language, 'errors.import.forbidden'), 403)
  const sheet = await readClassList(options.file, language)
  const { context, year } = await loadContext(req, options.school, sheet.records.map((record) => record.matricule), options.classCode, language)
  const plan = planImport(sheet, context)
  const total = plan.rows.length
  options.onProgress?.(options.dryRun ? total : 0, total)
  if (!options.dryRun) {
    try {
      await inTransaction(req, () => writePlan(payload, req, plan, { school: options.school, year, fileName: options.fileName, onProgress: options.onProgress }))
    } catch (error) {
      payload.logger.error({ err: error, msg: 'student import refused by the database' })
      throw new APIError(t(language, 'errors.import.writeFailed', { reason: refusedBecause(error) }), 409)
    }
  }
  return { result: counted(plan, options.dryRun, language), sheet }
}

export const importStudents = async (payload: Payload, options: ImportOptions): Promise<ImportResult> => (await runImport(payload, options)).result

type WriteOptions = { school: ID; year: { id: ID; startDate?: string }; fileName?: string; onProgress?: ImportOptions['onProgress'] }
type AuditRow = { action: 'create' | 'update'; collection: string; documentId: ID; changes: Change[] }
type Row = Record<string, unknown>

const chunk = 100
const birthDay = (date?: string | null) => (date ? `${date}T00:00:00.000Z` : date)
const asChanges = (before: Row, after: Row): Change[] =>
  Object.keys(after).sort().map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }))

/**
 * The plan written in the request's transaction: new records as multi-row INSERTs (the bulk of
 * an import), changed ones through the adapter one by one, then their audit entries.
 */
const writePlan = async (payload: Payload, req: PayloadRequest, plan: Plan, { school, year, fileName, onProgress }: WriteOptions) => {
  const insert = await inserter(payload, req)
  const now = new Date().toISOString()
  const audit: AuditRow[] = []

  const fresh = plan.guardians.filter((guardian) => guardian.id === undefined)
  const guardianRows = fresh.map(({ names, phone, email }) => ({ school, ...names, fullName: fullName(names), phone: phone ?? null, email: email ?? null }))
  ;(await insert('guardians', guardianRows.map((row) => ({ ...row, relationship: 'guardian' })))).forEach((id, index) => {
    fresh[index].id = id
    audit.push({ action: 'create', collection: 'guardians', documentId: id, changes: asChanges({}, guardianRows[index]) })
  })
  for (const guardian of plan.guardians.filter((guardian) => Object.keys(guardian.changed).length)) {
    const contacts = Object.fromEntries(Object.entries(guardian.changed).map(([contact, change]) => [contact, change.after]))
    await payload.db.updateOne({ collection: 'guardians', id: guardian.id!, data: { ...contacts, updatedAt: now }, req, returning: false })
    audit.push({ action: 'update', collection: 'guardians', documentId: guardian.id!, changes: Object.entries(guardian.changed).map(([field, change]) => ({ field, ...change })) })
  }

  const startDate = year.startDate && year.startDate.slice(0, 10) > schoolToday() ? year.startDate.slice(0, 10) : schoolToday()
  for (let at = 0; at < plan.rows.length; at += chunk) {
    const rows = plan.rows.slice(at, at + chunk)
    const ids = new Map<RowPlan, ID>()
    const created = rows.filter((row) => !row.student)
    const createdRows = created.map((row) => {
      const fields = { ...row.fields, ...(row.fields.birthDate && { birthDate: birthDay(row.fields.birthDate) }) }
      return { school, matricule: row.matricule, ...fields, fullName: fullName(fields) }
    })
    ;(await insert('students', createdRows)).forEach((id, index) => {
      ids.set(created[index], id)
      const guardians = created[index].guardian ? [created[index].guardian!.id] : []
      audit.push({ action: 'create', collection: 'students', documentId: id, changes: asChanges({}, { ...createdRows[index], guardians }) })
    })
    const links = created.filter((row) => row.guardian).map((row) => ({ order: 1, parent: ids.get(row), path: 'guardians', guardiansID: row.guardian!.id }))
    await insert('students_rels', links)

    for (const row of rows.filter((row) => row.student && (Object.keys(row.fields).length || row.linkGuardian))) {
      const student = row.student!
      ids.set(row, student.id)
      const fields = { ...row.fields, ...('birthDate' in row.fields && { birthDate: birthDay(row.fields.birthDate) }) }
      const named = ['lastName', 'postName', 'firstName'].some((field) => field in fields)
      const data = {
        ...fields,
        ...(named && { fullName: fullName({ ...student, ...fields }) }),
        ...(row.linkGuardian && { guardians: [...student.guardians, row.guardian!.id!] }),
      }
      await payload.db.updateOne({ collection: 'students', id: student.id, data: { ...data, updatedAt: now }, req, returning: false })
      audit.push({ action: 'update', collection: 'students', documentId: student.id, changes: asChanges({ ...student, fullName: fullName(student) }, data) })
    }

    const enrolled = rows.filter((row) => row.enrollIn)
    const enrollmentRows = enrolled.map((row) => ({
      school, student: ids.get(row) ?? row.student!.id, class: row.enrollIn!.id, schoolYear: year.id, status: 'active', startDate: `${startDate}T00:00:00.000Z`,
    }))
    ;(await insert('enrollments', enrollmentRows)).forEach((id, index) =>
      audit.push({ action: 'create', collection: 'enrollments', documentId: id, changes: asChanges({}, enrollmentRows[index]) }),
    )
    onProgress?.(at + rows.length, plan.rows.length)
  }

  const who = { school, user: req.user?.id ?? null, actorEmail: req.user?.email ?? null, ip: clientIP(req) ?? null, userAgent: req.headers?.get('user-agent') ?? null }
  await insert('audit_logs', audit.map((entry) => ({ ...entry, documentId: String(entry.documentId), ...who })))
  const matricules = (outcome: RowPlan['outcome']) => plan.rows.filter((row) => row.outcome === outcome).map((row) => row.matricule)
  await writeAudit(req, {
    action: 'create',
    collection: 'students',
    documentId: `import:${now}`,
    school,
    changes: [
      ...(fileName ? [{ field: 'file', after: fileName }] : []),
      { field: 'created', after: matricules('created') },
      { field: 'updated', after: matricules('updated') },
      { field: 'unchanged', after: matricules('unchanged').length },
      { field: 'rejectedRows', after: [...new Set(plan.errors.map((error) => error.row))] },
    ],
  })
}
