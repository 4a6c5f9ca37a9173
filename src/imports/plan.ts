/**
 * What importing a class list would do, row by row, given what the school already holds:
 * which students are created, changed or left alone, which guardians are shared, who is
 * enrolled where. No database here: the service loads the context and writes the plan.
 */
import type { ID } from '../access/ids'
import { normaliseHeader, normalisePhone, type ClassListField, type ClassListRecord, type RowError } from '../domain/classList'
import { fullName, splitName, type Names } from '../domain/names'

export type SchoolClass = { id: ID; name: string; code: string; capacity?: number | null }
export type StudentFields = Pick<ClassListRecord, 'lastName' | 'postName' | 'firstName' | 'sex' | 'birthDate' | 'birthPlace'>
export type KnownStudent = { id: ID; matricule: string; guardians: ID[] } & { [K in keyof StudentFields]?: StudentFields[K] | null }
export type KnownGuardian = Names & { id: ID; phone?: string | null; email?: string | null }

export type Context = {
  classes: SchoolClass[]
  /** The class every row goes to, when the import names one. */
  classOption?: SchoolClass
  /** Students of the school with a matricule of the list. */
  students: KnownStudent[]
  guardians: KnownGuardian[]
  /** Active enrollments of the school's current year. */
  active: { student: ID; class: ID }[]
}

type Contact = 'phone' | 'email'
export type GuardianPlan = {
  id?: ID
  names: Names
  phone?: string
  email?: string
  /** Contacts this import gives the guardian, with the row that first did. */
  setOn: Partial<Record<Contact, number>>
  changed: Partial<Record<Contact, { before?: string | null; after: string }>>
}

export type RowPlan = {
  row: number
  matricule: string
  outcome: 'created' | 'updated' | 'unchanged'
  student?: KnownStudent
  /** Everything for a new student; only what differs for a known one. */
  fields: Partial<StudentFields>
  guardian?: GuardianPlan
  linkGuardian: boolean
  enrollIn?: SchoolClass
}

export type ParsedList = { records: ClassListRecord[]; errors: RowError<ClassListField>[]; headers: Map<ClassListField, string> }
export type Plan = { rows: RowPlan[]; errors: RowError<ClassListField>[]; guardians: GuardianPlan[] }

const studentFields = ['lastName', 'postName', 'firstName', 'sex', 'birthDate', 'birthPlace'] as const
const textFields = ['matricule', 'lastName', 'postName', 'firstName', 'birthPlace', 'class'] as const
const day = (value?: string | null) => value?.slice(0, 10) ?? null
const key = (text: string) => normaliseHeader(text)

