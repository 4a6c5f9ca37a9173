import type { Payload } from 'payload'
import { demoAccounts, otherAccounts } from './accounts'

type Id = number | string

const one = async (payload: Payload, collection: string, where: Record<string, unknown>): Promise<Record<string, any>> => {
  const found = await payload.find({ collection: collection as 'students', where: where as never, limit: 2, depth: 0, overrideAccess: true })
  if (found.docs.length !== 1) throw new Error(`Expected one ${collection} for ${JSON.stringify(where)}, found ${found.docs.length}`)
  return found.docs[0] as Record<string, any>
}

/** A 1×1 PNG, for uploads. */
export const tinyPng = () => ({
  data: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
  mimetype: 'image/png',
  name: `pixel-${Date.now()}-${Math.random().toString(36).slice(2)}.png`,
  size: 68,
})

/**
 * Named records of the demo data that the authorization matrix reasons about: who is whose
 * child, which classes the demo teacher has, what belongs to the second school.
 */
export const loadFixtures = async (payload: Payload) => {
  const main = await one(payload, 'schools', { code: { equals: 'CSMA' } })
  const matete = await one(payload, 'schools', { code: { equals: 'EPPM' } })
  const user = (email: string) => one(payload, 'users', { email: { equals: email } })
  const klass = (school: Id, code: string) => one(payload, 'classes', { school: { equals: school }, code: { equals: code } })
  const studentNamed = (school: Id, lastName: string, firstName: string) =>
    one(payload, 'students', { school: { equals: school }, lastName: { equals: lastName }, firstName: { equals: firstName } })
  const guardianOf = (email: string) => one(payload, 'guardians', { email: { equals: email } })
  const teacherOf = (userId: Id, school: Id) => one(payload, 'teachers', { user: { equals: userId }, schools: { in: [school] } })
  // The seeded, active enrollment (other tests add ended ones).
  const enrollmentOf = (student: Id) => one(payload, 'enrollments', { student: { equals: student }, status: { equals: 'active' } })

  const users = {
    it: await user(demoAccounts.it),
    admin: await user(demoAccounts.admin),
    secretariat: await user(demoAccounts.secretariat),
    finance: await user(demoAccounts.finance),
    teacher: await user(demoAccounts.teacher),
    parent: await user(demoAccounts.parent),
    student: await user(demoAccounts.student),
    mateteAdmin: await user(otherAccounts.secondSchoolAdmin),
  }
  const mateteParent = await guardianOf(otherAccounts.secondSchoolParent)
  const mateteChild = await one(payload, 'students', { guardians: { in: [mateteParent.id] } })
  const students = {
    childA: await studentNamed(main.id, 'MUKENDI', 'Grâce'),
    childB: await studentNamed(main.id, 'MUKENDI', 'Jonathan'),
    self: await studentNamed(main.id, 'KASONGO', 'Exaucé'),
    sibling: await studentNamed(main.id, 'KASONGO', 'Divine'),
    matete: mateteChild,
  }
  const classes = {
    taught: await klass(main.id, '5P-A'),
    childB: await klass(main.id, '1HS'),
    self: await klass(main.id, '7EB'),
    matete: await klass(matete.id, '3P'),
  }
  const teachers = {
    demoTeacher: await teacherOf(users.teacher.id, main.id),
    colleague: await teacherOf((await user(otherAccounts.teacher)).id, main.id),
    matete: await teacherOf((await user(otherAccounts.secondSchoolTeacher)).id, matete.id),
  }
  const assignment = (klassId: Id, teacher?: Id) =>
    payload
      .find({
        collection: 'course-assignments',
        where: { class: { equals: klassId }, ...(teacher ? { teacher: { equals: teacher } } : {}) },
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
      .then((r) => r.docs[0] as Record<string, any>)
  const media = {
    main: await payload.create({ collection: 'media', data: { school: main.id, alt: 'Logo' }, file: tinyPng(), overrideAccess: true }),
    matete: await payload.create({ collection: 'media', data: { school: matete.id, alt: 'Logo' }, file: tinyPng(), overrideAccess: true }),
  }
  const logOf = (school: Id) =>
    payload
      .find({ collection: 'audit-logs', where: { school: { equals: school } }, limit: 1, depth: 0, overrideAccess: true })
      .then((r) => r.docs[0] as Record<string, any>)
  const year = (school: Id) => one(payload, 'school-years', { school: { equals: school }, current: { equals: true } })
  const term = (school: Id) => one(payload, 'terms', { school: { equals: school }, code: { equals: 'P1' } })

  return {
    schools: { main, matete },
    users,
    students,
    classes,
    teachers,
    guardians: {
      demoParent: await guardianOf(demoAccounts.parent),
      kasongo: await guardianOf(otherAccounts.parent),
      matete: mateteParent,
    },
    enrollments: {
      childA: await enrollmentOf(students.childA.id),
      childB: await enrollmentOf(students.childB.id),
      self: await enrollmentOf(students.self.id),
      matete: await enrollmentOf(students.matete.id),
    },
    courseAssignments: {
      demoTeacher: await assignment(classes.taught.id, teachers.demoTeacher.id),
      colleague: await assignment(classes.childB.id),
      matete: await assignment(classes.matete.id),
    },
    media: media as Record<string, Record<string, any>>,
    auditLogs: { main: await logOf(main.id), matete: await logOf(matete.id) },
    schoolYears: { main: await year(main.id), matete: await year(matete.id) },
    terms: { main: await term(main.id), matete: await term(matete.id) },
  }
}

export type Fixtures = Awaited<ReturnType<typeof loadFixtures>>
