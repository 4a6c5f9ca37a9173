/** Marks: a whole evaluation in one request, scores within the maximum, families see them once published. */
import type { Payload } from 'payload'
import { demoAccounts, tokenFor } from '../support/accounts'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { graphql, rest, errorMessages } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let fx: Fixtures
let teacher: string
let parent: string
let pupils: number[]
beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  teacher = await tokenFor(payload, demoAccounts.teacher)
  parent = await tokenFor(payload, demoAccounts.parent)
  const enrolled = await payload.find({ collection: 'enrollments', where: { class: { equals: fx.classes.taught.id }, status: { equals: 'active' } }, sort: 'id', pagination: false, depth: 0 })
  pupils = enrolled.docs.map((e) => e.student as number)
})
afterAll(closeTestPayload)


const newEvaluation = async (title: string) => {
  const answer = await rest('POST', '/evaluations', {
    token: teacher,
    body: { school: fx.schools.main.id, class: fx.classes.taught.id, subject: fx.subjects.main.id, term: fx.terms.main.id, title, kind: 'test', date: '2026-10-20', maximum: 20 },
  })
  expect(answer.status).toBe(201)
  return answer.body.doc as { id: number }
}
const marksOf = async (evaluation: number) =>
  (await payload.find({ collection: 'grades', where: { evaluation: { equals: evaluation } }, pagination: false, depth: 0 })).docs

describe('entering an evaluation', () => {
  it('saves the whole class in one request, and a second save changes only what differs', async () => {
    const evaluation = await newEvaluation('Interrogation de géométrie')
    const grades = pupils.map((student, i) => (i === 0 ? { student, status: 'absent' } : i === 1 ? { student, status: 'exempt' } : { student, score: 10 + (i % 10), comment: i === 2 ? 'Très bien' : undefined }))
    const first = await rest('POST', `/evaluations/${evaluation.id}/grades`, { token: teacher, body: { grades } })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ created: pupils.length, updated: 0, unchanged: 0 })
    const saved = await marksOf(evaluation.id)
    expect(saved).toHaveLength(pupils.length)
    expect(saved.find((g) => g.student === pupils[0])).toMatchObject({ status: 'absent', score: null })
    expect(saved.find((g) => g.student === pupils[2])).toMatchObject({ status: 'scored', score: 12, comment: 'Très bien', published: false })
    // Every new mark is in the audit log, with who entered it and its value.
    const created = await payload.find({ collection: 'audit-logs', where: { collection: { equals: 'grades' }, action: { equals: 'create' }, documentId: { in: saved.map((g) => String(g.id)) } }, pagination: false, depth: 0 })
    expect(created.docs).toHaveLength(pupils.length)
    const third = created.docs.find((entry) => entry.documentId === String(saved.find((g) => g.student === pupils[2])!.id))!
    expect(third.user).toBe(fx.users.teacher.id)
    expect(third.changes).toEqual(expect.arrayContaining([{ field: 'score', before: null, after: 12 }, { field: 'student', before: null, after: pupils[2] }]))

    grades[3] = { student: pupils[3], score: 19.5, comment: undefined }
    const second = await rest('POST', `/evaluations/${evaluation.id}/grades`, { token: teacher, body: { grades } })
    expect(second.body).toMatchObject({ created: 0, updated: 1, unchanged: pupils.length - 1 })
    const audit = await payload.find({ collection: 'audit-logs', where: { collection: { equals: 'grades' }, action: { equals: 'update' } }, sort: '-createdAt', limit: 1, depth: 0 })
    expect(audit.docs[0].changes).toEqual([{ field: 'score', before: 13, after: 19.5 }])
  })

  it('refuses a score above the maximum, naming the line and the pupil, and changes nothing', async () => {
    const evaluation = await newEvaluation('Devoir de calcul')
    const grades = pupils.map((student, i) => ({ student, score: i === 4 ? 21 : 15 }))
    const answer = await rest('POST', `/evaluations/${evaluation.id}/grades`, { token: teacher, body: { grades } })
    expect(answer.status).toBe(400)
    const pupil = await payload.findByID({ collection: 'students', id: pupils[4], depth: 0 })
    expect(errorMessages(answer.body)).toEqual([`Ligne 5 (${pupil.fullName}) : la note 21 dépasse le maximum 20.`])
    expect(await marksOf(evaluation.id)).toHaveLength(0)
  })

  it('refuses a negative score entered alone too', async () => {
    const evaluation = await newEvaluation('Dictée de nombres')
    const answer = await rest('POST', '/grades', { token: teacher, body: { school: fx.schools.main.id, evaluation: evaluation.id, student: pupils[0], status: 'scored', score: -1 } })
    expect(answer.status).toBe(400)
  })

  it("a teacher cannot enter marks for a colleague's subject, even in their own class", async () => {
    const answer = await rest('POST', `/evaluations/${fx.evaluations.colleaguePair.id}/grades`, { token: teacher, body: { grades: [{ student: pupils[0], score: 5 }] } })
    expect([403, 404]).toContain(answer.status)
    const create = await rest('POST', '/evaluations', {
      token: teacher,
      body: { school: fx.schools.main.id, class: fx.classes.taught.id, subject: fx.evaluations.colleaguePair.subject, term: fx.terms.main.id, title: 'Pas la mienne', date: '2026-10-20', maximum: 20 },
    })
    expect(create.status).toBe(403)
  })
})

