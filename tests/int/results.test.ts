/**
 * GET /api/classes/:id/results on the demo class 5P-A, with marks entered through the API as the
 * direction in the 4th period (P4), which nothing else of the demo or of other tests marks.
 */
import type { Payload } from 'payload'
import { closeTestPayload, testPayload } from '../support/payload'
import { demoAccounts, otherAccounts, tokenFor } from '../support/accounts'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { rest } from '../support/http'

let payload: Payload
let fx: Fixtures
let admin: string
let p4: number
const pupils: Record<'grace' | 'a' | 'b', { id: number; fullName: string }> = {} as never
const subject: Record<'math' | 'sciences', number> = {} as never

const evaluation = async (title: string, subjectId: number, maximum: number, published: boolean) => {
  const created = await rest('POST', '/evaluations', {
    token: admin,
    body: { school: fx.schools.main.id, class: fx.classes.taught.id, subject: subjectId, term: p4, title, kind: 'test', date: '2027-04-20', maximum, published },
  })
  expect(created.status).toBe(201)
  return created.body.doc.id as number
}
const marks = async (evaluationId: number, grades: Record<string, unknown>[]) => {
  const saved = await rest('POST', `/evaluations/${evaluationId}/grades`, { token: admin, body: { grades } })
  expect(saved.status).toBe(200)
}
const results = (token: string, klass = fx.classes.taught.id, query = `?term=${p4}`) => rest('GET', `/classes/${klass}/results${query}`, { token })
const lineOf = (body: any, student: { id: number }) => body.students.find((line: any) => line.student === student.id)

beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  admin = await tokenFor(payload, demoAccounts.admin)
  const term = await payload.find({ collection: 'terms', where: { school: { equals: fx.schools.main.id }, code: { equals: 'P4' } }, depth: 0, overrideAccess: true })
  p4 = term.docs[0].id
  const subjects = await payload.find({ collection: 'subjects', where: { level: { equals: fx.classes.taught.level } }, depth: 0, overrideAccess: true })
  subject.math = subjects.docs.find((s) => s.name === 'Mathématiques')!.id
  subject.sciences = subjects.docs.find((s) => s.name === 'Sciences')!.id
  const enrolled = await payload.find({
    collection: 'enrollments',
    where: { class: { equals: fx.classes.taught.id }, status: { equals: 'active' }, student: { not_equals: fx.students.childA.id } },
    sort: 'id',
    limit: 2,
    depth: 1,
    overrideAccess: true,
  })
  pupils.grace = { id: fx.students.childA.id, fullName: fx.students.childA.fullName }
  ;[pupils.a, pupils.b] = enrolled.docs.map((e) => e.student as { id: number; fullName: string })

  // Mathématiques (period maximum 20): two published tests.
  const interro = await evaluation('Interrogation P4', subject.math, 10, true)
  await marks(interro, [
    { student: pupils.grace.id, score: 8 },
    { student: pupils.a.id, score: 6 },
    { student: pupils.b.id, score: 10 },
  ])
  const devoir = await evaluation('Devoir P4', subject.math, 20, true)
  await marks(devoir, [
    { student: pupils.grace.id, score: 15 },
    { student: pupils.a.id, score: 10 },
    { student: pupils.b.id, score: 20 },
  ])
  // Sciences (period maximum 10): one published test, one not yet published.
  const sciences = await evaluation('Sciences P4', subject.sciences, 10, true)
  await marks(sciences, [
    { student: pupils.grace.id, score: 7 },
    { student: pupils.a.id, status: 'absent' },
    { student: pupils.b.id, status: 'exempt' },
  ])
  const hidden = await evaluation('Sciences P4 bis', subject.sciences, 10, false)
  await marks(hidden, [
    { student: pupils.grace.id, score: 0 },
    { student: pupils.a.id, score: 10 },
    { student: pupils.b.id, score: 10 },
  ])
})

afterAll(closeTestPayload)

