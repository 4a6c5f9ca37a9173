import type { PayloadRequest, Where } from 'payload'
import type { Pupil, Reach } from '../domain/messaging'
import { hasAnyRole } from '../domain/roles'
import { perRequest } from '../db/perRequest'
import { idOf, idsOf, type ID } from './ids'
import { childClassIds, selfClassIds, taughtStudentIds } from './scopes'

/** One field of the records matching `where`, read as the system (only ids), in the request's transaction. */
const field = async (req: PayloadRequest, collection: string, where: Where, name: string): Promise<ID[]> => {
  const found = await req.payload.find({
    collection: collection as 'guardians',
    where,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    joins: false,
    select: { [name]: true } as Record<string, true>,
    req,
  })
  const values = found.docs.flatMap((doc) => [(doc as unknown as Record<string, unknown>)[name]].flat()).map((ref) => idOf(ref as ID))
  return [...new Set(values.filter((id): id is ID => id != null))]
}

/** The accounts of pupils (and of their guardians) among `students`. */
const familyAccounts = async (req: PayloadRequest, students: ID[]) => {
  if (!students.length) return []
  const [pupils, guardians] = await Promise.all([
    field(req, 'students', { id: { in: students }, user: { exists: true } }, 'user'),
    field(req, 'students', { id: { in: students } }, 'guardians'),
  ])
  return [...pupils, ...(guardians.length ? await field(req, 'guardians', { id: { in: guardians }, user: { exists: true } }, 'user') : [])]
}

/** The accounts of the teachers of `classes`: their course assignments and their titulaires. */
const teacherAccounts = async (req: PayloadRequest, classes: ID[]) => {
  if (!classes.length) return []
  const [assigned, homerooms] = await Promise.all([
    field(req, 'course-assignments', { class: { in: classes } }, 'teacher'),
    field(req, 'classes', { id: { in: classes } }, 'homeroomTeacher'),
  ])
  const teachers = [...new Set([...assigned, ...homerooms])]
  return teachers.length ? field(req, 'teachers', { id: { in: teachers }, user: { exists: true } }, 'user') : []
}

/** The accounts each of the caller's relations reaches in `school`, looked up once per request. */
export const reachOf = (req: PayloadRequest, school: ID): Promise<Reach> =>
  perRequest(req, `reach:${req.user?.id}:${school}`, async () => {
    const inSchool = (where: Where): Where => ({ and: [where, { school: { equals: school } }] })
    const isDesk = hasAnyRole(req.user, ['admin', 'secretariat'])
    const isFamily = hasAnyRole(req.user, ['parent', 'student'])
    const ownClasses = async () => [...(hasAnyRole(req.user, ['parent']) ? await childClassIds(req) : []), ...(hasAnyRole(req.user, ['student']) ? await selfClassIds(req) : [])]
    const [families, teachers, desk, schoolGuardians, schoolPupils] = await Promise.all([
      hasAnyRole(req.user, ['teacher']) ? taughtStudentIds(req).then((students) => familyAccounts(req, students)) : [],
      isFamily ? ownClasses().then((classes) => teacherAccounts(req, classes)) : [],
      isFamily ? field(req, 'users', { and: [{ roles: { in: ['admin', 'secretariat'] } }, { schools: { in: [school] } }, { active: { not_equals: false } }] }, 'id') : [],
      isDesk ? field(req, 'guardians', inSchool({ user: { exists: true } }), 'user') : [],
      isDesk ? field(req, 'students', inSchool({ user: { exists: true } }), 'user') : [],
    ])
    return { families, teachers, desk, school: [...schoolGuardians, ...schoolPupils] }
  })

/** The pupils of a class now (its active enrollments), each with the accounts of their guardians. */
export const classPupils = async (req: PayloadRequest, klass: ID): Promise<Pupil[]> => {
  const students = await field(req, 'enrollments', { class: { equals: klass }, status: { equals: 'active' } }, 'student')
  if (!students.length) return []
  const found = await req.payload.find({ collection: 'students', where: { id: { in: students } }, depth: 0, pagination: false, overrideAccess: true, select: { user: true, guardians: true }, req })
  const guardianIds = [...new Set(found.docs.flatMap((s) => idsOf(s.guardians)).map(String))]
  const guardians = guardianIds.length
    ? await req.payload.find({ collection: 'guardians', where: { id: { in: guardianIds } }, depth: 0, pagination: false, overrideAccess: true, joins: false, select: { user: true }, req })
    : { docs: [] }
  const accountOf = new Map(guardians.docs.map((g) => [String(g.id), idOf(g.user as ID)]))
  return found.docs.map((s) => ({
    user: idOf(s.user as ID) ?? null,
    guardianUsers: idsOf(s.guardians).flatMap((g) => (accountOf.get(String(g)) != null ? [accountOf.get(String(g))!] : [])),
  }))
}
