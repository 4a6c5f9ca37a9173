import type { PayloadRequest, Where } from 'payload'
import { hasAnyRole, type Role } from '../domain/roles'
import { idOf, type ID } from './ids'
import { schoolsOf, type Predicate } from './predicates'

/**
 * The ids a parent, student or teacher may reach, looked up once per request.
 * Lookups run as the system (they only read ids) inside the request's transaction.
 */
const cached = async (req: PayloadRequest, key: string, load: () => Promise<ID[]>) => {
  const cacheKey = `kelasi:scope:${key}:${req.user?.id}`
  const context = req.context as Record<string, unknown>
  if (!context[cacheKey]) context[cacheKey] = load()
  return context[cacheKey] as Promise<ID[]>
}

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

export const selfClassIds = (req: PayloadRequest) =>
  cached(req, 'self-classes', async () => activeEnrollmentsOf(req, await selfStudentIds(req), 'class'))

export const teacherIds = (req: PayloadRequest) =>
  cached(req, 'teachers', () => ids(req, 'teachers', { user: { equals: req.user!.id } }))

export const taughtClassIds = (req: PayloadRequest) =>
  cached(req, 'taught-classes', async () => {
    const teachers = await teacherIds(req)
    return teachers.length ? ids(req, 'course-assignments', { teacher: { in: teachers } }, 'class') : []
  })

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
