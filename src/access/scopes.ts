import type { PayloadRequest, Where } from 'payload'
import { hasAnyRole, type Role } from '../domain/roles'
import { perRequest } from '../db/perRequest'
import { idOf, type ID } from './ids'
import { schoolsOf, type Predicate } from './predicates'

/**
 * The ids a parent, student or teacher may reach, looked up once per request.
 * Lookups run as the system (they only read ids) inside the request's transaction.
 */
const cached = <T = ID[]>(req: PayloadRequest, key: string, load: () => Promise<T>) => perRequest(req, `scope:${key}:${req.user?.id}`, load)

/**
 * Every lookup stays inside the user's own schools: a record of another school that names
 * this user (a teacher record, a guardian, an assignment) grants nothing.
 */
const ids = async (req: PayloadRequest, collection: string, where: Where, field = 'id') => {
  const schools = schoolsOf(req)
  if (!schools.length) return []
  const schoolField = collection === 'teachers' ? 'schools' : 'school'
  // Only the one field, no joins: these lookups run on every request of a parent, student or teacher.
  const result = await req.payload.find({
    collection: collection as 'guardians',
    where: { and: [where, { [schoolField]: { in: schools } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    joins: false,
    select: { [field]: true } as Record<string, true>,
    req,
  })
  const found = result.docs
    .flatMap((doc) => [(doc as unknown as Record<string, unknown>)[field]].flat())
    .map((ref) => idOf(ref as ID))
    .filter((id) => id != null)
  return [...new Set(found)] as ID[]
}

export const guardianIds = (req: PayloadRequest) =>
  cached(req, 'guardians', () => ids(req, 'guardians', { user: { equals: req.user!.id } }))

export const childIds = (req: PayloadRequest) =>
  cached(req, 'children', async () => {
    const guardians = await guardianIds(req)
    return guardians.length ? ids(req, 'students', { guardians: { in: guardians } }) : []
  })

export const selfStudentIds = (req: PayloadRequest) =>
  cached(req, 'self-student', () => ids(req, 'students', { user: { equals: req.user!.id } }))

const activeEnrollmentsOf = (req: PayloadRequest, students: ID[], field: string) =>
  students.length ? ids(req, 'enrollments', { student: { in: students }, status: { equals: 'active' } }, field) : []

export const childClassIds = (req: PayloadRequest) =>
  cached(req, 'children-classes', async () => activeEnrollmentsOf(req, await childIds(req), 'class'))

/** The documents justifying the children's absences, whoever uploaded them (the other guardian, the secretariat). */
export const childJustificationIds = (req: PayloadRequest) =>
  cached(req, 'children-justifications', async () => {
    const children = await childIds(req)
    return children.length ? ids(req, 'attendance', { student: { in: children }, justificationDocument: { exists: true } }, 'justificationDocument') : []
  })

export const selfClassIds = (req: PayloadRequest) =>
  cached(req, 'self-classes', async () => activeEnrollmentsOf(req, await selfStudentIds(req), 'class'))

/** The levels of some classes (a family's, a pupil's), for what is said to a whole level. */
const levelsOf = async (req: PayloadRequest, classes: ID[]) => (classes.length ? ids(req, 'classes', { id: { in: classes } }, 'level') : [])

export const childLevelIds = (req: PayloadRequest) => cached(req, 'children-levels', async () => levelsOf(req, await childClassIds(req)))

export const selfLevelIds = (req: PayloadRequest) => cached(req, 'self-levels', async () => levelsOf(req, await selfClassIds(req)))

export const teacherIds = (req: PayloadRequest) =>
  cached(req, 'teachers', () => ids(req, 'teachers', { user: { equals: req.user!.id } }))

/** The classes a teacher has: those of their course assignments, and those they are the titulaire of. */
export const taughtClassIds = (req: PayloadRequest) =>
  cached(req, 'taught-classes', async () => {
    const teachers = await teacherIds(req)
    if (!teachers.length) return []
    const [assigned, homerooms] = await Promise.all([
      ids(req, 'course-assignments', { teacher: { in: teachers } }, 'class'),
      ids(req, 'classes', { homeroomTeacher: { in: teachers } }),
    ])
    return [...new Set([...assigned, ...homerooms])]
  })

/** Whether `scope` (the caller's classes, children…) holds the given record or id. */
export const within = async (req: PayloadRequest, scope: (req: PayloadRequest) => Promise<ID[]>, ref: unknown) =>
  (await scope(req)).map(String).includes(String(idOf(ref as ID)))

export type Pair = { class: ID; subject: ID }

/** The class × subject pairs a teacher enters marks for: their course assignments only. */
export const taughtPairs = (req: PayloadRequest) =>
  cached<Pair[]>(req, 'pairs', async () => {
    const teachers = await teacherIds(req)
    if (!teachers.length) return []
    const found = await req.payload.find({
      collection: 'course-assignments',
      where: { and: [{ teacher: { in: teachers } }, { school: { in: schoolsOf(req) } }] },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { class: true, subject: true },
      req,
    })
    return found.docs.map((doc) => ({ class: idOf(doc.class as ID)!, subject: idOf(doc.subject as ID)! }))
  })

/** Whether a class × subject pair is one of the teacher's. */
export const teachesPair = async (req: PayloadRequest, klass: unknown, subject: unknown) => {
  const pairs = await taughtPairs(req)
  return pairs.some((pair) => String(pair.class) === String(idOf(klass as ID)) && String(pair.subject) === String(idOf(subject as ID)))
}

/** Rows of the teacher's class × subject pairs (the record carries `class` and `subject`). */
export const pairScoped: Predicate = async ({ req }) => {
  if (!hasAnyRole(req.user, ['teacher'])) return false
  const pairs = await taughtPairs(req)
  const rows: Where[] = pairs.map((pair) => ({ and: [{ class: { equals: pair.class } }, { subject: { equals: pair.subject } }] }) as Where)
  return rows.length ? { or: rows } : false
}

export const taughtStudentIds = (req: PayloadRequest) =>
  cached(req, 'taught-students', async () => {
    const classes = await taughtClassIds(req)
    return classes.length
      ? ids(req, 'enrollments', { class: { in: classes }, status: { equals: 'active' } }, 'student')
      : []
  })

export const taughtGuardianIds = (req: PayloadRequest) =>
  cached(req, 'taught-guardians', async () => {
    const students = await taughtStudentIds(req)
    return students.length ? ids(req, 'students', { id: { in: students } }, 'guardians') : []
  })

/** A row-level filter for holders of `role`: `field` must be one of the ids `scope` yields. */
export const scoped =
  (role: Role, field: string, scope: (req: PayloadRequest) => Promise<ID[]>): Predicate =>
  async ({ req }) => {
    if (!hasAnyRole(req.user, [role])) return false
    const allowed = await scope(req)
    return allowed.length ? { [field]: { in: allowed } } : false
  }

/** Like `scoped`, and only the rows that also meet `condition` (what the school has published). */
export const scopedWhen =
  (role: Role, field: string, scope: (req: PayloadRequest) => Promise<ID[]>, condition: Where): Predicate =>
  async (args) => {
    const rows = await scoped(role, field, scope)(args)
    return rows && typeof rows === 'object' ? { and: [rows as Where, condition] } : false
  }

/** For marks: only what has been published reaches parents and students. */
export const scopedPublished = (role: Role, field: string, scope: (req: PayloadRequest) => Promise<ID[]>) =>
  scopedWhen(role, field, scope, { published: { equals: true } })
