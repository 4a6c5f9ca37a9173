import { notFound } from 'next/navigation'
import type { Where } from 'payload'
import { childIds, selfStudentIds } from '../src/access/scopes'
import { idOf, type ID } from '../src/access/ids'
import type { Class, School, Student } from '../payload-types'
import type { FamilyMember } from './session'

export type Child = { id: ID; fullName: string; matricule: string; school: { id: ID; name: string }; class: { id: ID; name: string; schoolYear: ID } | null }

/** Whose pages this account opens: a parent's children, a student's own record. */
const familyIds = async ({ req, isParent, isStudent }: FamilyMember) => [
  ...(isParent ? await childIds(req) : []),
  ...(isStudent ? await selfStudentIds(req) : []),
]

/** The family's students as Payload's read rule gives them to this user, with this year's class. */
export const children = async (member: FamilyMember, where?: Where): Promise<Child[]> => {
  const ids = await familyIds(member)
  if (!ids.length) return []
  const { payload, req } = member
  const students = await payload.find({
    collection: 'students',
    where: { and: [{ id: { in: ids } }, ...(where ? [where] : [])] },
    select: { fullName: true, matricule: true, school: true },
    populate: { schools: { name: true } },
    depth: 1,
    sort: 'fullName',
    pagination: false,
    overrideAccess: false,
    req,
  })
  if (!students.docs.length) return []
  // Ids only, then the classes in one read: at depth 1 Payload would also load each student again, with its access rule.
  const enrollments = await payload.find({
    collection: 'enrollments',
    where: { student: { in: students.docs.map((s) => s.id) }, status: { equals: 'active' } },
    select: { student: true, class: true },
    depth: 0,
    pagination: false,
    overrideAccess: false,
    req,
  })
  const classIds = [...new Set(enrollments.docs.map((row) => idOf(row.class as never)).filter((id) => id != null))]
  const classes = classIds.length
    ? (await payload.find({ collection: 'classes', where: { id: { in: classIds } }, select: { name: true, schoolYear: true }, depth: 0, pagination: false, overrideAccess: false, req })).docs
    : []
  return students.docs.map((student: Partial<Student>) => {
    const enrolled = enrollments.docs.find((row) => String(idOf(row.student as never)) === String(student.id))
    const klass = enrolled && (classes.find((c) => String(c.id) === String(idOf(enrolled.class as never))) as Partial<Class> | undefined)
    const school = student.school as School
    return {
      id: student.id!,
      fullName: student.fullName ?? '',
      matricule: student.matricule ?? '',
      school: { id: school?.id, name: school?.name ?? '' },
      class: klass ? { id: klass.id!, name: klass.name ?? '', schoolYear: idOf(klass.schoolYear as never)! } : null,
    }
  })
}

/** One of the family's students, from the URL: anyone else's id is a page that does not exist. */
export const child = async (member: FamilyMember, id: string): Promise<Child> => {
  if (!/^\d+$/.test(id)) notFound()
  const [found] = await children(member, { id: { equals: Number(id) } })
  if (!found) notFound()
  return found
}
