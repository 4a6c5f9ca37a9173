import type { Payload } from 'payload'
import { seededRandom } from './random'

type ID = number | string
type Seeded = { school: ID; levels: Map<string, { subjects: { id: ID; name: string }[] }>; classes: { id: ID; code: string; level: string }[] }

/**
 * Marks of the first period for the demo families' classes (published, so parents see them
 * at once), one test of the second period not yet published, and a few absences.
 */
export const seedMarksAndRoll = async (payload: Payload, main: Seeded, codes: string[]) => {
  const random = seededRandom(7)
  const terms = await payload.find({ collection: 'terms', where: { school: { equals: main.school }, code: { in: ['P1', 'P2'] } }, depth: 0, overrideAccess: true })
  const term = (code: string) => terms.docs.find((t) => t.code === code)!.id
  for (const code of codes) {
    const klass = main.classes.find((c) => c.code === code)!
    const enrolled = await payload.find({ collection: 'enrollments', where: { class: { equals: klass.id }, status: { equals: 'active' } }, depth: 0, pagination: false, overrideAccess: true })
    const students = enrolled.docs.map((e) => e.student as ID)
    for (const subject of main.levels.get(klass.level)!.subjects) {
      const tests = [
        { title: 'Interrogation 1', kind: 'test', date: '2026-09-25', maximum: 10 },
        { title: 'Devoir 1', kind: 'homework', date: '2026-10-16', maximum: 20 },
      ] as const
      for (const test of tests) {
        const evaluation = await payload.create({
          collection: 'evaluations',
          data: { school: main.school, class: klass.id, subject: subject.id, term: term('P1'), coefficient: 1, published: true, ...test } as never,
          depth: 0,
        })
        for (const student of students) {
          const roll = random.next()
          const mark = roll < 0.03 ? { status: 'absent' } : roll < 0.05 ? { status: 'exempt' } : { status: 'scored', score: Math.round(test.maximum * (0.35 + random.next() * 0.65) * 2) / 2 }
          await payload.create({ collection: 'grades', data: { school: main.school, evaluation: evaluation.id, student, ...mark } as never, depth: 0 })
        }
      }
    }
    await payload.create({
      collection: 'evaluations',
      data: { school: main.school, class: klass.id, subject: main.levels.get(klass.level)!.subjects[0].id, term: term('P2'), title: 'Interrogation 2', kind: 'test', date: '2026-11-20', maximum: 10, coefficient: 1, published: false } as never,
      depth: 0,
    })
    for (const [index, student] of students.slice(0, 3).entries()) {
      await payload.create({
        collection: 'attendance',
        data: { school: main.school, student, class: klass.id, date: `2026-10-0${5 + index}`, halfDay: 'morning', status: index === 1 ? 'late' : 'absent', minutesLate: index === 1 ? 15 : undefined } as never,
        depth: 0,
      })
    }
  }
}