describe('publication', () => {
  it('a guardian sees a mark only once its evaluation is published, through REST and GraphQL alike', async () => {
    const evaluation = await newEvaluation('Contrôle surprise')
    await rest('POST', `/evaluations/${evaluation.id}/grades`, { token: teacher, body: { grades: [{ student: fx.students.childA.id, score: 17 }] } })
    const visible = async () => {
      const viaRest = await rest('GET', `/grades?where[evaluation][equals]=${evaluation.id}`, { token: parent })
      const viaGraphql = await graphql(`{ Grades(where: { evaluation: { equals: ${evaluation.id} } }) { docs { score } } }`, {}, parent)
      expect(viaGraphql.body.data.Grades.docs.map((g: { score: number }) => g.score)).toEqual(viaRest.body.docs.map((g: { score: number }) => g.score))
      return viaRest.body.docs.map((g: { score: number }) => g.score)
    }
    expect(await visible()).toEqual([])
    expect((await rest('PATCH', `/evaluations/${evaluation.id}`, { token: teacher, body: { published: true } })).status).toBe(200)
    expect(await visible()).toEqual([17])
    expect((await rest('PATCH', `/evaluations/${evaluation.id}`, { token: teacher, body: { published: false } })).status).toBe(200)
    expect(await visible()).toEqual([])
  })

  it('deleting an evaluation deletes its marks', async () => {
    const evaluation = await newEvaluation('À supprimer')
    await rest('POST', `/evaluations/${evaluation.id}/grades`, { token: teacher, body: { grades: [{ student: pupils[0], score: 8 }] } })
    expect((await rest('DELETE', `/evaluations/${evaluation.id}`, { token: teacher })).status).toBe(200)
    expect(await marksOf(evaluation.id)).toHaveLength(0)
  })

  it('refuses to lower a maximum below marks already given', async () => {
    const evaluation = await newEvaluation('Maximum changeant')
    await rest('POST', `/evaluations/${evaluation.id}/grades`, { token: teacher, body: { grades: [{ student: pupils[0], score: 18 }] } })
    const answer = await rest('PATCH', `/evaluations/${evaluation.id}`, { token: teacher, body: { maximum: 10 } })
    expect(answer.status).toBe(400)
    expect(errorMessages(answer.body)).toEqual(['Impossible de baisser le maximum : 1 note(s) le dépasseraient.'])
  })
})