export const planImport = (list: ParsedList, context: Context): Plan => {
  const classes = new Map<string, SchoolClass>()
  for (const klass of context.classes) classes.set(key(klass.name), klass)
  for (const klass of context.classes) classes.set(key(klass.code), klass)
  const classById = new Map(context.classes.map((klass) => [String(klass.id), klass]))
  const students = new Map(context.students.map((student) => [student.matricule, student]))
  const activeClass = new Map(context.active.map((enrollment) => [String(enrollment.student), String(enrollment.class)]))
  const seats = new Map<string, number>()
  for (const { class: klass } of context.active) seats.set(String(klass), (seats.get(String(klass)) ?? 0) + 1)

  const byPhone = new Map<string, GuardianPlan>()
  const byEmail = new Map<string, GuardianPlan>()
  const byId = new Map<string, GuardianPlan>()
  const remember = (guardian: GuardianPlan) => {
    if (guardian.phone) byPhone.set(guardian.phone, guardian)
    if (guardian.email) byEmail.set(guardian.email, guardian)
    if (guardian.id !== undefined) byId.set(String(guardian.id), guardian)
  }
  for (const { id, lastName, postName, firstName, phone, email } of context.guardians)
    remember({ id, names: { lastName, postName, firstName }, phone: normalisePhone(phone) ?? undefined, email: email?.toLowerCase() || undefined, setOn: {}, changed: {} })

  const rows: RowPlan[] = []
  const errors = [...list.errors]
  const touched = new Set<GuardianPlan>()

  for (const record of list.records) {
    const rowErrors: RowError<ClassListField>[] = []
    const fail = (field: ClassListField, code: string, params?: RowError['params']) =>
      rowErrors.push({ row: record.row, column: list.headers.get(field), field, code, ...(params && { params }) })

    // Text that would become a live formula once exported and opened in a spreadsheet.
    for (const field of textFields) if (record[field]?.startsWith('=')) fail(field, 'formulaText', { value: record[field]! })
    const guardianName = record.guardian?.name
    if (guardianName?.startsWith('=')) fail('guardianName', 'formulaText', { value: guardianName })

    let klass = context.classOption
    if (record.class !== undefined) {
      const named = classes.get(key(record.class))
      if (!named) fail('class', 'unknownClass', { value: record.class })
      else if (klass && named !== klass) fail('class', 'classMismatch', { value: record.class, class: klass.name })
      klass = named
    } else if (!klass && list.headers.has('class')) fail('class', 'noClass')

    const student = students.get(record.matricule)
    const proposal = guardianFor(record, student, { byPhone, byEmail, byId }, fail)

    let enroll = false
    if (klass) {
      const current = student && activeClass.get(String(student.id))
      if (current !== undefined && current !== String(klass.id)) fail('class', 'alreadyEnrolled', { class: classById.get(current)?.name ?? '' })
      else if (current === undefined && klass.capacity && (seats.get(String(klass.id)) ?? 0) >= klass.capacity)
        fail('class', 'classFull', { class: klass.name, capacity: klass.capacity })
      else enroll = current === undefined
    }

    if (rowErrors.length) {
      errors.push(...rowErrors)
      continue
    }

    const wanted = Object.fromEntries(studentFields.filter((field) => record[field] !== undefined).map((field) => [field, record[field]])) as Partial<StudentFields>
    const fields = student
      ? (Object.fromEntries(
          Object.entries(wanted).filter(([field, value]) => (field === 'birthDate' ? day(student.birthDate) : (student[field as keyof StudentFields] ?? undefined)) !== value),
        ) as Partial<StudentFields>)
      : wanted
    const guardian = proposal?.guardian
    if (guardian && proposal) {
      for (const [contact, after] of Object.entries(proposal.changes) as [Contact, string][]) {
        if (guardian.id !== undefined) guardian.changed[contact] = { before: guardian[contact] ?? null, after }
        guardian[contact] = after
        guardian.setOn[contact] ??= record.row
      }
      remember(guardian)
      touched.add(guardian)
    }
    const linkGuardian = Boolean(guardian && !student?.guardians.some((id) => String(id) === String(guardian.id)))
    if (enroll) seats.set(String(klass!.id), (seats.get(String(klass!.id)) ?? 0) + 1)
    const changed = Object.keys(fields).length > 0 || linkGuardian || Object.keys(proposal?.changes ?? {}).length > 0 || enroll
    rows.push({
      row: record.row,
      matricule: record.matricule,
      outcome: !student ? 'created' : changed ? 'updated' : 'unchanged',
      student,
      fields,
      guardian,
      linkGuardian,
      enrollIn: enroll ? klass : undefined,
    })
  }
  errors.sort((a, b) => a.row - b.row)
  return { rows, errors, guardians: [...touched].filter((guardian) => guardian.id === undefined || Object.keys(guardian.changed).length) }
}

type Lookups = { byPhone: Map<string, GuardianPlan>; byEmail: Map<string, GuardianPlan>; byId: Map<string, GuardianPlan> }

/**
 * The row's guardian: the one with its phone or e-mail (so siblings share one), else one of
 * the known student's guardians with the same name, else a new one; and the contacts it gives.
 */
const guardianFor = (
  record: ClassListRecord,
  student: KnownStudent | undefined,
  { byPhone, byEmail, byId }: Lookups,
  fail: (field: ClassListField, code: string, params?: RowError['params']) => void,
): { guardian: GuardianPlan; changes: Partial<Record<Contact, string>> } | undefined => {
  const given = record.guardian
  if (!given) return undefined
  const phoneOwner = given.phone ? byPhone.get(given.phone) : undefined
  const emailOwner = given.email ? byEmail.get(given.email) : undefined
  if (phoneOwner && emailOwner && phoneOwner !== emailOwner) {
    fail('guardianEmail', 'guardianConflict', { phoneOwner: fullName(phoneOwner.names), emailOwner: fullName(emailOwner.names) })
    return undefined
  }
  const named = given.name ? splitName(given.name) : undefined
  const guardian =
    phoneOwner ??
    emailOwner ??
    (named && student?.guardians.map((id) => byId.get(String(id))).find((known) => known && key(fullName(known.names)) === key(fullName(named))))
  if (!guardian) {
    if (!named) return void fail('guardianName', 'guardianNameRequired')
    return { guardian: { names: named, setOn: {}, changed: {} }, changes: { ...(given.phone && { phone: given.phone }), ...(given.email && { email: given.email }) } }
  }
  const changes: Partial<Record<Contact, string>> = {}
  for (const contact of ['phone', 'email'] as const) {
    const value = given[contact]
    if (!value || value === guardian[contact]) continue
    const firstRow = guardian.setOn[contact]
    const field = contact === 'phone' ? 'guardianPhone' : 'guardianEmail'
    if (firstRow !== undefined) fail(field, 'guardianDiffers', { guardian: fullName(guardian.names), firstRow, value: guardian[contact]! })
    else changes[contact] = value
  }
  return { guardian, changes }
}
