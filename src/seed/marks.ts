import { createLocalReq, type Payload } from 'payload'
import { saveGrades, type Mark } from '../marks/saveGrades'
import { seededRandom } from './random'

type ID = number | string
type Seeded = { school: ID; levels: Map<string, { subjects: { id: ID; name: string }[] }>; classes: { id: ID; code: string; level: string }[] }

/** The first period's tests of every course: a short test, a homework, an end-of-period test. */
const firstPeriodTests = [
  { title: 'Interrogation 1', kind: 'test', date: '2026-09-25', maximum: 10 },
  { title: 'Devoir 1', kind: 'homework', date: '2026-10-16', maximum: 20 },
  { title: 'Interrogation de fin de période', kind: 'test', date: '2026-10-28', maximum: 10 },
] as const

/**
 * The first period (P1, ended 31 October) marked and published for the given classes: every
 * course has its three tests, each pupil scoring around their own level (a few strong, a few
 * struggling, most in between) with a course-by-course lean and day-to-day noise, and about
 * 3 % absences. Marks go in one transaction per test, as the marks grid saves them. Then one
 * test of the second period (not yet published) and a few absences per class.
 */
export const seedMarksAndRoll = async (payload: Payload, main: Seeded, codes: string[]) => {
  const random = seededRandom(7)
  const terms = await payload.find({ collection: 'terms', where: { school: { equals: main.school }, code: { in: ['P1', 'P2'] } }, depth: 0, overrideAccess: true })
  const term = (code: string) => terms.docs.find((t) => t.code === code)!.id
  // Roughly bell-shaped around 62 %: the mean of three draws, spread over 30–95 %.
  const level = () => 0.3 + ((random.next() + random.next() + random.next()) / 3) * 0.65
  for (const code of codes) {
    const klass = main.classes.find((c) => c.code === code)!
    const enrolled = await payload.find({ collection: 'enrollments', where: { class: { equals: klass.id }, status: { equals: 'active' } }, depth: 0, pagination: false, overrideAccess: true })
    const students = enrolled.docs.map((e) => e.student as ID)
    const levels = new Map(students.map((student) => [student, level()]))
    const subjects = main.levels.get(klass.level)!.subjects
    for (const subject of subjects) {
      const lean = new Map(students.map((student) => [student, (random.next() - 0.5) * 0.2]))
      for (const test of firstPeriodTests) {
        const evaluation = await payload.create({
          collection: 'evaluations',
          data: { school: main.school, class: klass.id, subject: subject.id, term: term('P1'), coefficient: 1, published: true, ...test } as never,
          depth: 0,
        })
        const marks: Mark[] = students.map((student) => {
          const roll = random.next()
          if (roll < 0.03) return { student, status: 'absent', score: null }
          const share = Math.min(1, Math.max(0, levels.get(student)! + lean.get(student)! + (random.next() - 0.5) * 0.25))
          return { student, status: 'scored', score: Math.round(test.maximum * share * 2) / 2 }
        })
        await saveGrades(await createLocalReq({}, payload), evaluation, marks, { system: true })
      }
    }
    await payload.create({
      collection: 'evaluations',
      data: { school: main.school, class: klass.id, subject: subjects[0].id, term: term('P2'), title: 'Interrogation 2', kind: 'test', date: '2026-11-20', maximum: 10, coefficient: 1, published: false } as never,
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
