import type { Payload } from 'payload'
import { paragraphs } from '../../src/domain/richText'
import { subjectOf } from './fixtures'

const system = { overrideAccess: true, depth: 0 } as const

/** A message's body as the portal sends it: plain text made Lexical paragraphs. */
export const body = (text: string) => paragraphs(text)

/**
 * A teacher with an account who teaches 3P-A only, a class of neither of the demo parent's
 * children: the one a parent may not write to. Made for one test file and removed after it, so
 * no other test sees one more teacher.
 */
export const otherClassTeacher = async (payload: Payload, school: number, tag: string) => {
  const klass = (await payload.find({ collection: 'classes', where: { school: { equals: school }, code: { equals: '3P-A' } }, limit: 1, ...system })).docs[0]
  const user = await payload.create({ collection: 'users', data: { email: `autre-classe-${tag}-${Date.now()}@kelasi.test`, password: 'Autre-classe-2026', name: `Joseph ILUNGA ${tag}`, roles: ['teacher'], schools: [school] } as never, disableVerificationEmail: true, ...system })
  const teacher = await payload.create({ collection: 'teachers', data: { schools: [school], lastName: 'ILUNGA', firstName: `Joseph ${tag}`, user: user.id } as never, ...system })
  const assignment = await payload.create({ collection: 'course-assignments', data: { school, class: klass.id, subject: await subjectOf(payload, klass, 'Mathématiques'), teacher: teacher.id } as never, ...system })
  const remove = async () => {
    await payload.delete({ collection: 'course-assignments', id: assignment.id, ...system })
    await payload.delete({ collection: 'teachers', id: teacher.id, ...system })
    await payload.delete({ collection: 'users', id: user.id, ...system })
  }
  return { user, klass, remove }
}