describe('a class\'s results for the 4th period bulletin', () => {
  it('gives the direction every mark: points per course, percentage and place', async () => {
    const { status, body } = await results(admin)
    expect(status).toBe(200)
    expect(body).toMatchObject({ scheme: 'rdc', bulletin: 'P4', term: p4, view: 'full', publishedOnly: false })
    const enrolled = await payload.count({ collection: 'enrollments', where: { class: { equals: fx.classes.taught.id }, status: { equals: 'active' } }, overrideAccess: true })
    expect(body.students).toHaveLength(enrolled.totalDocs)
    const grace = lineOf(body, pupils.grace)
    expect(grace.fullName).toBe(pupils.grace.fullName)
    const [math, , sciences] = grace.courses
    // Maths: (8 + 15) / (10 + 20) of 20 = 15.333…
    expect(math.parts.P4.points).toBeCloseTo(46 / 3, 9)
    expect(math.parts.P4.maximum).toBe(20)
    // Sciences: (7 + 0) / (10 + 10) of 10 = 3.5
    expect(sciences.parts.P4).toEqual({ points: 3.5, maximum: 10 })
    // Grâce 18.833…/30 = 62.8 %; A: maths 16/30 of 20 = 10.666…, sciences (absent 0 + 10)/20 of 10 = 5,
    // 15.666…/30 = 52.2 %; B: 20 + 10 (exempt left out, then 10/10) = 30/30 = 100 %.
    expect([grace.percentage, grace.rank]).toEqual([62.8, 2])
    expect([lineOf(body, pupils.a).percentage, lineOf(body, pupils.a).rank]).toEqual([52.2, 3])
    expect([lineOf(body, pupils.b).percentage, lineOf(body, pupils.b).rank]).toEqual([100, 1])
    // Everyone else has no P4 mark: no percentage, no place. (62.8 + 52.2 + 100) / 3 = 71.666… → 71.7
    expect(body.students.filter((line: any) => line.rank === null)).toHaveLength(body.students.length - 3)
    expect(body.statistics).toEqual({ count: 3, average: 71.7, min: 52.2, max: 100 })
    // In the bulletin's order (other test files may add courses to the level: they come after).
    const seeded = ['Mathématiques', 'Français', 'Sciences', 'Éducation civique']
    expect(body.subjects.map((s: any) => s.name).filter((name: string) => seeded.includes(name))).toEqual(seeded)
  })

  it('counts only published marks when asked, as the report card does', async () => {
    const { body } = await results(admin, fx.classes.taught.id, `?term=${p4}&published=true`)
    // Grâce: 15.333… + 7 = 22.333…/30 = 74.4 %; A: 10.666… + 0 = 35.6 %; B: 20/20 = 100 %
    expect(body.students.filter((line: any) => line.rank !== null).map((line: any) => [line.student, line.percentage, line.rank]).sort()).toEqual(
      [
        [pupils.grace.id, 74.4, 2],
        [pupils.a.id, 35.6, 3],
        [pupils.b.id, 100, 1],
      ].sort(),
    )
    // (74.4 + 35.6 + 100) / 3 = 70
    expect(body.statistics).toEqual({ count: 3, average: 70, min: 35.6, max: 100 })
  })

  it('shows a parent their child\'s line only, on published marks, with the class figures', async () => {
    const { status, body } = await results(await tokenFor(payload, demoAccounts.parent))
    expect(status).toBe(200)
    expect(body.view).toBe('family')
    // Only the parent's own children (other test files may give them another child in this class).
    const guardians = await payload.find({ collection: 'guardians', where: { email: { equals: demoAccounts.parent } }, depth: 0, overrideAccess: true })
    const children = await payload.find({ collection: 'students', where: { guardians: { in: guardians.docs.map((g) => g.id) } }, depth: 0, overrideAccess: true })
    const childIds = children.docs.map((child) => child.id)
    expect(body.students.every((line: any) => childIds.includes(line.student))).toBe(true)
    const grace = lineOf(body, pupils.grace)
    // the unpublished 0/10 in sciences does not count: 7/10
    expect(grace.courses[2].parts.P4).toEqual({ points: 7, maximum: 10 })
    expect([grace.percentage, grace.rank]).toEqual([74.4, 2])
    expect(body.statistics).toEqual({ count: 3, average: 70, min: 35.6, max: 100 })
    expect(JSON.stringify(body)).not.toContain(pupils.a.fullName)
  })

  it('shows a teacher the courses they teach in the class, and nothing of a class they do not teach', async () => {
    const teacher = await tokenFor(payload, demoAccounts.teacher)
    const own = await results(teacher)
    expect(own.status).toBe(200)
    expect(own.body.subjects.map((s: any) => s.name)).toEqual(expect.arrayContaining(['Mathématiques', 'Sciences']))
    expect(own.body.subjects.map((s: any) => s.name)).not.toContain('Français')
    expect(lineOf(own.body, pupils.grace).percentage).toBe(62.8)
    // The colleague teaches French and civics here: no P4 marks in those.
    const colleague = await results(await tokenFor(payload, otherAccounts.teacher))
    expect(colleague.body.subjects.map((s: any) => s.name)).toEqual(expect.arrayContaining(['Français', 'Éducation civique']))
    expect(colleague.body.subjects.map((s: any) => s.name)).not.toContain('Mathématiques')
    expect(colleague.body.statistics.count).toBe(0)
    // 1HS is not one of the demo teacher's classes.
    expect((await results(teacher, fx.classes.childB.id, '')).status).toBe(404)
  })

  it('refuses whoever may not see the marks', async () => {
    expect((await results(await tokenFor(payload, demoAccounts.finance))).status).toBe(403)
    expect((await results(await tokenFor(payload, demoAccounts.student))).status).toBe(404)
    expect((await results(await tokenFor(payload, otherAccounts.secondSchoolAdmin))).status).toBe(404)
    expect((await rest('GET', `/classes/${fx.classes.taught.id}/results`)).status).toBe(401)
  })

  it('explains a bulletin it cannot compute', async () => {
    const wrong = await results(admin, fx.classes.taught.id, '?upTo=T3')
    expect(wrong.status).toBe(400)
    expect(wrong.body.errors[0].data.errors[0]).toMatchObject({ path: 'upTo' })
    const otherYear = await results(admin, fx.classes.taught.id, `?term=${fx.terms.matete.id}`)
    expect(otherYear.status).toBe(400)
  })

  it('computes the year and a semester too', async () => {
    const year = await results(admin, fx.classes.taught.id, '')
    expect(year.body.bulletin).toBe('year')
    const s2 = await results(admin, fx.classes.taught.id, '?upTo=S2')
    // Only P4 marks in the 2nd semester so far: the semester's figures are P4's.
    expect(lineOf(s2.body, pupils.b).totals.semester2).toEqual({ points: 30, maximum: 30 })
    expect(lineOf(s2.body, pupils.b).percentage).toBe(100)
  })
})
